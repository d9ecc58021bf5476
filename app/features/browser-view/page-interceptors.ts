/**
 * Listens on a simulated page's document (an `<iframe srcdoc>` without scripts) for link clicks
 * and form submissions, cancels what the real frame would do, and hands the navigation to the
 * simulated browser instead. Capture phase, so the page's own markup cannot stop us first.
 * Elements come from the frame's realm: checks use `nodeName`, never `instanceof`.
 */
import type { FormSubmission } from './page-navigation'

export interface PageInterceptorHandlers {
  /** `document` is the page's, for scrolling to a fragment. */
  link: (href: string, document: Document) => void
  form: (submission: FormSubmission) => void
}

function closestLink(target: EventTarget | null): Element | null {
  const node = target as Node | null
  const element = node?.nodeType === 1 ? (node as Element) : (node?.parentElement ?? null)
  return element?.closest('a[href], area[href]') ?? null
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
  const onClick = (event: MouseEvent) => {
    if (event.button !== 0) return
    const link = closestLink(event.target)
    if (!link) return
    event.preventDefault()
    handlers.link(link.getAttribute('href') ?? '', document)
  }
  const onSubmit = (event: SubmitEvent) => {
    const form = event.target as HTMLFormElement | null
    if (form?.nodeName !== 'FORM') return
    event.preventDefault()
    handlers.form(readFormSubmission(form, event.submitter))
  }
  document.addEventListener('click', onClick, true)
  document.addEventListener('submit', onSubmit, true)
  return () => {
    document.removeEventListener('click', onClick, true)
    document.removeEventListener('submit', onSubmit, true)
  }
}
