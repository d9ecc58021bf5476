/** Placeholder until the panel lands: its name, place and heading are fixed by App.tsx. */
export function NetworkLog() {
  return (
    <section aria-labelledby="network-log-heading" className="panel">
      <h2 id="network-log-heading">Network</h2>
    </section>
  )
}
