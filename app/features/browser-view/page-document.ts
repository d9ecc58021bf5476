/**
 * What the page area shows for a response: the `srcdoc` for an HTML page, pretty JSON, and the
 * tab title. Server HTML is usually a fragment (`res.send('<h1>…')`); Chrome would render it in
 * quirks mode with Times. We add a doctype and a quiet default style that any CSS of the page
 * overrides (`:where` has no specificity).
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

export function pageSrcdoc(html: string): string {
  const doctype = DOCTYPE.exec(html)
  if (!doctype) return `<!doctype html><meta charset="utf-8">${BASE_STYLE}${html}`
  return `${doctype[0]}${BASE_STYLE}${html.slice(doctype[0].length)}`
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
