import { useLayoutEffect, useRef, type SyntheticEvent } from 'react'
import type { PageView } from '../../../mocks/client/simulated-browser'
import { attachPageInterceptors, type PageInterceptorHandlers } from './page-interceptors'
import { pageSrcdoc, prettyJson } from './page-document'
import { statusLine } from './status-text'
import { errorPageCopy } from './error-page'

/** Pages get a fresh frame each time, even when a reload brings back identical HTML. */
const pageKeys = new WeakMap<PageView, number>()
let nextPageKey = 1
function keyOf(page: PageView): number {
  let key = pageKeys.get(page)
  if (key === undefined) {
    key = nextPageKey++
    pageKeys.set(page, key)
  }
  return key
}

const MIN_FRAME_PX = 220
const MAX_FRAME_PX = 560

/** The page of one tab: the rendered response, an error page, or the start screen. */
export function PageArea({
  page,
  loading,
  handlers,
  onStart,
}: {
  page: PageView | undefined
  loading: boolean
  handlers: PageInterceptorHandlers
  onStart: () => void
}) {
  // The frame's listeners read the newest handlers: the profile's scheme may change later.
  const latest = useRef(handlers)
  useLayoutEffect(() => {
    latest.current = handlers
  })
  const attached = useRef(new WeakSet<Document>())
  const area = useRef<HTMLDivElement>(null)
  // Set when a link or form in the page starts a navigation. The old frame goes away with the
  // focus in it; as in a real browser, the next page takes the focus instead of the app's body.
  const focusNextPage = useRef(false)

  /** Whether the focus fell out of the page (to the body) rather than going somewhere chosen. */
  function focusWasLost(element: Element): boolean {
    const active = element.ownerDocument.activeElement
    return active === null || active === element.ownerDocument.body
  }

  // A page that is not a frame (JSON, text, an error) takes the focus itself.
  useLayoutEffect(() => {
    if (!focusNextPage.current || loading || !page || page.kind === 'html') return
    focusNextPage.current = false
    if (area.current && focusWasLost(area.current)) area.current.focus({ preventScroll: true })
  }, [page, loading])

  function onFrameLoad(event: SyntheticEvent<HTMLIFrameElement>) {
    const frame = event.currentTarget
    const document = frame.contentDocument
    if (!document || attached.current.has(document)) return
    attached.current.add(document)
    attachPageInterceptors(document, {
      link: (href, page) => {
        focusNextPage.current = true
        latest.current.link(href, page)
      },
      form: (submission) => {
        focusNextPage.current = true
        latest.current.form(submission)
      },
    })
    const height = document.documentElement.scrollHeight
    frame.style.height = `${Math.min(MAX_FRAME_PX, Math.max(MIN_FRAME_PX, height + 4))}px`
    if (focusNextPage.current) {
      focusNextPage.current = false
      if (focusWasLost(frame)) frame.focus({ preventScroll: true })
    }
  }

  return (
    <div className="bv-page" ref={area} tabIndex={-1} aria-busy={loading} data-loading={loading}>
      {loading && (
        <div className="bv-progress" role="status">
          <span className="bv-visually-hidden">Loading…</span>
        </div>
      )}
      {page ? (
        <PageContent key={keyOf(page)} page={page} onFrameLoad={onFrameLoad} />
      ) : (
        !loading && (
          <div className="bv-start">
            <p>
              Type a path in the address bar and press Enter — try <code>/</code>.
            </p>
            <button type="button" onClick={onStart}>
              Open /
            </button>
          </div>
        )
      )}
    </div>
  )
}

function PageContent({
  page,
  onFrameLoad,
}: {
  page: PageView
  onFrameLoad: (event: SyntheticEvent<HTMLIFrameElement>) => void
}) {
  switch (page.kind) {
    case 'html':
      return (
        <iframe
          className="bv-frame"
          title={`Page at ${page.url}`}
          // Scripts in server HTML must never run in the app's origin: no allow-scripts.
          sandbox="allow-same-origin allow-forms"
          srcDoc={pageSrcdoc(page.body)}
          onLoad={onFrameLoad}
        />
      )
    case 'json':
      return (
        <pre className="bv-body bv-json" aria-label="JSON response" tabIndex={0}>
          {prettyJson(page.body)}
        </pre>
      )
    case 'text':
      return (
        <pre className="bv-body" aria-label="Text response" tabIndex={0}>
          {page.body}
        </pre>
      )
    case 'empty':
      return (
        <div className="bv-empty">
          <p>
            <strong>Empty response — {statusLine(page.status ?? 200)}</strong>
          </p>
          <p>The server ended the response without a body, so there is nothing to show.</p>
        </div>
      )
    case 'error': {
      const code = page.error?.code ?? 'ERR_FAILED'
      const copy = errorPageCopy(code)
      return (
        <div className="bv-error" role="alert">
          <div className="bv-error-icon" aria-hidden="true">
            ☹
          </div>
          <h3>{copy.title}</h3>
          <p>{copy.summary}</p>
          {page.error?.message && page.error.message !== copy.summary && (
            <p className="bv-error-message">{page.error.message}</p>
          )}
          <p className="bv-error-code">{copy.chromeCode}</p>
        </div>
      )
    }
  }
}
