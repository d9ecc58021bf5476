/**
 * What the page area shows for a response: the document for an HTML page, pretty JSON, and the
 * tab title. Server HTML is usually a fragment (`res.send('<h1>…')`); Chrome would render it in
 * quirks mode with Times. We add a doctype and a quiet default style that any CSS of the page
 * overrides (`:where` has no specificity).
 *
 * The page is untrusted and its frame shares the app's origin, so the document starts with a
 * Content-Security-Policy that lets nothing reach the real network: no image, stylesheet, font,
 * media, frame or object loads (`default-src 'none'`, only inline styles and `data:` images and
 * fonts), and forms submit only to the frame-navigation file (see frame-navigation.ts). A policy
 * the page adds can only narrow ours. Then a `<base>` names the simulated URL, so a link the
 * real browser ever followed would go to session.test, which no real resolver knows, rather
 * than to the app's own site. The first `<base>` is the one that counts, and the page's own are
 * taken out (no `base-uri`: Chromium keeps a written policy across `document.open`, and would
 * then refuse the reset of the base URL that each next write begins with). Also taken out of
 * the page's markup before it is written, as no policy stops them:
 * `<meta http-equiv=refresh>` (a navigation), `<base>`, connection hints (`preconnect` opens a
 * socket no policy governs), `ping`, and the address of nested frames: Chromium opens a
 * connection for an `<iframe src>` that its policy then refuses, and a `srcdoc` document's links
 * are watched by nobody.
 */
import type { PageView } from '../../../mocks/client'

const BASE_STYLE = `<style>
:where(html) { font-family: system-ui, -apple-system, 'Segoe UI', sans-serif; line-height: 1.45; color: #1b1f24; }
:where(body) { margin: 1rem 1.25rem; }
:where(form) { display: grid; gap: 0.5rem; max-width: 20rem; }
:where(label) { display: grid; gap: 0.15rem; }
:where(input, button, select, textarea) { font: inherit; padding: 0.3rem 0.5rem; }
:where(button) { justify-self: start; cursor: pointer; }
</style>`

const DOCTYPE = /^\s*<!doctype[^>]*>/i

export interface PageDocumentOptions {
  /** The simulated page's URL (`http://session.test/dashboard`): the page's base URL. */
  pageUrl: string
  /** The absolute URL of the frame-navigation file: the one place a form may submit to. */
  formTarget: string
}

/** The frame's Content-Security-Policy; `formTarget` without its fragment. */
export function pagePolicy({ formTarget }: Pick<PageDocumentOptions, 'formTarget'>): string {
  const form = new URL(formTarget)
  return [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    'img-src data:',
    'font-src data:',
    `form-action ${form.origin}${form.pathname}`,
  ].join('; ')
}

function attribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
}

/** The document written into the page frame for a server's HTML. */
export function pageDocument(html: string, options: PageDocumentOptions): string {
  const head =
    `<meta http-equiv="Content-Security-Policy" content="${attribute(pagePolicy(options))}">` +
    `<base href="${attribute(options.pageUrl)}" target="_self">`
  const doctype = DOCTYPE.exec(html)
  const markup = withoutEscapes(doctype ? html.slice(doctype[0].length) : html)
  if (!doctype) return `<!doctype html>${head}<meta charset="utf-8">${BASE_STYLE}${markup}`
  return `${doctype[0]}${head}${BASE_STYLE}${markup}`
}

const HINTS = new Set(['preconnect', 'dns-prefetch', 'prefetch', 'preload', 'prerender'])

/**
 * The page's markup without what a policy cannot hold. Parsed with DOMParser: its document has
 * no browsing context, so nothing in it loads, refreshes or navigates. What comes back is the
 * whole `<html>` element; written after our head's elements, the parser merges it into the
 * document they began, as it would the page's own `<html>`.
 */
function withoutEscapes(markup: string): string {
  if (!/<(meta|base|link|iframe|frame)\b|\bping\s*=/i.test(markup)) return markup
  const parsed = new DOMParser().parseFromString(`<!doctype html>${markup}`, 'text/html')
  let changed = false
  const remove = (element: Element) => {
    element.remove()
    changed = true
  }
  const strip = (element: Element, name: string) => {
    if (!element.hasAttribute(name)) return
    element.removeAttribute(name)
    changed = true
  }
  for (const meta of parsed.querySelectorAll('meta[http-equiv]'))
    if (meta.getAttribute('http-equiv')?.trim().toLowerCase() === 'refresh') remove(meta)
  parsed.querySelectorAll('base').forEach(remove)
  for (const link of parsed.querySelectorAll('link[rel]')) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/)
    if (rel.some((token) => HINTS.has(token))) remove(link)
  }
  for (const frame of parsed.querySelectorAll('iframe, frame')) {
    strip(frame, 'src')
    strip(frame, 'srcdoc')
  }
  parsed.querySelectorAll('[ping]').forEach((element) => strip(element, 'ping'))
  if (!changed) return markup
  return parsed.documentElement.outerHTML
}

/** JSON as the server sent it, indented; the raw text when it does not parse. */
export function prettyJson(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2)
  } catch {
    return body
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|#x[\da-f]+|\w+);/gi, (entity, code: string) => {
      if (code.startsWith('#x') || code.startsWith('#X'))
        return String.fromCodePoint(parseInt(code.slice(2), 16))
      if (code.startsWith('#')) return String.fromCodePoint(parseInt(code.slice(1), 10))
      return ENTITIES[code.toLowerCase()] ?? entity
    })
    .replace(/\s+/g, ' ')
    .trim()
}

/** The tab's title: the page's <title>, else its first heading, else its path. */
export function pageTitle(page: PageView | undefined): string {
  if (!page) return 'New tab'
  if (page.kind === 'html') {
    const match =
      /<title[^>]*>([\s\S]*?)<\/title>/i.exec(page.body) ??
      /<h[1-3][^>]*>([\s\S]*?)<\/h[1-3]>/i.exec(page.body)
    const title = match?.[1] === undefined ? '' : textOf(match[1])
    if (title) return title
  }
  if (page.kind === 'error') return hostOrUrl(page.url)
  const { pathname, search } = new URL(page.url)
  return `${pathname}${search}`
}

function hostOrUrl(url: string): string {
  try {
    return new URL(url).host || url
  } catch {
    return url
  }
}
