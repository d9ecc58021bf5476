import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createServer } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startStaticServer, type StaticServer } from '../../scripts/serve-static.mjs'

const BASE = '/session-playground/'

describe('startStaticServer', () => {
  let workDir: string
  let server: StaticServer
  let origin: string

  beforeAll(async () => {
    // workDir/secret.txt sits next to the served folder, so a traversal has something to find.
    workDir = await mkdtemp(path.join(tmpdir(), 'serve-static-'))
    const root = path.join(workDir, 'dist')
    await mkdir(path.join(root, 'assets'), { recursive: true })
    await writeFile(path.join(root, 'index.html'), '<h1>index page</h1>')
    await writeFile(path.join(root, '404.html'), '<h1>custom not found page</h1>')
    await writeFile(path.join(root, 'assets', 'app.js'), 'console.log("app")')
    await writeFile(path.join(workDir, 'secret.txt'), 'top secret')
    server = await startStaticServer({ root, base: BASE, port: 0 })
    origin = new URL(server.url).origin
  })

  afterAll(async () => {
    await server.close()
    await rm(workDir, { recursive: true, force: true })
  })

  it('listens on 127.0.0.1 under the base path', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/session-playground\/$/)
    expect(server.url).not.toMatch(/:0\//)
  })

  it('serves index.html at the base path', async () => {
    const response = await fetch(server.url)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/html/)
    expect(await response.text()).toBe('<h1>index page</h1>')
  })

  it('serves a .js file as JavaScript', async () => {
    const response = await fetch(`${server.url}assets/app.js`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/)
    expect(await response.text()).toBe('console.log("app")')
  })

  it('redirects the base path without its trailing slash', async () => {
    const response = await fetch(`${origin}/session-playground`, { redirect: 'manual' })
    expect(response.status).toBe(301)
    expect(response.headers.get('location')).toBe(BASE)
  })

  describe('when the path is unknown under the base', () => {
    it('answers 404 with the body of 404.html', async () => {
      const response = await fetch(`${server.url}lessons/no-such-lesson`)
      expect(response.status).toBe(404)
      expect(await response.text()).toBe('<h1>custom not found page</h1>')
    })
  })

  describe('when the path is outside the base', () => {
    it.each(['/', '/index.html', '/other-project/index.html'])('answers 404 for %s', async (p) => {
      const response = await fetch(`${origin}${p}`)
      expect(response.status).toBe(404)
      expect(await response.text()).not.toContain('index page')
    })
  })

  describe('when the path tries to climb out of the served folder', () => {
    it.each([
      '..%2fsecret.txt',
      '..%2f..%2fsecret.txt',
      'assets%2f..%2f..%2fsecret.txt',
      '%2e%2e/secret.txt',
    ])('refuses %s', async (p) => {
      const response = await fetch(`${server.url}${p}`)
      expect(response.status).toBe(404)
      expect(await response.text()).not.toContain('top secret')
    })
  })
})

describe('startStaticServer on a busy port', () => {
  let blocker: ReturnType<typeof createServer>
  let busyPort: number

  beforeAll(async () => {
    blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    busyPort = (blocker.address() as { port: number }).port
  })

  afterAll(async () => {
    await new Promise((resolve) => blocker.close(resolve))
  })

  it('fails with EADDRINUSE when asked for that port alone', async () => {
    await expect(startStaticServer({ port: busyPort })).rejects.toMatchObject({
      code: 'EADDRINUSE',
    })
  })

  it('takes the next free port with nextFreePort, and says which in its url', async () => {
    const server = await startStaticServer({ port: busyPort, nextFreePort: true })
    try {
      const port = Number(new URL(server.url).port)
      expect(port).toBeGreaterThan(busyPort)
      // It answers HTTP there (the default root may hold no build: 404 is an answer too).
      expect([200, 404]).toContain((await fetch(server.url)).status)
    } finally {
      await server.close()
    }
  })
})
