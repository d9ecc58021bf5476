/**
 * Link clicks and form submissions for engines that run no outside listeners in the page frame.
 *
 * The frame runs no scripts (sandbox without allow-scripts). Chromium and Firefox still run the
 * listeners the page area attaches to its document from outside (page-interceptors.ts); WebKit,
 * and so Safari, runs none of them (WebKit bug 218086), and a click or a submit there navigates
 * the real frame. Nor can the service worker catch that navigation: a frame whose scripts are
 * sandboxed is never handed to a service worker (HTML sets its requests' service-workers mode to
 * "none"). So for such an engine every link and form of the page is pointed at a small file of
 * the site itself, with what was clicked or submitted in the URL: the frame loads that file, the
 * page area hears the frame's `load` (a listener on the frame element, in the app's document),
 * reads the URL, puts the page back and hands the navigation to the simulated browser. Forms
 * are sent with GET so that their fields arrive in the query; the method they asked for travels
 * in the fragment with the action, and the simulated browser then sends what the form said.
 * A `target` would take the click out of the frame, into a real tab or nowhere (the sandbox
 * allows no popups and no top navigation), so it is moved into the fragment too, and SVG links
 * are given a plain `href`. A link opened with the middle button or a modifier can only open
 * this empty file of our own site in a real tab: nothing outside listeners could catch runs.
 */
import { linkHref } from './page-interceptors'
import { dispositionOf, type Disposition, type FormSubmission } from './page-navigation'

/** Shipped in public/: an empty page the frame may load. */
export const FRAME_NAVIGATION_FILE = 'frame-navigation.html'

export type FrameNavigation = { disposition: Disposition } & (
  { kind: 'link'; href: string } | { kind: 'form'; submission: FormSubmission }
)

/**
 * Whether listeners attached from outside run in this frame's document: not in WebKit, not even
 * for an event the app dispatches itself.
 */
export function outsideListenersRun(document: Document): boolean {
  let ran = false
  const probe = () => {
    ran = true
  }
  const FrameEvent = (document.defaultView as (Window & typeof globalThis) | null)?.Event ?? Event
  document.addEventListener('sim-listener-probe', probe)
  document.dispatchEvent(new FrameEvent('sim-listener-probe'))
  document.removeEventListener('sim-listener-probe', probe)
  return ran
}

function fileUrl(base: string, fragment: Record<string, string>): string {
  const prefix = base.endsWith('/') ? base : `${base}/`
  return `${prefix}${FRAME_NAVIGATION_FILE}#${new URLSearchParams(fragment).toString()}`
}

const XLINK = 'http://www.w3.org/1999/xlink'

/** Moves an element's `target` (or `formtarget`) into the fragment; the click stays here. */
function takeTarget(element: Element, name: string, fragment: Record<string, string>) {
  const target = element.getAttribute(name)
  if (target === null) return fragment
  element.removeAttribute(name)
  return { ...fragment, target }
}

/**
 * Points the page's links, forms and submit buttons at the frame-navigation file; `base` is
 * the app's own base URL, absolute (the page's `<base>` names the simulated site).
 */
export function routeThroughFrameLoads(document: Document, base: string): void {
  for (const link of document.querySelectorAll('a, area')) {
    const href = linkHref(link)
    if (href === null) continue
    link.removeAttributeNS(XLINK, 'href')
    // A download would save the frame-navigation file instead of loading it.
    link.removeAttribute('download')
    link.setAttribute('href', fileUrl(base, takeTarget(link, 'target', { link: href })))
  }
  const submitTo = (action: string | null, method: string | null, target: string | null) => {
    const fragment: Record<string, string> = { form: method ?? '' }
    if (action !== null) fragment.action = action
    if (target !== null) fragment.target = target
    return fileUrl(base, fragment)
  }
  // A dialog form closes its dialog and navigates nowhere: it is left alone.
  const isDialog = (method: string | null) => method?.trim().toLowerCase() === 'dialog'
  for (const form of document.querySelectorAll('form')) {
    const action = form.getAttribute('action')
    const method = form.getAttribute('method')
    const target = form.getAttribute('target')
    form.removeAttribute('target')
    for (const control of form.elements) {
      const own = ['formaction', 'formmethod', 'formtarget'].some((name) =>
        control.hasAttribute(name),
      )
      if (!own) continue
      const ownMethod = control.getAttribute('formmethod') ?? method
      if (isDialog(ownMethod)) continue
      const ownTarget = control.getAttribute('formtarget') ?? target
      control.removeAttribute('formtarget')
      control.setAttribute(
        'formaction',
        submitTo(control.getAttribute('formaction') ?? action, ownMethod, ownTarget),
      )
      control.setAttribute('formmethod', 'get')
    }
    if (isDialog(method)) continue
    form.setAttribute('action', submitTo(action, method, target))
    form.setAttribute('method', 'get')
  }
}

/** What the frame was asked to do, read from the URL it loaded; undefined for any other URL. */
export function readFrameNavigation(url: string): FrameNavigation | undefined {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return undefined
  }
  if (!parsed.pathname.endsWith(`/${FRAME_NAVIGATION_FILE}`)) return undefined
  const fragment = new URLSearchParams(parsed.hash.slice(1))
  const disposition = dispositionOf(fragment.get('target'))
  const href = fragment.get('link')
  if (href !== null) return { kind: 'link', href, disposition }
  const method = fragment.get('form')
  if (method === null) return undefined
  return {
    kind: 'form',
    disposition,
    submission: {
      action: fragment.get('action'),
      method: method === '' ? null : method,
      fields: [...parsed.searchParams],
    },
  }
}
