import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { StartupFailure } from './StartupFailure'
import { connectServer } from './server-connection'
import { usePlaygroundStore } from './state/store'
import loginServerSource from '../mocks/server/samples/login-server.js?raw'
import './styles.css'

const rootElement = document.getElementById('root')
if (!rootElement) throw new Error('index.html has no #root element')
const root = createRoot(rootElement)

try {
  const server = await connectServer()
  const { appendEvents, setServerStatus } = usePlaygroundStore.getState()
  server.subscribe((event) => appendEvents([event]))
  const started = await server.start(loginServerSource, 'server.js')
  setServerStatus(started.ok ? 'running' : 'failed')
  root.render(
    <StrictMode>
      <App server={server} serverSource={loginServerSource} />
    </StrictMode>,
  )
} catch (error) {
  root.render(<StartupFailure error={error} />)
}
