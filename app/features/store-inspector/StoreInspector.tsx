/** Placeholder until the panel lands: its name, place and heading are fixed by App.tsx. */
export function StoreInspector() {
  return (
    <section aria-labelledby="store-inspector-heading" className="panel">
      <h2 id="store-inspector-heading">Session store</h2>
    </section>
  )
}
