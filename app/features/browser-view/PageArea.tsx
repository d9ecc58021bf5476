import { useEffect, useLayoutEffect, useRef } from 'react'
import type { PageView } from '../../../mocks/client'
import { attachPageInterceptors, type PageInterceptorHandlers } from './page-interceptors'
import {
  FRAME_NAVIGATION_FILE,
  outsideListenersRun,
  readFrameNavigation,
  routeThroughFrameLoads,
  type FrameNavigation,
} from './frame-navigation'
import { pageDocument, prettyJson } from './page-document'
import { statusLine } from './status-text'
import { errorPageCopy } from './error-page'

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
  const area = useRef<HTMLDivElement>(null)
  // Set when a link or form in the page starts a navigation. When the next page is not HTML the
  // frame goes away with the focus in it; as in a real browser, the next page takes the focus
  // instead of the app's body.
  const focusNextPage = useRef(false)
  const sizing = useRef<number | undefined>(undefined)
  useEffect(
    () => () => {
      if (sizing.current !== undefined) cancelAnimationFrame(sizing.current)
    },
    [],
  )

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

  const interceptors: PageInterceptorHandlers = {
    link: (href, page, disposition) => {
      focusNextPage.current = disposition === 'here'
      latest.current.link(href, page, disposition)
    },
    form: (submission, disposition) => {
      focusNextPage.current = disposition === 'here'
      latest.current.form(submission, disposition)
    },
  }

  /** A link or form of the page, heard as the frame's load (see frame-navigation.ts). */
  function onFrameNavigation(navigation: FrameNavigation, document: Document) {
    if (navigation.kind === 'link')
      interceptors.link(navigation.href, document, navigation.disposition)
    else interceptors.form(navigation.submission, navigation.disposition)
  }

  /** Called each time a page has been written into the frame (see HtmlFrame). */
  function onPageWritten(frame: HTMLIFrameElement, document: Document) {
    attachPageInterceptors(document, interceptors)
    if (!outsideListenersRun(document)) routeThroughFrameLoads(document, siteBase(frame))
    // Sized in the next animation frame: reading the page's height here, right after React's
    // commit, would lay the whole app out at once and then again when the frame is drawn.
    if (sizing.current !== undefined) cancelAnimationFrame(sizing.current)
    sizing.current = requestAnimationFrame(() => {
      sizing.current = undefined
      const height = document.documentElement.scrollHeight
      frame.style.height = `${Math.min(MAX_FRAME_PX, Math.max(MIN_FRAME_PX, height + 4))}px`
    })
    if (focusNextPage.current) {
      focusNextPage.current = false
      if (focusWasLost(frame)) frame.focus({ preventScroll: true })
    }
  }

  return (
    <div className="bv-page" ref={area} tabIndex={-1} aria-busy={loading} data-loading={loading}>
      {loading && (
        <div className="bv-progress" role="status">
          <span className="visually-hidden">Loading…</span>
        </div>
      )}
      {page ? (
        // HTML pages share one frame (the key): each is written into it, see HtmlFrame.
        <PageContent
          key={page.kind}
          page={page}
          onPageWritten={onPageWritten}
          onFrameNavigation={onFrameNavigation}
        />
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

/**
 * The app's own base URL, absolute: the page's `<base>` names the simulated site, so a URL of
 * the app written into the page must not be relative.
 */
function siteBase(frame: HTMLIFrameElement): string {
  return new URL(import.meta.env.BASE_URL, frame.ownerDocument.baseURI).href
}

type PageWritten = (frame: HTMLIFrameElement, document: Document) => void
type FrameNavigated = (navigation: FrameNavigation, document: Document) => void

interface FrameCallbacks {
  onPageWritten: PageWritten
  onFrameNavigation: FrameNavigated
}

function PageContent({ page, ...callbacks }: { page: PageView } & FrameCallbacks) {
  switch (page.kind) {
    case 'html':
      return <HtmlFrame page={page} {...callbacks} />
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
      const copy = errorPageCopy(code, page.url)
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

/**
 * Server HTML in a sandboxed frame. Scripts in it must never run in the app's origin: no
 * allow-scripts, so neither `<script>` nor inline handlers run; allow-same-origin lets the page
 * area read and write its document. Each page is written into the same frame with
 * document.open/write/close rather than given a new `srcdoc` frame: a srcdoc navigation costs
 * tens of milliseconds of browser round trips, a write is parsed at once. Writing also erases
 * the document's listeners (HTML's document open steps), so `onPageWritten` attaches them anew.
 * Where those listeners never run (WebKit), a link or form loads the frame-navigation file
 * instead (frame-navigation.ts): its `load`, heard on the frame element, hands it over.
 */
function HtmlFrame({ page, ...callbacks }: { page: PageView } & FrameCallbacks) {
  const frame = useRef<HTMLIFrameElement>(null)
  const latest = useRef(callbacks)
  useLayoutEffect(() => {
    latest.current = callbacks
  })
  function write(element: HTMLIFrameElement): Document | undefined {
    const document = element.contentDocument
    if (!document) return undefined
    const formTarget = new URL(FRAME_NAVIGATION_FILE, siteBase(element)).href
    document.open()
    document.write(pageDocument(page.body, { pageUrl: page.url, formTarget }))
    document.close()
    latest.current.onPageWritten(element, document)
    return document
  }
  // Every new PageView is written, even a reload that brings back identical HTML.
  useLayoutEffect(() => {
    if (frame.current) write(frame.current)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `write` reads the page given here.
  }, [page])
  /** The frame loaded the frame-navigation file: put the page back, then follow the click. */
  function onLoad() {
    const element = frame.current
    const navigation = readFrameNavigation(element?.contentDocument?.URL ?? '')
    if (!element || !navigation) return
    const document = write(element)
    if (document) latest.current.onFrameNavigation(navigation, document)
  }
  return (
    <iframe
      ref={frame}
      className="bv-frame"
      title={`Page at ${page.url}`}
      sandbox="allow-same-origin allow-forms"
      onLoad={onLoad}
    />
  )
}
