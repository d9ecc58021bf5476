/** Placeholder until the panel lands: its name, place and heading are fixed by App.tsx. */
export function BrowserView() {
  return (
    <section aria-labelledby="browser-view-heading" className="panel">
      <h2 id="browser-view-heading">Browser</h2>
    </section>
  )
}
