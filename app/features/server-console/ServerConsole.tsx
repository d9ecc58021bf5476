/** Placeholder until the panel lands: its name, place and heading are fixed by App.tsx. */
export function ServerConsole() {
  return (
    <section aria-labelledby="server-console-heading" className="panel">
      <h2 id="server-console-heading">Console</h2>
    </section>
  )
}
