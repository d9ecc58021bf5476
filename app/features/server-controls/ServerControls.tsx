import { lazy, Suspense, useEffect, useId, useMemo, useRef, useState } from 'react'
import { usePlayground } from '../../playground/playground-context'
import { usePlaygroundState, readPlaygroundState } from '../../state/use-playground-state'
import type { CodeEditorHandle, CodeError } from './CodeEditor'
import { useWhenShownOrSettled } from './use-when-shown-or-settled'
import { describeEditPolicy } from '../../lesson-loader/editable-region'
import { findCrashReport, STATUS_LABELS, STATUS_SENTENCES } from './server-status'
import './server-controls.css'

// CodeMirror is a large part of the app's JavaScript and no lesson needs it to start: it is
// fetched once this panel is shown or the page has settled (use-when-shown-or-settled.ts), and
// the code is shown read-only until then.
const CodeEditor = lazy(() =>
  import('./CodeEditor').then((module) => ({ default: module.CodeEditor })),
)

const RESTART_EXPLAINER =
  'Runs server.js again from scratch. MemoryStore keeps sessions in the server’s memory, so a restart loses every session; the browsers keep cookies that now point at nothing.'

const RESTARTED =
  'Restarted. MemoryStore lived in the old server’s memory, so every session is gone.'

/** Keeps the learner's edits in preferences, so a reload brings them back. */
function useCodeDraft(origin: string, originalSource: string) {
  const draft = usePlaygroundState((state) => state.preferences.editedCode[origin])
  const setPreferences = usePlayground().learner.setPreferences
  const saveDraft = (text: string) => {
    // Read at call time: several edits can land between two renders.
    const { editedCode } = readPlaygroundState().preferences
    const { [origin]: previous, ...others } = editedCode
    // Text identical to the original is no edit: drop the key rather than store a copy.
    const unchanged = text === originalSource
    if (unchanged ? previous === undefined : previous === text) return
    setPreferences({ editedCode: unchanged ? others : { ...others, [origin]: text } })
  }
  return { draft, saveDraft }
}

/**
 * The simulated server: its status, Restart, and the server.js editor with Run and Reset.
 * Errors the server reports (a file that does not load, an uncaught error) are shown in the
 * code, at their line, and in words under the editor.
 */
export function ServerControls() {
  const playground = usePlayground()
  const status = usePlaygroundState((state) => state.server.status)
  const source = usePlaygroundState((state) => state.server.source)
  const originalSource = usePlaygroundState((state) => state.server.originalSource)
  const loadError = usePlaygroundState((state) => state.server.loadError)
  const origin = usePlaygroundState((state) => state.server.codeOrigin)
  const editable = usePlaygroundState((state) => state.server.editable)
  const crashReport = usePlaygroundState((state) =>
    state.server.status === 'crashed' ? findCrashReport(state.consoleLines) : undefined,
  )
  const { draft, saveDraft } = useCodeDraft(origin, originalSource)
  const [initialText] = useState(() => draft ?? source)
  const [text, setText] = useState(initialText)
  const [notice, setNotice] = useState('')
  const editor = useRef<CodeEditorHandle>(null)
  const codeArea = useRef<HTMLDivElement>(null)
  const editorWanted = useWhenShownOrSettled(codeArea)
  const id = useId()
  const ids = {
    heading: `${id}-heading`,
    label: `${id}-label`,
    hint: `${id}-hint`,
    error: `${id}-error`,
    restart: `${id}-restart`,
  }

  // Code the server runs replaces the editor's text (Reset, or a lesson's code), except when
  // the server has only just started and the editor holds edits restored from last time.
  const shownSource = useRef(source)
  useEffect(() => {
    const previous = shownSource.current
    shownSource.current = source
    if (previous === source || (previous === '' && draft !== undefined)) return
    setText(source)
    editor.current?.setText(source)
  }, [source, draft])

  const codeError = useMemo<CodeError | undefined>(() => {
    if (status === 'failed' && loadError?.location) {
      const { line, column } = loadError.location
      return { message: `${loadError.name}: ${loadError.message}`, line, column }
    }
    if (crashReport?.location) {
      const { line, column } = crashReport.location
      return { message: crashReport.text, line, column }
    }
    return undefined
  }, [status, loadError, crashReport])

  function onEdit(next: string): void {
    setText(next)
    saveDraft(next)
  }

  async function run(): Promise<void> {
    setNotice('')
    const code = editor.current?.getText() ?? text
    await playground.runCode(code)
  }

  async function reset(): Promise<void> {
    setNotice('')
    setText(originalSource)
    editor.current?.setText(originalSource)
    await playground.resetCode()
  }

  async function restart(): Promise<void> {
    setNotice('')
    await playground.restartServer()
    setNotice(RESTARTED)
  }

  const edited = text !== originalSource
  const notRunning = text !== source
  const errorText =
    status === 'failed' && loadError ? `${loadError.name}: ${loadError.message}` : crashReport?.text
  const errorLocation = status === 'failed' ? loadError?.location : crashReport?.location
  // A new error comes into view where it appears, above the code that caused it; without this
  // the browser keeps the Run button still and lets the error push itself out of sight.
  const errorBox = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (errorText) errorBox.current?.scrollIntoView?.({ block: 'nearest' })
  }, [errorText])

  return (
    <section aria-labelledby={ids.heading} className="panel server-controls">
      <h2 id={ids.heading}>Server</h2>

      {/* Status and Restart share a row, so that the code gets the panel's height. */}
      <div className="server-status-bar">
        <p className="server-status" role="status">
          <span className={`server-badge server-badge-${status}`}>{STATUS_LABELS[status]}</span>{' '}
          {STATUS_SENTENCES[status]}
          {notice && <span className="server-notice"> {notice}</span>}
        </p>
        <button
          type="button"
          className={status === 'crashed' ? 'primary' : undefined}
          aria-describedby={ids.restart}
          onClick={() => void restart()}
        >
          Restart server
        </button>
      </div>
      {errorText && (
        <div id={ids.error} className="server-error" role="alert" ref={errorBox}>
          <p className="server-error-message">{errorText}</p>
          {errorLocation && (
            <p>
              At server.js line {errorLocation.line}, column {errorLocation.column}.{' '}
              <button
                type="button"
                onClick={() => editor.current?.reveal(errorLocation.line, errorLocation.column)}
              >
                Show in editor
              </button>
            </p>
          )}
        </div>
      )}
      <div className="server-editor-bar">
        <span id={ids.label} className="server-file">
          server.js
        </span>
        {edited && <span className="server-mark server-mark-edited">Edited</span>}
        {notRunning && (
          <span className="server-mark server-mark-pending">Not running yet: press Run</span>
        )}
        {editable === false ? (
          <span className="server-mark">Read-only in this lesson</span>
        ) : (
          <span className="server-editor-actions">
            <button type="button" className="primary" onClick={() => void run()}>
              Run
            </button>
            <button type="button" onClick={() => void reset()} disabled={!edited && !notRunning}>
              Reset to original
            </button>
          </span>
        )}
      </div>

      <div ref={codeArea} className="server-code">
        {editorWanted ? (
          <Suspense fallback={<ReadOnlyCode text={text} labelledBy={ids.label} />}>
            <CodeEditor
              ref={editor}
              initialText={text}
              onChange={onEdit}
              error={codeError}
              editable={editable}
              labelledBy={ids.label}
              // A missing id is skipped, so the error joins the description only while it is shown.
              describedBy={`${ids.error} ${ids.hint}`}
            />
          </Suspense>
        ) : (
          <ReadOnlyCode text={text} labelledBy={ids.label} />
        )}
      </div>

      <p id={ids.hint} className="server-hint">
        {describeEditPolicy(editable)}
        {editable !== false && ' Tab leaves the editor; Ctrl+] and Ctrl+[ indent (⌘ on a Mac).'}
      </p>
      <p className="server-hint">
        <strong>Restart server</strong> <span id={ids.restart}>{RESTART_EXPLAINER}</span>
      </p>
    </section>
  )
}

/** The code as text, while the editor is still on its way. */
function ReadOnlyCode({ text, labelledBy }: { text: string; labelledBy: string }) {
  return (
    <pre className="server-code-loading" aria-labelledby={labelledBy} aria-busy="true">
      {text}
    </pre>
  )
}
