// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { cleanup, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { okLesson, readLesson, renderPanel } from '../../../tests/support/lesson-fixtures'
import { startPlayground, stopPlaygrounds } from '../../../tests/support/playground-harness'

// tests/lessons/lint-replay replays each walkthrough on the controller; this drives the player,
// whose baselines are taken when a step becomes current and whose checks are evaluated live.
const folders = readdirSync(join(import.meta.dirname, '../../../lessons'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort()

/** Well under the test timeout (20 s): a step that never passes fails with its checks named. */
const STEP_TIMEOUT_MS = 5000
/** A step whose server first requires `pg` loads PGlite and runs initdb: seconds, more when busy. */
const POSTGRES_STEP_TIMEOUT_MS = 60_000

afterEach(() => {
  cleanup()
  stopPlaygrounds()
  localStorage.clear()
})

describe.each(folders)('lesson %s in the player', (folder) => {
  const lesson = okLesson(readLesson(folder))
  // server.js or a step's edit requires pg (app/ does not reach the server's own check).
  const bootsPostgres = /require\(\\?['"](pg|connect-pg-simple)\\?['"]\)/.test(
    JSON.stringify(lesson),
  )
  const stepTimeout = bootsPostgres ? POSTGRES_STEP_TIMEOUT_MS : STEP_TIMEOUT_MS
  const timeout = bootsPostgres ? 4 * POSTGRES_STEP_TIMEOUT_MS : 20_000
  it('is completed step by step with "Do it for me"', { timeout }, async () => {
    const playground = await startPlayground()
    renderPanel(playground, `#/lessons/${folder}`, [{ ok: true, lesson }])
    const user = userEvent.setup()
    for (const [index, step] of lesson.steps.entries()) {
      const total = step.checks.length
      await screen.findByRole('heading', {
        name: new RegExp(`^Checks \\(\\d+ of ${total} passing`),
      })
      await user.click(screen.getByRole('button', { name: 'Do it for me' }))
      // Several actions, each a request and a store read: give a loaded machine time.
      const passing = await screen
        .findByRole(
          'heading',
          { name: `Checks (${total} of ${total} passing)` },
          { timeout: stepTimeout },
        )
        .catch(() => undefined)
      const failing = [...document.querySelectorAll('.lp-check:not(.lp-check-passed)')].map(
        (check) => check.textContent,
      )
      expect(passing ? [] : failing, `step ${step.id}`).toEqual([])
      if (index < lesson.steps.length - 1)
        await user.click(screen.getByRole('button', { name: 'Next step →' }))
    }
    expect(await screen.findByText('Well done: lesson complete!')).toBeVisible()
  })
})
