import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { StartupFailure } from './StartupFailure'
import { connectServer } from './server-connection'
import { Playground } from './playground/playground'
import { PlaygroundProvider } from './playground/playground-context'
import { usePlaygroundStore } from './state/store'
import { sendSimRequest } from '../mocks/client/send-sim-request'
import sampleServerSource from '../mocks/server/samples/login-server.js?raw'
import './styles.css'

const rootElement = document.getElementById('root')
if (!rootElement) throw new Error('index.html has no #root element')
const root = createRoot(rootElement)

try {
  const server = await connectServer()
  const playground = new Playground({
    server,
    send: (request) => sendSimRequest(import.meta.env.BASE_URL, request),
    store: usePlaygroundStore,
  })
  await playground.startServer(sampleServerSource)
  playground.startJarRefresh()
  root.render(
    <StrictMode>
      <PlaygroundProvider playground={playground}>
        <App />
      </PlaygroundProvider>
    </StrictMode>,
  )
} catch (error) {
  root.render(<StartupFailure error={error} />)
}
