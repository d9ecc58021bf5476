/**
 * Each import direction the lint config holds, proven on a fixture that breaks it (and on one that
 * keeps it, so that a rule which reports everything fails too). The fixtures are linted as if they
 * sat at the given path; the modules they import are real.
 */
import { ESLint } from 'eslint'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))
let eslint: ESLint

beforeAll(() => {
  eslint = new ESLint({ cwd: root })
})

async function ruleIdsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${filePath}` })
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message)
}

interface Direction {
  rule: string
  file: string
  breaks: string
  keeps: string
  reports: string
}

const directions: Direction[] = [
  {
    rule: 'a feature never imports another feature',
    file: 'app/features/cookie-jar/fixture.ts',
    breaks: "export { NetworkLog } from '../network-log/NetworkLog'",
    keeps: "export { ProfileChip } from '../../shared/ProfileChip'",
    reports: 'import-x/no-restricted-paths',
  },
  {
    rule: 'shared UI never imports a feature',
    file: 'app/shared/fixture.ts',
    breaks: "export { CookieJarPanel } from '../features/cookie-jar/CookieJarPanel'",
    keeps: "export { usePlaygroundState } from '../state/use-playground-state'",
    reports: 'import-x/no-restricted-paths',
  },
  {
    rule: 'app/ reaches the simulated server only through its door',
    file: 'app/playground/fixture.ts',
    breaks: "export { Engine } from '../../mocks/server/host/engine'",
    keeps: "export { VirtualClock } from '../../mocks/server'",
    reports: 'import-x/no-restricted-paths',
  },
  {
    rule: 'app/ reaches the simulated browsers only through their door',
    file: 'app/playground/fixture.ts',
    breaks: "export { BrowserCookieJar } from '../../mocks/client/cookie-jar'",
    keeps: "export { SimulatedBrowser } from '../../mocks/client'",
    reports: 'import-x/no-restricted-paths',
  },
  {
    rule: 'the MSW adapter names the server worker by URL, and imports nothing else behind the door',
    file: 'mocks/browser.ts',
    breaks: "export { Engine } from './server/host/engine'",
    keeps: "export { default } from './server/worker-url'",
    reports: 'import-x/no-restricted-paths',
  },
  {
    rule: 'the simulated browsers reach the server only through its door',
    file: 'mocks/client/fixture.ts',
    breaks: "export type { SimRequest } from '../server/realm/realm-types'",
    keeps: "export type { SimRequest } from '../server'",
    reports: 'import-x/no-restricted-paths',
  },
  {
    rule: 'realm code never imports host code',
    file: 'mocks/server/realm/fixture.ts',
    breaks: "export { Engine } from '../host/engine'",
    keeps: "export { host } from './realm-host'",
    reports: 'import-x/no-restricted-paths',
  },
  {
    rule: 'realm code never names a host type either',
    file: 'mocks/server/realm/fixture.ts',
    breaks: "export type Engine = import('../host/engine').Engine",
    keeps: "export type { RealmHost } from './realm-types'",
    reports: 'no-restricted-syntax',
  },
  {
    rule: 'node-compat imports only the realm basics',
    file: 'mocks/server/realm/node-compat/fixture.ts',
    breaks: "export { loadServer } from '../realm-entry'",
    keeps: "export { host } from '../realm-host'",
    reports: 'import-x/no-restricted-paths',
  },
  {
    rule: 'instrument imports only the realm basics',
    file: 'mocks/server/realm/instrument/fixture.ts',
    breaks: "export { default as process } from '../node-compat/process'",
    keeps: "export { emitEvent } from '../event-sink'",
    reports: 'import-x/no-restricted-paths',
  },
  {
    rule: 'the realm basics import no layer above them',
    file: 'mocks/server/realm/crash.ts',
    breaks: "export { setImmediate } from './node-compat/timers'",
    keeps: "export { describeError } from './describe-error'",
    reports: 'import-x/no-restricted-paths',
  },
  {
    rule: 'the simulated server never imports the app',
    file: 'mocks/server/host/fixture.ts',
    breaks: "export { Playground } from '../../../app/playground/playground'",
    keeps: "export { Engine } from './engine'",
    reports: 'import-x/no-restricted-paths',
  },
  {
    rule: 'the pure core never imports React',
    file: 'mocks/client/fixture.ts',
    breaks: "export { useState } from 'react'",
    keeps: "export { SITE_HOST } from './simulated-browser'",
    reports: 'no-restricted-imports',
  },
  {
    rule: 'the pure core never touches the DOM',
    file: 'app/lesson-loader/fixture.ts',
    breaks: 'export const here = window.location.href',
    keeps: 'export const here = new URL("http://session.test/").href',
    reports: 'no-restricted-globals',
  },
  {
    rule: 'panels never hold the writable store',
    file: 'app/features/clock/fixture.ts',
    breaks: "export { playgroundStore } from '../../state/store'",
    keeps: "export { usePlaygroundState } from '../../state/use-playground-state'",
    reports: 'no-restricted-imports',
  },
]

describe('import directions', () => {
  it.each(directions)('$rule', async ({ file, breaks, keeps, reports }) => {
    expect(await ruleIdsFor(file, `${breaks}\n`)).toContain(reports)
    expect(await ruleIdsFor(file, `${keeps}\n`)).toEqual([])
  })
})
