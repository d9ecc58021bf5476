/**
 * Listens on a simulated page's document (a frame without scripts) for link clicks and form
 * submissions, cancels what the real frame would do, and hands the navigation to the simulated
 * browser instead. Capture phase, so the page's own markup cannot stop us first. Every way a
 * real browser opens a link is caught: a plain click or Enter, a click with Ctrl, ⌘ or Shift
 * and the middle button (`auxclick`), which open a new tab, and links in inline SVG, whose
 * `<a>` may carry its URL in `xlink:href`. A `target` opens a new tab, or the same one for
 * `_top` and `_parent` (see dispositionOf). Elements come from the frame's realm: checks use
 * `nodeName`, never `instanceof`.
 */
import { dispositionOf, type Disposition, type FormSubmission } from './page-navigation'

export interface PageInterceptorHandlers {
  /** `document` is the page's, for scrolling to a fragment. */
  link: (href: string, document: Document, disposition: Disposition) => void
  form: (submission: FormSubmission, disposition: Disposition) => void
}

const XLINK = 'http://www.w3.org/1999/xlink'

/** The URL a link element names, from `href` or SVG's older `xlink:href`; null if none. */
export function linkHref(element: Element): string | null {
  return element.getAttribute('href') ?? element.getAttributeNS(XLINK, 'href')
}

/** The HTML or SVG link the event happened in, if any. */
function closestLink(target: EventTarget | null): Element | null {
  const node = target as Node | null
  let element = node?.nodeType === 1 ? (node as Element) : (node?.parentElement ?? null)
  while (element) {
    const name = element.nodeName.toLowerCase()
    if ((name === 'a' || name === 'area') && linkHref(element) !== null) return element
    element = element.parentElement
  }
  return null
}

/** The form data set HTML would submit, the submitter's name/value included. */
export function readFormSubmission(
  form: HTMLFormElement,
  submitter: HTMLElement | null,
): FormSubmission {
  // The frame's own FormData: a form from another realm is not a form to ours in every engine.
  const FrameFormData = (form.ownerDocument.defaultView as (Window & typeof globalThis) | null)
    ?.FormData
  const Data = FrameFormData ?? FormData
  let data: FormData
  try {
    data = new Data(form, submitter)
  } catch {
    // `submitter` was not a submit button of this form.
    data = new Data(form)
  }
  const fields = [...data.entries()].map(
    ([name, value]) => [name, typeof value === 'string' ? value : value.name] as const,
  )
  const override = (name: string) =>
    submitter?.hasAttribute(name) ? submitter.getAttribute(name) : null
  return {
    action: override('formaction') ?? form.getAttribute('action'),
    method: override('formmethod') ?? form.getAttribute('method'),
    fields,
  }
}

export function attachPageInterceptors(
  document: Document,
  handlers: PageInterceptorHandlers,
): () => void {
  // `click` is the main button (and Enter); `auxclick` the others. The right button opens the
  // context menu and navigates nothing.
  const onClick = (event: MouseEvent) => {
    if (event.button === 2) return
    const link = closestLink(event.target)
    if (!link) return
    event.preventDefault()
    const newTab = event.button === 1 || event.ctrlKey || event.metaKey || event.shiftKey
    const disposition = newTab ? 'new-tab' : dispositionOf(link.getAttribute('target'))
    handlers.link(linkHref(link) ?? '', document, disposition)
  }
  const onSubmit = (event: SubmitEvent) => {
    const form = event.target as HTMLFormElement | null
    if (form?.nodeName !== 'FORM') return
    event.preventDefault()
    const { submitter } = event
    const target = submitter?.getAttribute('formtarget') ?? form.getAttribute('target')
    handlers.form(readFormSubmission(form, submitter), dispositionOf(target))
  }
  document.addEventListener('click', onClick, true)
  document.addEventListener('auxclick', onClick, true)
  document.addEventListener('submit', onSubmit, true)
  return () => {
    document.removeEventListener('click', onClick, true)
    document.removeEventListener('auxclick', onClick, true)
    document.removeEventListener('submit', onSubmit, true)
  }
}
