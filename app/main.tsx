import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { StartupFailure } from './StartupFailure'
import { connectServer } from './server-connection'
import { Playground } from './playground/playground'
import { PlaygroundProvider } from './playground/playground-context'
import { playgroundStore } from './state/store'
import sampleServerSource from '../mocks/server/samples/login-server.js?raw'
import './styles.css'

const rootElement = document.getElementById('root')
if (!rootElement) throw new Error('index.html has no #root element')
const root = createRoot(rootElement)

// An async function rather than top-level await: a module with top-level await stops the
// bundler from merging shared code into this chunk, which costs bytes in the first load.
async function start(): Promise<void> {
  try {
    const { server, send, notice } = await connectServer()
    const playground = new Playground({ server, send, store: playgroundStore })
    await playground.startServer(sampleServerSource)
    playground.startJarRefresh()
    root.render(
      <StrictMode>
        <PlaygroundProvider playground={playground}>
          <App transportNotice={notice} />
        </PlaygroundProvider>
      </StrictMode>,
    )
  } catch (error) {
    root.render(<StartupFailure error={error} />)
  }
}

void start()
