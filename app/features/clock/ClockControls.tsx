/** Placeholder until the panel lands: its name, place and heading are fixed by App.tsx. */
export function ClockControls() {
  return (
    <section aria-labelledby="clock-heading" className="panel">
      <h2 id="clock-heading">Clock</h2>
    </section>
  )
}
