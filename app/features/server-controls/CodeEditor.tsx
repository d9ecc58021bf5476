import { useEffect, useImperativeHandle, useRef, type Ref } from 'react'
import { basicSetup } from 'codemirror'
import { javascript } from '@codemirror/lang-javascript'
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint'
import { EditorState, StateEffect, StateField, type Text } from '@codemirror/state'
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view'

/** An error to show in the code, at a 1-based line and column as the server reports them. */
export interface CodeError {
  message: string
  line: number
  column: number
}

export interface CodeEditorHandle {
  getText(): string
  /** Replaces the whole text (Reset, or code the server now runs). Undo brings the old back. */
  setText(text: string): void
  /** Moves the cursor to a 1-based line and column, scrolls there and focuses the editor. */
  reveal(line: number, column: number): void
}

/** The document position of a 1-based line and column, clamped into the document. */
function positionOf(doc: Text, line: number, column: number): number {
  const target = doc.line(Math.min(Math.max(line, 1), doc.lines))
  return target.from + Math.min(Math.max(column - 1, 0), target.length)
}

const setErrorLine = StateEffect.define<number | undefined>()
const errorLineDecoration = Decoration.line({ class: 'cm-errorLine' })

/** Tints the whole line an error points at, so it stands out before the underline is seen. */
const errorLineField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(decorations, transaction) {
    let next = decorations.map(transaction.changes)
    for (const effect of transaction.effects) {
      if (!effect.is(setErrorLine)) continue
      next =
        effect.value === undefined
          ? Decoration.none
          : Decoration.set([errorLineDecoration.range(effect.value)])
    }
    return next
  },
  provide: (field) => EditorView.decorations.from(field),
})

const theme = EditorView.theme({
  '&': {
    height: '100%',
    fontSize: '0.875rem',
    border: '1px solid var(--control-border)',
    borderRadius: 'var(--radius)',
    backgroundColor: 'var(--surface)',
  },
  '&.cm-focused': { outline: '2px solid var(--focus)', outlineOffset: '2px' },
  '.cm-scroller': { fontFamily: 'var(--font-mono)', lineHeight: '1.5' },
  '.cm-gutters': { backgroundColor: 'var(--surface-sunken)', color: 'var(--text-muted)' },
  '.cm-errorLine': { backgroundColor: 'var(--danger-soft)' },
})

/**
 * A CodeMirror 6 editor for server.js: JavaScript highlighting, line numbers, undo history,
 * search, and lint diagnostics for errors the server reports. Tab is left to the browser, so
 * the keyboard can always leave the editor; Ctrl/⌘+] and Ctrl/⌘+[ indent instead.
 */
export function CodeEditor({
  ref,
  initialText,
  onChange,
  error,
  labelledBy,
  describedBy,
}: {
  ref?: Ref<CodeEditorHandle>
  initialText: string
  onChange: (text: string) => void
  /** Shown at its line; undefined clears what was shown. */
  error: CodeError | undefined
  labelledBy: string
  describedBy: string
}) {
  const host = useRef<HTMLDivElement>(null)
  const view = useRef<EditorView | undefined>(undefined)
  // Read when the editor is (re)created, and kept current so a re-creation loses no edits.
  const text = useRef(initialText)
  const onChangeRef = useRef(onChange)
  useEffect(() => {
    onChangeRef.current = onChange
  })

  useEffect(() => {
    if (!host.current) return
    const editor = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: text.current,
        extensions: [
          basicSetup,
          javascript(),
          lintGutter(),
          errorLineField,
          theme,
          EditorView.contentAttributes.of({
            // Editable content is focusable anyway; saying so lets checkers (axe's
            // scrollable-region-focusable) see that the scroller can be reached by keyboard.
            tabindex: '0',
            'aria-labelledby': labelledBy,
            'aria-describedby': describedBy,
          }),
          EditorView.updateListener.of((update) => {
            if (!update.docChanged) return
            text.current = update.state.doc.toString()
            onChangeRef.current(text.current)
          }),
        ],
      }),
    })
    view.current = editor
    return () => {
      editor.destroy()
      view.current = undefined
    }
  }, [labelledBy, describedBy])

  useEffect(() => {
    const editor = view.current
    if (!editor) return
    const { doc } = editor.state
    const diagnostics: Diagnostic[] = []
    let line: number | undefined
    if (error) {
      const from = positionOf(doc, error.line, error.column)
      const word = editor.state.wordAt(from)
      const to = word && word.from === from ? word.to : Math.min(from + 1, doc.lineAt(from).to)
      diagnostics.push({ from, to, severity: 'error', message: error.message })
      line = doc.lineAt(from).from
    }
    editor.dispatch(setDiagnostics(editor.state, diagnostics), {
      effects: setErrorLine.of(line),
    })
  }, [error])

  useImperativeHandle(
    ref,
    () => ({
      getText: () => text.current,
      setText(next) {
        const editor = view.current
        if (!editor) {
          text.current = next
          return
        }
        if (editor.state.doc.toString() === next) return
        editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: next } })
      },
      reveal(line, column) {
        const editor = view.current
        if (!editor) return
        const position = positionOf(editor.state.doc, line, column)
        editor.dispatch({ selection: { anchor: position }, scrollIntoView: true })
        editor.focus()
      },
    }),
    [],
  )

  return <div ref={host} className="code-editor" />
}
