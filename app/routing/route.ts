/**
 * The app's locations, kept in the URL's fragment: `#/lessons`, `#/lessons/<lesson-id>`,
 * `#/lessons/<lesson-id>/<step-id>` and `#/play`. A fragment never reaches the server, so deep
 * links work on a static host under any sub-path (GitHub Pages) with no rewrite rules.
 * Pure: no DOM here; use-route.ts binds it to `window.location`.
 */
export type Route =
  | { name: 'lessons' }
  | { name: 'lesson'; lessonId: string; stepId?: string }
  | { name: 'free-play' }
  /** A fragment that names no place in the app; `path` is what it said, decoded when possible. */
  | { name: 'not-found'; path: string }

/** Where an empty fragment (the site's front door) leads. */
export const HOME_ROUTE: Route = { name: 'lessons' }

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment)
  } catch {
    // A malformed escape (`%E0%A4%A`) in a hand-typed link: no such place, never a crash.
    return undefined
  }
}

/** Reads `location.hash` (with or without the leading `#`). Never throws on what a user typed. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/[?].*$/, '')
  const raw = path.split('/').filter((segment) => segment !== '')
  const segments = raw.map(decodeSegment)
  const shown = segments.every((segment) => segment !== undefined) ? segments.join('/') : path
  const notFound: Route = { name: 'not-found', path: shown }
  if (segments.some((segment) => segment === undefined)) return notFound
  const [first, lessonId, stepId, ...rest] = segments as string[]
  if (first === undefined) return HOME_ROUTE
  if (first === 'play') return raw.length === 1 ? { name: 'free-play' } : notFound
  if (first !== 'lessons' || rest.length > 0) return notFound
  if (lessonId === undefined) return { name: 'lessons' }
  return stepId === undefined ? { name: 'lesson', lessonId } : { name: 'lesson', lessonId, stepId }
}

/** The fragment for a route, starting with `#`: usable as an `href` from any page of the site. */
export function formatRoute(route: Route): string {
  switch (route.name) {
    case 'lessons':
      return '#/lessons'
    case 'free-play':
      return '#/play'
    case 'lesson': {
      const lesson = `#/lessons/${encodeURIComponent(route.lessonId)}`
      return route.stepId === undefined ? lesson : `${lesson}/${encodeURIComponent(route.stepId)}`
    }
    case 'not-found':
      return `#/${route.path}`
  }
}
