// Serves the built site (dist/) the way GitHub Pages serves a project site: only under its base
// path, index.html for a folder, and 404.html with status 404 for any miss. `vite preview`
// answers misses with 200 + index.html instead, which would hide broken deep links.
import { readFile, stat } from 'node:fs/promises'
import { createServer } from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  // PGlite (the Postgres chunk): WebAssembly.compileStreaming insists on this type.
  '.wasm': 'application/wasm',
  '.data': 'application/octet-stream',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
}
const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** The file a request path names under `root`, or null if it escapes `root` or cannot be read. */
async function findFile(root, relativePath) {
  const filePath = path.resolve(root, `./${relativePath}`)
  if (filePath !== root && !filePath.startsWith(root + path.sep)) return null
  const stats = await stat(filePath).catch(() => null)
  if (stats?.isDirectory()) return findFile(root, path.join(relativePath, 'index.html'))
  return stats?.isFile() ? filePath : null
}

async function answer(request, response, root, base, headScript) {
  const send = (status, body, type = 'text/plain; charset=utf-8') => {
    // A browser test's script that must run before the page's own, where the browser's driver
    // cannot add one itself (WebDriver classic has no such command).
    if (headScript && type === CONTENT_TYPES['.html'])
      body = String(body).replace('</head>', `<script>${headScript}</script></head>`)
    // As GitHub Pages does: the server worker runs in a sandboxed (opaque-origin) frame, and
    // loads the site's own scripts from there with CORS.
    response.writeHead(status, {
      'Content-Type': type,
      'Cache-Control': 'no-cache',
      'Access-Control-Allow-Origin': '*',
    })
    response.end(request.method === 'HEAD' ? undefined : body)
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') return send(405, 'Method not allowed')
  const { pathname } = new URL(request.url ?? '/', 'http://localhost')
  if (`${pathname}/` === base) {
    response.writeHead(301, { Location: base }).end()
    return
  }
  if (!pathname.startsWith(base)) return send(404, 'Not found')
  let relativePath
  try {
    relativePath = decodeURIComponent(pathname.slice(base.length))
  } catch {
    return send(400, 'Bad request')
  }
  if (relativePath.includes('\0')) return send(400, 'Bad request')
  const filePath = await findFile(root, relativePath)
  if (filePath) {
    const type = CONTENT_TYPES[path.extname(filePath)] ?? 'application/octet-stream'
    return send(200, await readFile(filePath), type)
  }
  const notFoundPage = await findFile(root, '404.html')
  if (notFoundPage) return send(404, await readFile(notFoundPage), CONTENT_TYPES['.html'])
  send(404, 'Not found')
}

/** How many ports after a busy one `nextFreePort` tries before it gives up. */
const PORTS_TRIED = 20

/**
 * Starts the server; resolves once it listens. `port: 0` picks a free port; with `nextFreePort`,
 * a busy port (another preview still running, say) is passed over for the next one.
 */
export async function startStaticServer({
  root = path.join(PROJECT_ROOT, 'dist'),
  base = '/session-playground/',
  port = 4173,
  nextFreePort = false,
  headScript = undefined,
  onRequest = undefined,
} = {}) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await listenOn(root, base, port + attempt, headScript, onRequest)
    } catch (error) {
      const busy = /** @type {NodeJS.ErrnoException} */ (error).code === 'EADDRINUSE'
      if (!nextFreePort || !busy || port === 0 || attempt + 1 >= PORTS_TRIED) throw error
    }
  }
}

function listenOn(root, base, port, headScript, onRequest) {
  const rootPath = path.resolve(root)
  const basePath = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/')
  const server = createServer((request, response) => {
    onRequest?.(request.url ?? '/')
    answer(request, response, rootPath, basePath, headScript).catch((error) => {
      console.error(error)
      if (!response.headersSent) response.writeHead(500)
      response.end()
    })
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
      const { port: actualPort } = /** @type {import('node:net').AddressInfo} */ (server.address())
      resolve({
        url: `http://127.0.0.1:${actualPort}${basePath}`,
        close: () =>
          new Promise((done) => {
            server.close(() => done())
            server.closeAllConnections()
          }),
      })
    })
  })
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.join(PROJECT_ROOT, 'dist')
  const hasBuild = await stat(path.join(root, 'index.html')).catch(() => null)
  if (!hasBuild) {
    console.error('dist/index.html is missing: run `npm run build` first (or `npm start`).')
    process.exit(1)
  }
  const port = Number(process.env.PORT ?? 4173)
  const { url } = await startStaticServer({
    root,
    base: process.env.BASE_PATH ?? '/session-playground/',
    port,
    nextFreePort: true,
  }).catch((error) => {
    console.error(
      `Cannot listen on 127.0.0.1:${port} or the ${PORTS_TRIED - 1} ports after it: ${error.message}`,
    )
    process.exit(1)
  })
  console.log(`Session Playground is running at ${url}`)
}
