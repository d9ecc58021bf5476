import type { ConsoleLine } from '../../state/activity-slice'
import type { ServerStatus } from '../../state/server-slice'

/** What each server status means for the learner, in one plain sentence. */
/** What each server status means for the learner, in one plain sentence after its label. */
export const STATUS_SENTENCES: Record<ServerStatus, string> = {
  starting: 'server.js is starting…',
  running: 'Requests from the browsers reach this server.js.',
  failed: 'server.js did not load, so nothing answers requests. Fix the error and press Run.',
  crashed:
    'An uncaught error stopped the server, as it would stop a Node process. Restart it to continue.',
}

export const STATUS_LABELS: Record<ServerStatus, string> = {
  starting: 'Starting',
  running: 'Running',
  failed: 'Failed to load',
  crashed: 'Crashed',
}

/** The playground writes a crash to the console with this prefix (see playground.ts). */
const CRASH_PREFIX = 'The server crashed:'

/** The console line that reported the latest crash, with the error and where it was thrown. */
export function findCrashReport(lines: readonly ConsoleLine[]): ConsoleLine | undefined {
  return lines.findLast((line) => line.kind === 'error' && line.text.startsWith(CRASH_PREFIX))
}
