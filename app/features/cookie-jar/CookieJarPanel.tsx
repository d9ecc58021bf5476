/** Placeholder until the panel lands: its name, place and heading are fixed by App.tsx. */
export function CookieJarPanel() {
  return (
    <section aria-labelledby="cookie-jar-heading" className="panel">
      <h2 id="cookie-jar-heading">Cookies</h2>
    </section>
  )
}
