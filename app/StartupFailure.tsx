export function StartupFailure({ error }: { error: unknown }) {
  const message = error instanceof Error ? error.message : String(error)
  return (
    <main className="startup-failure" role="alert">
      <h1>Session Playground could not start</h1>
      <p>{message}</p>
      <p>
        The playground runs its Express server inside this page and routes requests to it with a
        service worker. Try a current Chrome, Edge or Firefox over https, outside a private window.
      </p>
    </main>
  )
}
