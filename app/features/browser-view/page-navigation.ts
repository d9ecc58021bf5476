/**
 * Turns a link click or a form submission on a simulated page into the navigation the
 * simulated browser performs. URLs resolve against the simulated page's URL (never the app's
 * own address, which is what an `about:srcdoc` frame would use), with the profile's current
 * scheme, so that switching to https applies to the next click. HTML's form submission
 * algorithm: GET puts the fields in the query (replacing it), POST sends them urlencoded.
 */
import {
  type BrowserSettings,
  type NavigationRequest,
  withSiteScheme,
  SITE_HOST,
} from '../../../mocks/client'

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
  if (target.hostname !== SITE_HOST || target.port !== '') {
    return {
      kind: 'blocked',
      message: `The simulated browser only visits ${SITE_HOST}; it did not follow the link to ${target.origin}.`,
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
