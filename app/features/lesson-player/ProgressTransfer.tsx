import { usePlayground } from '../../playground/playground-context'
import { useId, useState, type ChangeEvent } from 'react'
import { readPlaygroundState } from '../../state/use-playground-state'
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

/**
 * "Export progress" downloads the completed steps as a JSON file; "Import progress" reads one
 * back, replacing the current progress only when the whole file is valid.
 */
export function ProgressTransfer() {
  const id = useId()
  const replaceProgress = usePlayground().learner.replaceProgress
  const [outcome, setOutcome] = useState<Outcome>()

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
    replaceProgress(result.progress)
    setOutcome({
      kind: 'done',
      text: `Imported progress for ${lessonCount(Object.keys(result.progress).length)} from ${file.name}.`,
    })
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
      <p className="lp-note" role="status">
        {outcome?.kind === 'done' && outcome.text}
      </p>
      {outcome?.kind === 'error' && (
        <p className="lp-error" role="alert">
          {outcome.text}
        </p>
      )}
    </section>
  )
}
