/**
 * Chromium's reason names for a blocked cookie, as DevTools prints them, each a code chip; the
 * panel that shows them styles them with its own classes.
 */
export function ReasonNames({
  reasons,
  classNames,
}: {
  reasons: readonly string[]
  classNames: { list: string; name: string }
}) {
  return (
    <span className={classNames.list}>
      {reasons.map((reason) => (
        <code key={reason} className={classNames.name}>
          {reason}
        </code>
      ))}
    </span>
  )
}
