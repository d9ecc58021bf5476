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

/**
 * Under the test timeout: a step that never passes fails with its checks named. A step whose
 * server first boots PGlite (initdb) needs several seconds on a loaded machine.
 */
const STEP_TIMEOUT_MS = 10_000

afterEach(() => {
  cleanup()
  stopPlaygrounds()
  localStorage.clear()
})

/** Each step's actions, on a loaded machine; a lesson that boots PGlite needs more than most. */
const PER_STEP_MS = 6000

describe.each(folders)('lesson %s in the player', (folder) => {
  const lesson = okLesson(readLesson(folder))
  const timeout = Math.max(20_000, lesson.steps.length * PER_STEP_MS)
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
          { timeout: STEP_TIMEOUT_MS },
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
