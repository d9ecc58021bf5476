/**
 * Test support: a real Playground on the in-process engine (the same Express + express-session
 * the worker runs), started with the sample login server as main.tsx does, the real lessons read
 * from lessons/, and a render() that puts the lesson panel under the playground's provider.
 * Each feature keeps its own copy: features never import each other.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { StrictMode } from 'react'
import { render, type RenderResult } from '@testing-library/react'
import createRealm from '../../../build/realm/realm.js'
import { createInProcessTransport } from '../../../mocks/server/host/in-process-transport'
import { createHostPlatform } from '../../../mocks/server/host/host-platform'
import { VirtualClock } from '../../../mocks/server/host/virtual-clock'
import { toSimExchange } from '../../../mocks/sim-http'
import { EXPLANATION_CODES } from '../../../mocks/server/explain/explanation-catalogue'
import {
  parseLesson,
  type Lesson,
  type LessonFiles,
  type ParsedLesson,
} from '../../lesson-loader/parse-lesson'
import { Playground } from '../../playground/playground'
import { PlaygroundProvider } from '../../playground/playground-context'
import { usePlaygroundStore } from '../../state/store'
import { LessonPanel } from './LessonPanel'
import { lessonEntry, type LessonEntry } from '../../lesson-loader/lesson-summary'

const root = join(import.meta.dirname, '../../..')

export const sampleServer = readFileSync(join(root, 'mocks/server/samples/login-server.js'), 'utf8')

export function parseFixture(files: LessonFiles): ParsedLesson {
  return parseLesson(files, { explanationCodes: EXPLANATION_CODES })
}

/** A lesson folder under lessons/, parsed as discoverLessons() would. */
export function readLesson(folder: string): ParsedLesson {
  const read = (file: string) => readFileSync(join(root, 'lessons', folder, file), 'utf8')
  return parseFixture({ folder, markdown: read('lesson.md'), serverSource: read('server.js') })
}

export function okLesson(parsed: ParsedLesson): Lesson {
  if (!parsed.ok) throw new Error(`lesson ${parsed.id} does not parse`)
  return parsed.lesson
}

export const firstSession = okLesson(readLesson('01-first-session'))

const initialState = usePlaygroundStore.getState()
const running: Array<() => void> = []

/** A fresh store and a running playground, with the sample server as on page load. */
export async function startPlayground(): Promise<Playground> {
  usePlaygroundStore.setState(initialState, true)
  const server = createInProcessTransport({
    createRealm,
    platform: createHostPlatform(),
    clock: new VirtualClock({ startMs: Date.now() }),
  })
  const playground = new Playground({
    server,
    send: async (request) => toSimExchange(await server.request(request)),
    store: usePlaygroundStore,
  })
  running.push(() => {
    playground.dispose()
    server.dispose()
  })
  await playground.startServer(sampleServer)
  return playground
}

export function stopPlaygrounds(): void {
  running.splice(0).forEach((stop) => stop())
}

/**
 * Goes to `hash` (as a typed or followed link would), then renders the lesson panel in
 * StrictMode, as main.tsx does: effects run twice, and must not load the server twice.
 */
export function renderPanel(
  playground: Playground,
  hash: string,
  lessons: ReadonlyArray<ParsedLesson | LessonEntry> = [{ ok: true, lesson: firstSession }],
): RenderResult {
  window.history.replaceState(null, '', hash)
  return render(
    <StrictMode>
      <PlaygroundProvider playground={playground}>
        <LessonPanel
          lessons={lessons.map((lesson) => ('load' in lesson ? lesson : lessonEntry(lesson)))}
          freePlaySource={sampleServer}
        />
      </PlaygroundProvider>
    </StrictMode>,
  )
}
