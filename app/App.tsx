import { RequestConsole } from './features/request-console/RequestConsole'
import { ServerLog } from './features/server-log/ServerLog'
import type { ServerTransport } from '../mocks/server/runtime/server-transport'

export function App({ server, serverSource }: { server: ServerTransport; serverSource: string }) {
  return (
    <div className="app">
      <header className="app-header">
        <h1>Session Playground</h1>
        <p>A real Express + express-session server, running in this tab.</p>
      </header>
      <main className="app-main">
        <RequestConsole server={server} />
        <ServerLog />
        <section aria-labelledby="source-heading" className="panel">
          <h2 id="source-heading">server.js</h2>
          <pre className="code">{serverSource}</pre>
        </section>
      </main>
    </div>
  )
}
