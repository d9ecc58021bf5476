import { useEffect, useImperativeHandle, useRef, type Ref } from 'react'
import { basicSetup } from 'codemirror'
import { javascript } from '@codemirror/lang-javascript'
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint'
import {
  Compartment,
  EditorState,
  RangeSetBuilder,
  StateEffect,
  StateField,
  type Extension,
  type Text,
} from '@codemirror/state'
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view'
import {
  findEditableRange,
  isInsideRange,
  type CodeEditPolicy,
  type EditableMarkers,
  type SourceRange,
} from '../../lesson-loader/editable-region'

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

/**
 * The lines a lesson lets the learner change, between two marker lines. The range follows
 * edits inside it; text put in by the playground (Reset, a lesson's code) finds it anew.
 */
function editableLines(markers: EditableMarkers): Extension {
  const lockedLine = Decoration.line({ class: 'cm-lockedLine' })
  const find = (doc: Text): SourceRange | undefined => findEditableRange(doc.toString(), markers)
  const region = StateField.define<SourceRange | undefined>({
    create: (state) => find(state.doc),
    update(range, transaction) {
      if (!transaction.docChanged) return range
      // The playground's own edits bypass the filter below, and may move the markers.
      if (!range || (!transaction.isUserEvent('input') && !transaction.isUserEvent('delete')))
        return find(transaction.newDoc)
      // Text typed at either edge of the range belongs to it.
      return {
        start: transaction.changes.mapPos(range.start, -1),
        end: transaction.changes.mapPos(range.end, 1),
      }
    },
  })
  const locked = EditorView.decorations.compute([region, 'doc'], (state) => {
    const range = state.field(region)
    const builder = new RangeSetBuilder<Decoration>()
    for (let number = 1; number <= state.doc.lines; number++) {
      const line = state.doc.line(number)
      if (!range || line.from < range.start || line.from >= range.end)
        builder.add(line.from, line.from, lockedLine)
    }
    return builder.finish()
  })
  // A learner's change anywhere else is refused; the playground's own (filter: false) pass.
  const onlyInside = EditorState.changeFilter.of((transaction) => {
    const range = transaction.startState.field(region)
    if (!range) return false
    let inside = true
    transaction.changes.iterChangedRanges((from, to) => {
      inside &&= isInsideRange(range, from, to)
    })
    return inside
  })
  return [region, locked, onlyInside]
}

function editPolicyExtension(policy: CodeEditPolicy): Extension {
  if (policy === true) return []
  if (policy === false) return EditorState.readOnly.of(true)
  return editableLines(policy)
}

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
  '.cm-lockedLine': { backgroundColor: 'var(--surface-sunken)', color: 'var(--text-muted)' },
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
  editable = true,
  labelledBy,
  describedBy,
}: {
  ref?: Ref<CodeEditorHandle>
  initialText: string
  onChange: (text: string) => void
  /** Shown at its line; undefined clears what was shown. */
  error: CodeError | undefined
  /** What the learner may change; the rest is shown, locked. */
  editable?: CodeEditPolicy
  labelledBy: string
  describedBy: string
}) {
  const host = useRef<HTMLDivElement>(null)
  const policy = useRef(new Compartment())
  const initialPolicy = useRef(editable)
  const view = useRef<EditorView | undefined>(undefined)
  // Read when the editor is (re)created, and kept current so a re-creation loses no edits.
  const text = useRef(initialText)
  const onChangeRef = useRef(onChange)
  useEffect(() => {
    onChangeRef.current = onChange
  })

  /**
   * A state for `doc` with its own undo history. Code the playground puts in (a new lesson,
   * Reset, a step's edit) starts a new one, so undo never brings back another lesson's code.
   */
  const createState = useRef((doc: string) => EditorState.create({ doc }))

  useEffect(() => {
    if (!host.current) return
    createState.current = (doc) =>
      EditorState.create({
        doc,
        extensions: [
          basicSetup,
          javascript(),
          // Long lines wrap: on a narrow pane the end of a line is never hidden off to the right.
          EditorView.lineWrapping,
          lintGutter(),
          errorLineField,
          policy.current.of(editPolicyExtension(initialPolicy.current)),
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
      })
    const editor = new EditorView({
      parent: host.current,
      state: createState.current(text.current),
    })
    view.current = editor
    return () => {
      editor.destroy()
      view.current = undefined
    }
  }, [labelledBy, describedBy])

  useEffect(() => {
    initialPolicy.current = editable
    view.current?.dispatch({ effects: policy.current.reconfigure(editPolicyExtension(editable)) })
  }, [editable])

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
        // The playground's own text, past the lesson's edit limits, in a state of its own: a
        // fresh undo history, and the view back at the top left.
        text.current = next
        editor.setState(createState.current(next))
        editor.scrollDOM.scrollTop = 0
        editor.scrollDOM.scrollLeft = 0
        // A new state is no transaction, so the update listener does not hear of it.
        onChangeRef.current(next)
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
