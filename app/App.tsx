import { BrowserView } from './features/browser-view/BrowserView'
import { CookieJarPanel } from './features/cookie-jar/CookieJarPanel'
import { NetworkLog } from './features/network-log/NetworkLog'
import { StoreInspector } from './features/store-inspector/StoreInspector'
import { ServerConsole } from './features/server-console/ServerConsole'
import { ClockControls } from './features/clock/ClockControls'
import { ServerControls } from './features/server-controls/ServerControls'
import { PlaygroundLayout } from './layout/PlaygroundLayout'
import { LessonPanel } from './features/lesson-player/LessonPanel'
import { discoverLessons } from './lesson-loader/discover-lessons'
import sampleServerSource from '../mocks/server/samples/login-server.js?raw'

const lessons = discoverLessons()

export function App({ transportNotice }: { transportNotice?: string | undefined }) {
  return (
    <PlaygroundLayout
      header={
        <>
          <h1>Session Playground</h1>
          <p>A real Express + express-session server, running in this tab.</p>
          {transportNotice && (
            <p className="transport-notice" role="status">
              {transportNotice}
            </p>
          )}
        </>
      }
      toolbar={<ClockControls />}
      lesson={{
        id: 'lesson',
        title: 'Lesson',
        content: <LessonPanel lessons={lessons} freePlaySource={sampleServerSource} />,
      }}
      panels={[
        { id: 'browser', title: 'Browser', content: <BrowserView /> },
        { id: 'cookies', title: 'Cookies', content: <CookieJarPanel /> },
        { id: 'network', title: 'Network', content: <NetworkLog /> },
        { id: 'store', title: 'Session store', content: <StoreInspector /> },
        { id: 'console', title: 'Console', content: <ServerConsole /> },
        { id: 'server', title: 'Server', content: <ServerControls />, tall: true },
      ]}
    />
  )
}
