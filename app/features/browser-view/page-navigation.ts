/**
 * Turns a link click or a form submission on a simulated page into the navigation the
 * simulated browser performs. URLs resolve against the simulated page's URL (never the app's
 * own address, which is what an `about:srcdoc` frame would use), with the profile's current
 * scheme, so that switching to https applies to the next click. HTML's form submission
 * algorithm: GET puts the fields in the query (replacing it), POST sends them urlencoded. A link
 * or form to another host is followed like any other: the simulated network answers it with
 * Chrome's page for a host that does not resolve. Only a scheme the browser would hand to
 * another program (mailto:) or run as script (javascript:) is refused here.
 */
import { type BrowserSettings, type NavigationRequest, withSiteScheme } from '../../../mocks/client'

export type PageNavigation =
  | { kind: 'navigate'; request: NavigationRequest }
  /** Stays on the page: a fragment link or a dialog form. */
  | { kind: 'stay'; fragment: string | undefined }
  | { kind: 'blocked'; message: string }

export interface FormSubmission {
  /** The `action` attribute (or the submitter's `formaction`), as written; `null` if absent. */
  action: string | null
  /** The `method` attribute (or the submitter's `formmethod`); `null` if absent. */
  method: string | null
  fields: ReadonlyArray<readonly [string, string]>
}

/** Where a link or form opens: in its tab, or in a new tab of the same profile. */
export type Disposition = 'here' | 'new-tab'

/**
 * A link's or form's `target` read for the simulated tab: the page is the top of its tab, so
 * `_top` and `_parent` are the tab itself; `_blank`, or any name, is a new tab.
 */
export function dispositionOf(target: string | null): Disposition {
  const name = target?.trim().toLowerCase() ?? ''
  return name === '' || name === '_self' || name === '_top' || name === '_parent'
    ? 'here'
    : 'new-tab'
}

type Scheme = BrowserSettings['scheme']

function resolve(reference: string, pageUrl: string, scheme: Scheme): URL | undefined {
  try {
    return new URL(reference.trim(), withSiteScheme(pageUrl, scheme))
  } catch {
    return undefined
  }
}

function blockedTarget(target: URL | undefined, reference: string): PageNavigation | undefined {
  if (!target) return { kind: 'blocked', message: `"${reference}" is not a valid URL.` }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    return {
      kind: 'blocked',
      message: `The simulated browser does not open ${target.protocol} links.`,
    }
  }
  return undefined
}

function isSamePage(target: URL, pageUrl: string): boolean {
  const page = new URL(pageUrl)
  return target.pathname === page.pathname && target.search === page.search
}

export function resolveLinkNavigation(
  href: string,
  pageUrl: string,
  scheme: Scheme,
): PageNavigation {
  const target = resolve(href, pageUrl, scheme)
  const blocked = blockedTarget(target, href)
  if (blocked || !target) return blocked ?? { kind: 'stay', fragment: undefined }
  // `#section` scrolls within the page; it is not a request.
  if (href.trim().startsWith('#') && isSamePage(target, pageUrl)) {
    return { kind: 'stay', fragment: decodeURIComponent(target.hash.slice(1)) }
  }
  target.hash = ''
  return { kind: 'navigate', request: { url: target.href } }
}

export function resolveFormNavigation(
  submission: FormSubmission,
  pageUrl: string,
  scheme: Scheme,
): PageNavigation {
  const method = (submission.method ?? 'get').trim().toLowerCase()
  if (method === 'dialog') return { kind: 'stay', fragment: undefined }
  // An absent or empty action submits to the page itself.
  const action = submission.action?.trim() || pageUrl
  const target = resolve(action, pageUrl, scheme)
  const blocked = blockedTarget(target, action)
  if (blocked || !target) return blocked ?? { kind: 'stay', fragment: undefined }
  target.hash = ''
  if (method === 'post') {
    return {
      kind: 'navigate',
      request: { url: target.href, method: 'POST', form: submission.fields },
    }
  }
  // Any other method value is invalid and falls back to GET (HTML §4.10.18.6).
  target.search = new URLSearchParams(submission.fields as Array<[string, string]>).toString()
  return { kind: 'navigate', request: { url: target.href } }
}
