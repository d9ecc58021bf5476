// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import { act, cleanup, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Lesson } from '../../lesson-loader/parse-lesson'
import type { Playground } from '../../playground/playground'
import { playgroundStore } from '../../state/store'
import { firstSession, renderPanel } from '../../../tests/support/lesson-fixtures'
import { startPlayground, stopPlaygrounds } from '../../../tests/support/playground-harness'
import { summarizeLesson, type LessonEntry } from '../../lesson-loader/lesson-summary'

const LESSON_LINK = '#/lessons/01-first-session'

beforeEach(() => localStorage.clear())
afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
  stopPlaygrounds()
  localStorage.clear()
})

function checks(): HTMLElement {
  return screen.getByRole('region', { name: /^Checks/ })
}

function checkItems(): HTMLElement[] {
  return within(checks()).getAllByRole('listitem')
}

/** Resolves once the lesson's server runs and the checks are evaluated. */
async function checksShown(passing: number, total = 3): Promise<void> {
  await screen.findByRole('heading', { name: `Checks (${passing} of ${total} passing)` })
}

async function openLesson(hash = LESSON_LINK, lessons?: Parameters<typeof renderPanel>[2]) {
  const playground = await startPlayground()
  renderPanel(playground, hash, lessons)
  await screen.findByRole('heading', { name: /^Checks \(\d of \d passing\)/ })
  return { playground, user: userEvent.setup() }
}

function state() {
  return playgroundStore.getState()
}

async function aliceVisits(playground: Playground): Promise<void> {
  await act(() => playground.navigate(1, { url: '/' }))
}

describe('LessonPlayer', () => {
  describe('when the lesson is not in memory yet (its own chunk)', () => {
    const fetched = (load: () => Promise<Lesson>): LessonEntry => ({
      ok: true,
      lesson: summarizeLesson(firstSession),
      load,
    })

    it('says it is loading, then shows the lesson', async () => {
      let arrive!: (lesson: Lesson) => void
      const playground = await startPlayground()
      renderPanel(playground, LESSON_LINK, [
        fetched(() => new Promise<Lesson>((resolve) => (arrive = resolve))),
      ])
      expect(screen.getByText('Loading “Your first session”…')).toBeInTheDocument()
      await act(async () => arrive(firstSession))
      await checksShown(0)
    })

    it('says so when the lesson cannot be fetched, and keeps the page working', async () => {
      const playground = await startPlayground()
      renderPanel(playground, LESSON_LINK, [
        fetched(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module'))),
      ])
      await screen.findByRole('heading', { name: 'This lesson could not be loaded' })
      expect(
        screen.getByText(
          /did not arrive \(TypeError: Failed to fetch dynamically imported module\)/,
        ),
      ).toBeInTheDocument()
      expect(screen.getByRole('link', { name: 'See all lessons' })).toBeInTheDocument()
    })
  })

  describe('when a lesson opens', () => {
    it("loads the lesson's server.js on a clean slate", async () => {
      const playground = await startPlayground()
      await act(() => playground.navigate(1, { url: '/' }))
      expect(state().exchanges).toHaveLength(1)

      const loads = vi.spyOn(playground, 'loadServerCode')
      renderPanel(playground, LESSON_LINK)
      expect(screen.getByRole('status')).toHaveTextContent('Starting this lesson’s server…')
      await checksShown(0)
      expect(loads).toHaveBeenCalledTimes(1)

      expect(state().server.originalSource).toBe(firstSession.serverSource)
      expect(state().server.codeOrigin).toBe('01-first-session')
      expect(state().exchanges).toEqual([])
      await aliceVisits(playground)
      expect(state().tabs[0]?.page?.body).toContain('You have visited this page 1 time')
    })

    it('keeps what the learner did when the server already runs this lesson', async () => {
      const { playground } = await openLesson()
      await aliceVisits(playground)
      cleanup()
      renderPanel(playground, LESSON_LINK)
      await checksShown(3)
      expect(state().exchanges).toHaveLength(1)
    })

    it('shows the lesson title, its prose and the first step', async () => {
      await openLesson()
      expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(
        'Lesson 1: Your first session',
      )
      expect(screen.getByText(/HTTP is stateless/)).toBeInTheDocument()
      expect(screen.getByText('Step 1 of 3')).toBeInTheDocument()
      expect(screen.getByRole('heading', { level: 3, name: 'Visit the counter' })).toBeVisible()
    })
  })

  describe('"Do it for me"', () => {
    it('turns the checks of step 1 green and marks the step complete', async () => {
      const { user } = await openLesson()
      expect(screen.queryByRole('button', { name: 'Next step →' })).not.toBeInTheDocument()

      await user.click(screen.getByRole('button', { name: 'Do it for me' }))

      await checksShown(3)
      for (const item of checkItems()) expect(item).toHaveTextContent(/^✓Passed: /)
      expect(state().progress['01-first-session']?.completedStepIds).toEqual(['first-visit'])
      expect(screen.getByRole('heading', { level: 3 })).toHaveTextContent('✓ completed')
      expect(screen.getByRole('button', { name: 'Next step →' })).toBeEnabled()
    })

    it('is busy while it works', async () => {
      const { user } = await openLesson()
      const button = screen.getByRole('button', { name: 'Do it for me' })
      const clicked = user.click(button)
      await screen.findByRole('button', { name: 'Doing it…' })
      expect(screen.getByRole('button', { name: 'Doing it…' })).toBeDisabled()
      await clicked
      await screen.findByRole('button', { name: 'Do it for me' })
    })

    it('is disabled for a step without a walkthrough', async () => {
      const lesson: Lesson = {
        ...firstSession,
        steps: firstSession.steps.map((step) => ({ ...step, do: [] })),
      }
      await openLesson(LESSON_LINK, [{ ok: true, lesson }])
      expect(screen.getByRole('button', { name: 'Do it for me' })).toBeDisabled()
      expect(screen.getByText('This step has no walkthrough: try it yourself.')).toBeVisible()
    })
  })

  describe('when the learner acts in the playground', () => {
    it('turns checks green live and announces it politely', async () => {
      const { playground } = await openLesson()
      const [jarCheck] = checkItems()
      expect(jarCheck).toHaveTextContent(
        "Not yet: Alice's browser has a browser-session, HttpOnly connect.sid cookie",
      )

      await aliceVisits(playground)

      await checksShown(3)
      expect(checkItems()[0]).toHaveTextContent(
        "Passed: Alice's browser has a browser-session, HttpOnly connect.sid cookie",
      )
      const live = checks().querySelector('[aria-live="polite"]')
      await waitFor(() =>
        expect(live).toHaveTextContent(
          'All checks pass: the step is complete. The next step is available.',
        ),
      )
      expect(state().progress['01-first-session']?.completedStepIds).toEqual(['first-visit'])
    })

    it('compares the session id with the one the step started with', async () => {
      const { playground, user } = await openLesson()
      await aliceVisits(playground)
      await user.click(await screen.findByRole('button', { name: 'Next step →' }))
      // Only "the id stayed the same" holds yet: it compares with the id the step began with.
      await checksShown(1, 4)

      await aliceVisits(playground)

      await checksShown(4, 4)
      expect(
        within(checks()).getByText("The session id in Alice's cookie stayed the same"),
      ).toBeVisible()
    })
  })

  describe('hints', () => {
    it("shows a failing check's hint, or why it fails when it has none", async () => {
      const { user } = await openLesson()
      const [jar, response] = checkItems() as [HTMLElement, HTMLElement]

      const jarHint = within(jar).getByRole('button', { name: /Show hint/ })
      expect(jarHint).toHaveAttribute('aria-expanded', 'false')
      await user.click(jarHint)
      expect(jarHint).toHaveAttribute('aria-expanded', 'true')
      expect(
        within(jar).getByText("Type / in the address bar of Alice's tab and press Enter."),
      ).toBeVisible()

      await user.click(within(response).getByRole('button', { name: /Show hint/ }))
      expect(within(response).getByText('There is no such response yet.')).toBeVisible()
    })

    it('offers no hint for a check that passes', async () => {
      const { playground } = await openLesson()
      await aliceVisits(playground)
      await checksShown(3)
      expect(within(checks()).queryByRole('button', { name: /Show hint/ })).not.toBeInTheDocument()
    })
  })

  describe('step navigation', () => {
    it('goes to the next step by its deep link and moves focus to it', async () => {
      const { user } = await openLesson()
      await user.click(screen.getByRole('button', { name: 'Do it for me' }))
      await user.click(await screen.findByRole('button', { name: 'Next step →' }))

      expect(window.location.hash).toBe('#/lessons/01-first-session/visit-again')
      expect(screen.getByText('Step 2 of 3')).toBeInTheDocument()
      const title = screen.getByRole('heading', { level: 3, name: 'Come back' })
      expect(title).toHaveFocus()
      expect(state().progress['01-first-session']?.currentStepId).toBe('visit-again')

      await user.click(screen.getByRole('button', { name: '← Previous step' }))
      expect(window.location.hash).toBe('#/lessons/01-first-session/first-visit')
      expect(screen.getByText('Step 1 of 3')).toBeInTheDocument()
    })

    it('opens the step a deep link names', async () => {
      await openLesson('#/lessons/01-first-session/another-browser')
      expect(screen.getByText('Step 3 of 3')).toBeInTheDocument()
      expect(screen.getByRole('heading', { level: 3, name: 'A second visitor' })).toBeVisible()
      const steps = screen.getByRole('navigation', { name: 'Steps of this lesson' })
      expect(within(steps).getByRole('link', { name: 'A second visitor' })).toHaveAttribute(
        'aria-current',
        'step',
      )
      expect(within(steps).getByRole('link', { name: 'Come back' })).toHaveAttribute(
        'href',
        '#/lessons/01-first-session/visit-again',
      )
    })

    it('offers to replay the earlier steps when a later step opens on a fresh server', async () => {
      const { user } = await openLesson('#/lessons/01-first-session/visit-again')
      expect(screen.queryByRole('button', { name: 'Replay step 1 for me' })).toBeVisible()

      await user.click(screen.getByRole('button', { name: 'Replay step 1 for me' }))

      // Step 2 starts afresh from here: Alice's id is the one to keep.
      await checksShown(1, 4)
      expect(screen.queryByRole('button', { name: /Replay/ })).not.toBeInTheDocument()
      await user.click(screen.getByRole('button', { name: 'Do it for me' }))
      await checksShown(4, 4)
    })

    it('offers no replay on the first step', async () => {
      await openLesson()
      expect(screen.queryByRole('button', { name: /Replay/ })).not.toBeInTheDocument()
    })

    it.each([
      ['#/lessons/01-first-session/no-such-step', 'No such step'],
      ['#/lessons/99-nothing', 'No such lesson'],
      ['#/somewhere', 'No such page'],
    ])('answers %s with "%s" and a link to the list', async (hash, title) => {
      const playground = await startPlayground()
      renderPanel(playground, hash)
      expect(screen.getByRole('heading', { name: title })).toBeVisible()
      expect(screen.getByRole('link', { name: 'See all lessons' })).toHaveAttribute(
        'href',
        '#/lessons',
      )
    })
  })

  describe('resets', () => {
    it('"Reset lesson" starts over on a fresh server and keeps completed steps', async () => {
      const { user } = await openLesson()
      await user.click(screen.getByRole('button', { name: 'Do it for me' }))
      await user.click(await screen.findByRole('button', { name: 'Next step →' }))

      await user.click(screen.getByRole('button', { name: 'Reset lesson' }))

      await checksShown(0)
      expect(window.location.hash).toBe('#/lessons/01-first-session/first-visit')
      expect(state().exchanges).toEqual([])
      expect(state().profiles.Alice.cookies).toEqual([])
      expect(state().progress['01-first-session']?.completedStepIds).toEqual(['first-visit'])
      expect(screen.getByRole('heading', { level: 3 })).toHaveTextContent('✓ completed')
    })

    it('"Reset progress" forgets completed steps once confirmed', async () => {
      const { user } = await openLesson()
      await user.click(screen.getByRole('button', { name: 'Do it for me' }))
      await checksShown(3)

      await user.click(screen.getByRole('button', { name: 'Reset progress…' }))
      await user.click(screen.getByRole('button', { name: 'Cancel' }))
      expect(screen.getByRole('button', { name: 'Reset progress…' })).toHaveFocus()
      expect(state().progress['01-first-session']?.completedStepIds).toEqual(['first-visit'])

      await user.click(screen.getByRole('button', { name: 'Reset progress…' }))
      await user.click(screen.getByRole('button', { name: 'Yes, reset progress' }))

      await checksShown(0)
      expect(state().progress['01-first-session']?.completedStepIds ?? []).toEqual([])
      expect(screen.getByRole('heading', { level: 3 })).not.toHaveTextContent('completed')
    })
  })

  describe('when every step is complete', () => {
    it('says well done, repeats the takeaway and links the next lesson', async () => {
      const nextLesson: Lesson = { ...firstSession, id: '02-again', number: 2, title: 'Again' }
      const { user } = await openLesson(LESSON_LINK, [
        { ok: true, lesson: firstSession },
        { ok: true, lesson: nextLesson },
      ])
      for (const step of firstSession.steps) {
        await user.click(screen.getByRole('button', { name: 'Do it for me' }))
        await checksShown(step.checks.length, step.checks.length)
        if (step !== firstSession.steps.at(-1))
          await user.click(screen.getByRole('button', { name: 'Next step →' }))
      }

      const complete = await screen.findByRole('region', { name: /Well done: lesson complete!/ })
      expect(complete).toHaveTextContent('the browser holds an id, the server holds the data')
      expect(within(complete).getByRole('link', { name: 'Next lesson: Again →' })).toHaveAttribute(
        'href',
        '#/lessons/02-again',
      )
      expect(screen.getByText('✓ Done')).toBeInTheDocument()
      expect(checks().querySelector('[aria-live="polite"]')).toHaveTextContent(
        'All checks pass: the lesson is complete. Well done!',
      )
    })
  })
})
