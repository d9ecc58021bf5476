import type { CookieVerdict } from '../../../mocks/client'

/** What the jar did with one Set-Cookie: stored, replaced, deleted, expired or rejected. */
export function VerdictBadge({ outcome }: { outcome: CookieVerdict['outcome'] }) {
  return <span className={`network-log__badge network-log__badge--${outcome}`}>{outcome}</span>
}
