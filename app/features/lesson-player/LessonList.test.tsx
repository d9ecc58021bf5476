// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import { act, cleanup, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { formatProblem } from '../../lesson-loader/lesson-problem'
import type { ParsedLesson } from '../../lesson-loader/parse-lesson'
import { playgroundStore } from '../../state/store'
import { firstSession, parseFixture, renderPanel } from '../../../tests/support/lesson-fixtures'
import {
  loginServerSource,
  startPlayground,
  stopPlaygrounds,
} from '../../../tests/support/playground-harness'

const STORAGE_KEY = 'session-playground:preferences'

const broken = parseFixture({
  folder: '02-broken-lesson',
  markdown: `---
title: A broken lesson
summary: Its author made two mistakes.
steps:
  - id: Bad Id
    title: The only step
    instructions: Do something.
    checks: []
---

Prose.
`,
  serverSource: "require('express')().listen(3000)",
})

const secondLesson: ParsedLesson = {
  ok: true,
  lesson: { ...firstSession, id: '03-again', number: 3, title: 'Again', summary: 'Once more.' },
}

const lessons: ParsedLesson[] = [{ ok: true, lesson: firstSession }, broken, secondLesson]

beforeEach(() => localStorage.clear())
afterEach(() => {
  cleanup()
  stopPlaygrounds()
  localStorage.clear()
  vi.restoreAllMocks()
})

/** The lesson entries, not the problems listed inside a broken lesson's card. */
function lessonCards(): HTMLElement[] {
  const list = screen.getByRole('list', { name: 'Lessons' })
  return [...list.children] as HTMLElement[]
}

function cardOf(title: string): HTMLElement {
  const link = screen.getByRole('link', { name: title })
  const card = link.closest('li')
  if (!card) throw new Error(`no card for ${title}`)
  return card
}

/**
 * Simulates a reload: what localStorage holds when the page closes is what the new page reads.
 * The store starts from its initial state and hydrates from it.
 */
async function reload(): Promise<void> {
  cleanup()
  const saved = localStorage.getItem(STORAGE_KEY)
  // Resetting the store writes to localStorage (persist saves on every change): put it back.
  playgroundStore.setState(playgroundStore.getInitialState(), true)
  if (saved === null) localStorage.removeItem(STORAGE_KEY)
  else localStorage.setItem(STORAGE_KEY, saved)
  await playgroundStore.persist.rehydrate()
}

describe('LessonList', () => {
  it('lists every lesson in order with its number, title and summary', async () => {
    const playground = await startPlayground()
    renderPanel(playground, '#/lessons', lessons)
    expect(screen.getByRole('heading', { level: 2, name: 'Lessons' })).toBeVisible()
    expect(lessonCards().map((card) => card.textContent)).toEqual([
      expect.stringMatching(/^1\. Your first session.*A visit counter.*0\/3 steps$/),
      expect.stringContaining('02-broken-lesson: this lesson cannot be opened'),
      expect.stringMatching(/^3\. Again.*Once more\.0\/3 steps$/),
    ])
    expect(screen.getByRole('link', { name: 'Your first session' })).toHaveAttribute(
      'href',
      '#/lessons/01-first-session',
    )
  })

  it('is the front door when the URL has no fragment', async () => {
    const playground = await startPlayground()
    renderPanel(playground, '#', lessons)
    expect(screen.getByRole('heading', { level: 2, name: 'Lessons' })).toBeVisible()
  })

  it('marks a lesson n/m while under way and ✓ done when every step is complete', async () => {
    const playground = await startPlayground()
    const { completeStep } = playgroundStore.getState()
    completeStep('01-first-session', 'first-visit')
    for (const step of firstSession.steps) completeStep('03-again', step.id)
    // A saved id of a step the lesson no longer has does not count.
    completeStep('01-first-session', 'removed-step')
    renderPanel(playground, '#/lessons', lessons)
    expect(cardOf('Your first session')).toHaveTextContent('1/3 steps')
    expect(cardOf('Again')).toHaveTextContent('✓ done')
  })

  describe('when a lesson is broken', () => {
    it('shows an error card with every problem, file:line: field: message', async () => {
      if (broken.ok) throw new Error('the fixture should not parse')
      const playground = await startPlayground()
      renderPanel(playground, '#/lessons', lessons)
      const card = screen.getByRole('group', { name: 'Lesson 02-broken-lesson cannot be opened' })
      const problems = within(card)
        .getAllByRole('listitem')
        .map((item) => item.textContent)
      expect(problems).toEqual(broken.problems.map(formatProblem))
      expect(problems).toContain(
        'lessons/02-broken-lesson/lesson.md:5: steps[0].id: use lowercase letters, digits and dashes',
      )
      expect(problems).toHaveLength(2)
    })

    it('keeps every other lesson working', async () => {
      const playground = await startPlayground()
      renderPanel(playground, '#/lessons', lessons)
      const user = userEvent.setup()
      await user.click(screen.getByRole('link', { name: 'Again' }))
      expect(await screen.findByRole('heading', { level: 2 })).toHaveTextContent('Again')
    })

    it('shows the error card when its deep link is followed', async () => {
      const playground = await startPlayground()
      renderPanel(playground, '#/lessons/02-broken-lesson', lessons)
      expect(
        screen.getByRole('heading', { level: 2, name: /02-broken-lesson: this lesson cannot/ }),
      ).toBeVisible()
      expect(screen.getByRole('link', { name: '← All lessons' })).toHaveAttribute(
        'href',
        '#/lessons',
      )
    })
  })

  describe('free play', () => {
    it('is offered, and runs the sample server with no lesson', async () => {
      const playground = await startPlayground()
      renderPanel(playground, '#/lessons/01-first-session', lessons)
      await screen.findByRole('heading', { name: /^Checks/ })
      expect(playgroundStore.getState().server.codeOrigin).toBe('01-first-session')

      const user = userEvent.setup()
      await user.click(screen.getByRole('link', { name: '← All lessons' }))
      await user.click(screen.getByRole('link', { name: 'Free play (no lesson)' }))

      expect(screen.getByRole('heading', { level: 2, name: 'Free play' })).toBeVisible()
      await vi.waitFor(() => {
        const { server } = playgroundStore.getState()
        expect(server.codeOrigin).toBe('sample')
        expect(server.originalSource).toBe(loginServerSource)
        expect(server.status).toBe('running')
      })
    })
  })
})

describe('progress', () => {
  it('survives a reload', async () => {
    const playground = await startPlayground()
    renderPanel(playground, '#/lessons/01-first-session', lessons)
    const user = userEvent.setup()
    await screen.findByRole('heading', { name: 'Checks (0 of 3 passing)' })
    await user.click(screen.getByRole('button', { name: 'Do it for me' }))
    await user.click(await screen.findByRole('button', { name: 'Next step →' }))

    await reload()
    expect(playgroundStore.getState().progress).toEqual({
      '01-first-session': { completedStepIds: ['first-visit'], currentStepId: 'visit-again' },
    })

    renderPanel(playground, '#/lessons', lessons)
    expect(cardOf('Your first session')).toHaveTextContent('1/3 steps')
    await user.click(screen.getByRole('link', { name: 'Your first session' }))
    expect(await screen.findByText('Step 2 of 3')).toBeInTheDocument()
    const steps = screen.getByRole('navigation', { name: 'Steps of this lesson' })
    expect(within(steps).getByText('(completed)').closest('li')).toHaveTextContent(
      'Visit the counter',
    )
  })

  it('drops a damaged lesson entry with a notice naming it, keeping the others', async () => {
    const playground = await startPlayground()
    localStorage.setItem(
      STORAGE_KEY,
      JSON.stringify({
        state: {
          preferences: { decodeCookieValues: false, editedCode: {} },
          progress: {
            version: 1,
            lessons: {
              '01-first-session': { completedStepIds: 7 },
              '02-session-cookie': { completedStepIds: ['signed-value'] },
            },
          },
        },
        version: 1,
      }),
    )
    await reload()
    renderPanel(playground, '#/lessons', lessons)

    const text = /^Your saved progress for 01-first-session could not be read/
    const notice = screen.getByText(text).closest('[role="status"]')
    expect(notice).toBeVisible()
    expect(cardOf('Your first session')).toHaveTextContent('0/3 steps')
    expect(playgroundStore.getState().progress['02-session-cookie']?.completedStepIds).toEqual([
      'signed-value',
    ])
    const user = userEvent.setup()
    await user.click(screen.getByRole('button', { name: 'Dismiss' }))
    expect(screen.queryByText(text)).not.toBeInTheDocument()
  })

  describe('export and import', () => {
    /** Catches what "Export progress" hands the browser to download. */
    function catchDownloads() {
      const downloads: Array<{ fileName: string; blob: Blob }> = []
      const blobs = new Map<string, Blob>()
      Object.defineProperty(URL, 'createObjectURL', {
        configurable: true,
        value: (blob: Blob) => {
          const url = `blob:test/${blobs.size}`
          blobs.set(url, blob)
          return url
        },
      })
      Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, value: () => {} })
      vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
        this: HTMLAnchorElement,
      ) {
        const blob = blobs.get(this.href)
        if (blob) downloads.push({ fileName: this.download, blob })
      })
      return downloads
    }

    it('round-trips progress through a downloaded file', async () => {
      const downloads = catchDownloads()
      const playground = await startPlayground()
      const { completeStep } = playgroundStore.getState()
      completeStep('01-first-session', 'first-visit')
      completeStep('01-first-session', 'visit-again')
      renderPanel(playground, '#/lessons', lessons)
      const user = userEvent.setup()

      await user.click(screen.getByRole('button', { name: 'Export progress' }))
      expect(screen.getByText('Exported progress for 1 lesson.')).toBeVisible()
      const [download] = downloads
      expect(download?.fileName).toMatch(/^session-playground-progress-\d{4}-\d{2}-\d{2}\.json$/)
      const text = (await download?.blob.text()) ?? ''

      act(() => playgroundStore.getState().replaceProgress({}))
      expect(cardOf('Your first session')).toHaveTextContent('0/3 steps')

      const file = new File([text], 'my-progress.json', { type: 'application/json' })
      await user.upload(screen.getByLabelText('Import progress…'), file)

      // Nothing changes until the learner has seen what would, and confirmed it.
      const plan = await screen.findByRole('group', { name: /Importing my-progress.json/ })
      expect(plan).toHaveTextContent('Your first session: 0 steps completed → 2 steps')
      expect(cardOf('Your first session')).toHaveTextContent('0/3 steps')
      await user.click(screen.getByRole('button', { name: 'Replace my progress' }))

      expect(
        await screen.findByText('Imported progress for 1 lesson from my-progress.json.'),
      ).toBeVisible()
      expect(cardOf('Your first session')).toHaveTextContent('2/3 steps')
      expect(playgroundStore.getState().progress['01-first-session']?.completedStepIds).toEqual([
        'first-visit',
        'visit-again',
      ])

      await user.click(screen.getByRole('button', { name: 'Undo the import' }))
      expect(cardOf('Your first session')).toHaveTextContent('0/3 steps')
    })

    it('skips lessons and steps it does not have, and refuses a file of nothing it has', async () => {
      const playground = await startPlayground()
      playgroundStore.getState().completeStep('01-first-session', 'first-visit')
      renderPanel(playground, '#/lessons', lessons)
      const user = userEvent.setup()
      const fileOf = (lessonsJson: string) =>
        new File(
          [`{"format":"session-playground-progress","version":1,"lessons":${lessonsJson}}`],
          'other.json',
        )

      await user.upload(
        screen.getByLabelText('Import progress…'),
        fileOf('{"98-gone":{"completedStepIds":["a"]},"99-gone":{"completedStepIds":[]}}'),
      )
      expect(await screen.findByRole('alert')).toHaveTextContent(
        'other.json was not imported: it holds no lesson this playground has (98-gone (no such lesson), 99-gone (no such lesson)). Your progress is unchanged.',
      )
      expect(cardOf('Your first session')).toHaveTextContent('1/3 steps')

      await user.upload(
        screen.getByLabelText('Import progress…'),
        fileOf(
          '{"01-first-session":{"completedStepIds":["first-visit","old-step"]},"98-gone":{"completedStepIds":[]}}',
        ),
      )
      expect(await screen.findByRole('group', { name: /Importing other.json/ })).toHaveTextContent(
        'Skipped, as this playground does not have them: 01-first-session: old-step (no such step), 98-gone (no such lesson).',
      )
    })

    it.each([
      ['not JSON', 'so { not json', 'it is not JSON'],
      ['not ours', '{"hello": "world"}', 'not a progress file exported by Session Playground'],
      [
        'damaged',
        '{"format":"session-playground-progress","version":1,"lessons":{"01-first-session":{"completedStepIds":"all"}}}',
        'damaged (lessons.01-first-session.completedStepIds',
      ],
    ])('refuses a file that is %s, says why and loses nothing', async (_what, content, reason) => {
      const playground = await startPlayground()
      playgroundStore.getState().completeStep('01-first-session', 'first-visit')
      const before = playgroundStore.getState().progress
      renderPanel(playground, '#/lessons', lessons)
      const user = userEvent.setup()

      await user.upload(
        screen.getByLabelText('Import progress…'),
        new File([content], 'bad.json', { type: 'application/json' }),
      )

      const alert = await screen.findByRole('alert')
      expect(alert).toHaveTextContent(`bad.json was not imported.`)
      expect(alert).toHaveTextContent(reason)
      expect(alert).toHaveTextContent('Your progress is unchanged.')
      expect(playgroundStore.getState().progress).toBe(before)
      expect(cardOf('Your first session')).toHaveTextContent('1/3 steps')
    })
  })
})
