/** Placeholder until the panel lands: its name, place and heading are fixed by App.tsx. */
export function ServerControls() {
  return (
    <section aria-labelledby="server-controls-heading" className="panel">
      <h2 id="server-controls-heading">Server</h2>
    </section>
  )
}
