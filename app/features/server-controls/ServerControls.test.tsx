// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { EditorView } from '@codemirror/view'
import { isolateHistory, undo } from '@codemirror/commands'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PlaygroundProvider } from '../../playground/playground-context'
import type { Playground } from '../../playground/playground'
import { playgroundStore } from '../../state/store'
import { ServerControls } from './ServerControls'
import {
  loginServerSource,
  startPlaygroundWithServer,
} from '../../../tests/support/playground-harness'

// jsdom lays nothing out, and its Range lacks the measuring methods CodeMirror calls.
Range.prototype.getClientRects = () => [] as unknown as DOMRectList
Range.prototype.getBoundingClientRect = () => new DOMRect()

const initialState = playgroundStore.getState()
let playground: Playground | undefined

beforeEach(() => {
  playgroundStore.setState(initialState, true)
})

afterEach(() => {
  cleanup()
  playground?.dispose()
  playground = undefined
  localStorage.clear()
})

async function renderServerControls() {
  playground ??= (await startPlaygroundWithServer()).playground
  const view = render(
    <PlaygroundProvider playground={playground}>
      <ServerControls />
    </PlaygroundProvider>,
  )
  // The editor is loaded lazily once the page is idle; until then the code is read-only text.
  // Its first import is transformed on demand, which on a busy machine takes over a second.
  await waitFor(() => expect(document.querySelector('.cm-editor')).not.toBeNull(), {
    timeout: 10_000,
  })
  return { user: userEvent.setup(), unmount: view.unmount }
}

function editor(): EditorView {
  const element = document.querySelector<HTMLElement>('.cm-editor')
  const view = element && EditorView.findFromDOM(element)
  if (!view) throw new Error('no CodeMirror editor on the page')
  return view
}

/**
 * Replaces the editor's text as typing would. jsdom cannot drive contenteditable input the way
 * a browser does, so the spec edits through CodeMirror's own transaction API.
 */
function typeCode(text: string): void {
  const view = editor()
  act(() => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }))
}

function statusText(): string {
  return screen.getByRole('status').textContent ?? ''
}

const BROKEN_LINE = 'const app = = express()'
const brokenServer = loginServerSource.replace('const app = express()', BROKEN_LINE)
const brokenLineNumber = brokenServer.split('\n').indexOf(BROKEN_LINE) + 1

describe('ServerControls', () => {
  it('shows the running code in an editor labelled server.js', async () => {
    await renderServerControls()
    const code = screen.getByRole('textbox', { name: 'server.js' })
    expect(code.getAttribute('aria-multiline')).toBe('true')
    expect(editor().state.doc.toString()).toBe(loginServerSource)
    expect(statusText()).toMatch(/^Running/)
    expect(screen.queryByText('Edited')).toBeNull()
  })

  describe('Run', () => {
    it('shows a syntax error at its line, in the code and under it', async () => {
      const { user } = await renderServerControls()
      typeCode(brokenServer)
      await user.click(screen.getByRole('button', { name: 'Run' }))

      await waitFor(() => expect(statusText()).toMatch(/did not load/))
      const alert = screen.getByRole('alert')
      expect(alert.textContent).toMatch(/^SyntaxError: /)
      expect(alert.textContent).toContain(`At server.js line ${brokenLineNumber}, column`)

      const errorLine = document.querySelector('.cm-errorLine')
      expect(errorLine?.textContent).toBe(BROKEN_LINE)
      const underline = errorLine?.querySelector('.cm-lintRange-error')
      expect(underline?.textContent).toBe('=')
      expect(
        screen.getByRole('textbox', { name: 'server.js' }).getAttribute('aria-describedby'),
      ).toContain(alert.id)
    })

    it('brings a new load error into view, where the Run button would have pushed it away', async () => {
      const scrolledIntoView: Element[] = []
      // jsdom has no scrollIntoView; this records which elements asked to be seen.
      Element.prototype.scrollIntoView = function (this: Element) {
        scrolledIntoView.push(this)
      }
      try {
        const { user } = await renderServerControls()
        typeCode(brokenServer)
        await user.click(screen.getByRole('button', { name: 'Run' }))
        await waitFor(() => expect(scrolledIntoView).toContain(screen.getByRole('alert')))
      } finally {
        delete (Element.prototype as Partial<Element>).scrollIntoView
      }
    })

    it('runs the edited code, which then no longer waits to be run', async () => {
      const { user } = await renderServerControls()
      const edited = loginServerSource.replace(
        "secret: 'keyboard cat'",
        "secret: 'a better secret'",
      )
      typeCode(edited)
      expect(screen.getByText('Not running yet: press Run')).toBeTruthy()

      await user.click(screen.getByRole('button', { name: 'Run' }))
      await waitFor(() => expect(statusText()).toMatch(/^Running/))
      expect(playgroundStore.getState().server.source).toBe(edited)
      expect(playgroundStore.getState().server.middlewares[0]?.secrets).toEqual(['a better secret'])
      expect(screen.queryByText('Not running yet: press Run')).toBeNull()
      expect(screen.getByText('Edited')).toBeTruthy()
    })
  })

  describe('Reset to original', () => {
    it('puts the original code back, runs it and clears the error', async () => {
      const { user } = await renderServerControls()
      typeCode(brokenServer)
      await user.click(screen.getByRole('button', { name: 'Run' }))
      await waitFor(() => expect(statusText()).toMatch(/did not load/))

      await user.click(screen.getByRole('button', { name: 'Reset to original' }))
      await waitFor(() => expect(statusText()).toMatch(/^Running/))
      expect(editor().state.doc.toString()).toBe(loginServerSource)
      expect(playgroundStore.getState().server.source).toBe(loginServerSource)
      expect(screen.queryByRole('alert')).toBeNull()
      expect(document.querySelector('.cm-errorLine')).toBeNull()
      expect(screen.queryByText('Edited')).toBeNull()
      expect(playgroundStore.getState().preferences.editedCode).toEqual({})
    })

    it('starts a fresh undo history, so undo cannot bring the edits back', async () => {
      const { user } = await renderServerControls()
      const view = editor()
      // An edit of its own in the history, as typing after a pause makes one.
      act(() =>
        view.dispatch({
          changes: { from: view.state.doc.length, insert: '\n// a note' },
          annotations: isolateHistory.of('full'),
        }),
      )
      await user.click(screen.getByRole('button', { name: 'Reset to original' }))
      act(() => undo(editor()))
      expect(editor().state.doc.toString()).toBe(loginServerSource)
    })

    it('also undoes edits that were never run', async () => {
      const { user } = await renderServerControls()
      typeCode(`${loginServerSource}\n// a note`)
      await user.click(screen.getByRole('button', { name: 'Reset to original' }))
      expect(editor().state.doc.toString()).toBe(loginServerSource)
    })
  })

  describe('when the code of another lesson is loaded', () => {
    const otherLesson = `const express = require('express')
const app = express()
app.get('/', (req, res) => res.send('another lesson'))
app.listen(3000)`

    it('shows that code with an undo history of its own, scrolled to the start', async () => {
      await renderServerControls()
      const view = editor()
      view.scrollDOM.scrollLeft = 40
      await act(() => playground?.loadServerCode(otherLesson, '02-other'))
      await waitFor(() => expect(editor().state.doc.toString()).toBe(otherLesson))
      act(() => undo(editor()))
      expect(editor().state.doc.toString()).toBe(otherLesson)
      expect(screen.queryByText('Edited')).toBeNull()
      expect(editor().scrollDOM.scrollLeft).toBe(0)
    })

    it('wraps long lines instead of hiding their ends', async () => {
      await renderServerControls()
      expect(editor().contentDOM.classList).toContain('cm-lineWrapping')
    })
  })

  describe('Restart server', () => {
    it('says plainly that every session in MemoryStore is lost, and loses them', async () => {
      const { user } = await renderServerControls()
      await playground?.navigate(1, {
        url: '/login',
        method: 'POST',
        form: [
          ['username', 'alice'],
          ['password', 'wonderland'],
        ],
      })
      expect([...(playgroundStore.getState().stores[0]?.entries?.keys() ?? [])]).toHaveLength(1)

      const restart = screen.getByRole('button', { name: 'Restart server' })
      const explainer = document.getElementById(restart.getAttribute('aria-describedby') ?? '')
      expect(explainer?.textContent).toMatch(/MemoryStore .* a restart loses every session/)

      await user.click(restart)
      await waitFor(() => expect(statusText()).toMatch(/every session is gone/))
      expect(playgroundStore.getState().stores[0]?.entries).toEqual(new Map())
    })

    it('is how a crashed server comes back, after showing the uncaught error', async () => {
      const { user } = await renderServerControls()
      const crashing = loginServerSource.replace(
        "app.get('/dashboard'",
        "app.get('/boom', (req, res) => {\n  setTimeout(() => {\n    throw new Error('boom')\n  })\n})\n\napp.get('/dashboard'",
      )
      typeCode(crashing)
      await user.click(screen.getByRole('button', { name: 'Run' }))
      await waitFor(() => expect(statusText()).toMatch(/^Running/))
      void playground?.navigate(1, { url: '/boom' })

      await waitFor(() => expect(statusText()).toMatch(/^Crashed/))
      expect(screen.getByRole('alert').textContent).toContain('Error: boom')
      const throwLine = crashing.split('\n').indexOf("    throw new Error('boom')") + 1
      expect(screen.getByRole('alert').textContent).toContain(`line ${throwLine}`)
      expect(document.querySelector('.cm-errorLine')?.textContent).toBe(
        "    throw new Error('boom')",
      )

      await user.click(screen.getByRole('button', { name: 'Restart server' }))
      await waitFor(() => expect(statusText()).toMatch(/^Running/))
      expect(screen.queryByRole('alert')).toBeNull()
    })
  })

  describe('edited code', () => {
    it('is kept in preferences under its origin, and comes back after a reload', async () => {
      const { unmount } = await renderServerControls()
      const edited = `${loginServerSource}\n// my change`
      typeCode(edited)
      expect(playgroundStore.getState().preferences.editedCode).toEqual({ sample: edited })
      const saved = JSON.parse(localStorage.getItem('session-playground:preferences') ?? '{}')
      expect(saved.state.preferences.editedCode.sample).toBe(edited)

      unmount()
      await renderServerControls()
      expect(editor().state.doc.toString()).toBe(edited)
      expect(screen.getByText('Edited')).toBeTruthy()
      expect(screen.getByText('Not running yet: press Run')).toBeTruthy()
    })

    it('is forgotten once it matches the original again', async () => {
      await renderServerControls()
      typeCode(`${loginServerSource}\n// my change`)
      typeCode(loginServerSource)
      expect(playgroundStore.getState().preferences.editedCode).toEqual({})
    })
  })
})

describe('when a lesson limits what may be edited', () => {
  const marked = `const express = require('express')
const session = require('express-session')
const app = express()
app.use(
  session({
    // ▼ edit these options
    secret: 'keyboard cat',
    resave: false,
    // ▲
  }),
)
module.exports = app
`

  async function renderLesson(editable: false | { from: string; to: string }) {
    playground ??= (await startPlaygroundWithServer()).playground
    await playground.loadServerCode(marked, '05-options', { editable })
    return renderServerControls()
  }

  /** Typing, as CodeMirror's input handling dispatches it. */
  function typeAt(position: number, text: string): void {
    const view = editor()
    act(() => view.dispatch({ changes: { from: position, insert: text }, userEvent: 'input.type' }))
  }

  it('takes typing between the marker lines and refuses it elsewhere', async () => {
    await renderLesson({ from: '// ▼', to: '// ▲' })
    const inside = marked.indexOf('resave: false')
    typeAt(inside, 'rolling: true, ')
    expect(editor().state.doc.toString()).toContain('rolling: true, resave: false')
    typeAt(0, '// outside ')
    typeAt(editor().state.doc.toString().indexOf('module.exports'), 'x')
    expect(editor().state.doc.toString()).toBe(
      marked.replace('resave: false', 'rolling: true, resave: false'),
    )
    expect(screen.getByText(/you may edit the lines between “\/\/ ▼” and “\/\/ ▲”/)).toBeTruthy()
  })

  it('shows the locked lines as locked, and only those', async () => {
    await renderLesson({ from: '// ▼', to: '// ▲' })
    const lines = [...document.querySelectorAll('.cm-line')].map((line) => ({
      text: line.textContent?.trim(),
      locked: line.classList.contains('cm-lockedLine'),
    }))
    expect(lines.filter((line) => !line.locked).map((line) => line.text)).toEqual([
      "secret: 'keyboard cat',",
      'resave: false,',
    ])
  })

  it('offers no Run or Reset when server.js is read-only, and the editor takes no typing', async () => {
    await renderLesson(false)
    expect(editor().state.readOnly).toBe(true)
    expect(screen.queryByRole('button', { name: 'Run' })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Reset to original' })).toBeNull()
    expect(screen.getByText('Read-only in this lesson')).toBeTruthy()
  })
})

describe('before the editor has loaded', () => {
  it('shows the running code read-only, so the first paint does not wait for CodeMirror', async () => {
    playground ??= (await startPlaygroundWithServer()).playground
    render(
      <PlaygroundProvider playground={playground}>
        <ServerControls />
      </PlaygroundProvider>,
    )
    const placeholder = document.querySelector('.server-code-loading')
    expect(placeholder?.textContent).toContain("require('express')")
    expect(document.querySelector('.cm-editor')).toBeNull()
    await waitFor(() => expect(document.querySelector('.cm-editor')).not.toBeNull())
  })
})
