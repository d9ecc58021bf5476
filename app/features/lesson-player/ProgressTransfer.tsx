import { usePlayground } from '../../playground/playground-context'
import { useId, useState, type ChangeEvent } from 'react'
import { readPlaygroundState } from '../../state/use-playground-state'
import type { Progress } from '../../state/progress-slice'
import { planImport, type ImportPlan, type KnownLesson } from './progress-import'
import {
  parseProgressFile,
  PROGRESS_FILE_MAX_BYTES,
  progressFileName,
  serializeProgressFile,
} from './progress-file'

type Outcome = { kind: 'done' | 'error'; text: string } | undefined

function download(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.append(link)
  link.click()
  link.remove()
  // Revoked after the click has been handled: the download has its own reference by then.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

function lessonCount(count: number): string {
  return count === 1 ? '1 lesson' : `${count} lessons`
}

function stepCount(count: number): string {
  return count === 1 ? '1 step' : `${count} steps`
}

/**
 * "Export progress" downloads the completed steps as a JSON file; "Import progress" reads one
 * back. A valid file is not applied at once: what it would change is shown first (its lessons
 * and steps this playground does not have are skipped and named), and an import can be undone.
 */
export function ProgressTransfer({ lessons }: { lessons: readonly KnownLesson[] }) {
  const id = useId()
  const replaceProgress = usePlayground().learner.replaceProgress
  const [outcome, setOutcome] = useState<Outcome>()
  const [pending, setPending] = useState<{ fileName: string; plan: ImportPlan }>()
  const [undo, setUndo] = useState<Progress>()

  const exportProgress = () => {
    const { progress } = readPlaygroundState()
    download(serializeProgressFile(progress), progressFileName())
    setOutcome({
      kind: 'done',
      text: `Exported progress for ${lessonCount(Object.keys(progress).length)}.`,
    })
  }

  const importProgress = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget
    const file = input.files?.[0]
    // The same file may be chosen again after fixing it.
    input.value = ''
    if (!file) return
    if (file.size > PROGRESS_FILE_MAX_BYTES) {
      setOutcome({
        kind: 'error',
        text: `${file.name}: this file is too big to be a progress file.`,
      })
      return
    }
    const result = parseProgressFile(await file.text())
    if (!result.ok) {
      setOutcome({
        kind: 'error',
        text: `${file.name} was not imported. ${result.error} Your progress is unchanged.`,
      })
      return
    }
    const plan = planImport(result.progress, lessons, readPlaygroundState().progress)
    if (Object.keys(plan.next).length === 0) {
      setOutcome({
        kind: 'error',
        text: `${file.name} was not imported: it holds no lesson this playground has (${plan.skipped.join(', ')}). Your progress is unchanged.`,
      })
      return
    }
    setOutcome(undefined)
    setPending({ fileName: file.name, plan })
  }

  const applyImport = () => {
    if (!pending) return
    setUndo(readPlaygroundState().progress)
    replaceProgress(pending.plan.next)
    const skipped = pending.plan.skipped.length
      ? ` Skipped what this playground does not have: ${pending.plan.skipped.join(', ')}.`
      : ''
    setOutcome({
      kind: 'done',
      text: `Imported progress for ${lessonCount(Object.keys(pending.plan.next).length)} from ${pending.fileName}.${skipped}`,
    })
    setPending(undefined)
  }

  const undoImport = () => {
    if (!undo) return
    replaceProgress(undo)
    setUndo(undefined)
    setOutcome({ kind: 'done', text: 'The import was undone: your earlier progress is back.' })
  }

  return (
    <section className="lp-transfer" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Your progress</h3>
      <p className="lp-note" id={`${id}-about`}>
        Progress is saved in this browser. Export it to keep a copy or move it to another browser;
        importing a file replaces the progress saved here.
      </p>
      <div className="lp-transfer-actions">
        <button type="button" onClick={exportProgress} aria-describedby={`${id}-about`}>
          Export progress
        </button>
        <label className="lp-file-button">
          Import progress…
          <input
            type="file"
            className="visually-hidden"
            accept=".json,application/json"
            aria-describedby={`${id}-about`}
            onChange={(event) => void importProgress(event)}
          />
        </label>
      </div>
      {pending && (
        <div className="lp-import-plan" role="group" aria-labelledby={`${id}-plan`}>
          <p id={`${id}-plan`}>Importing {pending.fileName} replaces the progress saved here:</p>
          <ul>
            {pending.plan.changes.map((change) => (
              <li key={change.lessonId}>
                {change.title}: {stepCount(change.completedBefore)} completed →{' '}
                {stepCount(change.completedAfter)}
              </li>
            ))}
          </ul>
          {pending.plan.skipped.length > 0 && (
            <p className="lp-note">
              Skipped, as this playground does not have them: {pending.plan.skipped.join(', ')}.
            </p>
          )}
          <div className="lp-transfer-actions">
            <button type="button" onClick={applyImport}>
              Replace my progress
            </button>
            <button type="button" onClick={() => setPending(undefined)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      <p className="lp-note" role="status">
        {outcome?.kind === 'done' && outcome.text}
      </p>
      {undo && outcome?.kind === 'done' && (
        <button type="button" onClick={undoImport}>
          Undo the import
        </button>
      )}
      {outcome?.kind === 'error' && (
        <p className="lp-error" role="alert">
          {outcome.text}
        </p>
      )}
    </section>
  )
}
