/**
 * Runs one command sequence on two Redis servers in lockstep (each command is sent to both at
 * the same moment, so their clocks see the same elapsed time) and describes how they differ:
 * in replies, and afterwards in key sets, values, types and TTLs.
 */
import type { CommandSequence, SequenceStep } from './sequences'

export type Reply = string | number | null | Reply[]
export type Outcome = { reply: Reply } | { error: string }

/** Anything that runs an argv and answers as node-redis's `sendCommand` does. */
export type SendCommand = (argv: readonly string[]) => Promise<Reply>

/**
 * Real Redis and the simulation never share a clock to the millisecond. TTL (whole seconds) must
 * match exactly: the sequences keep every TTL far from a half second, where rounding could tip.
 */
export const PTTL_TOLERANCE_MS = 250
export const TTL_TOLERANCE_S = 0

async function outcomeOf(send: SendCommand, argv: readonly string[]): Promise<Outcome> {
  try {
    return { reply: await send(argv) }
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) }
  }
}

/** SCAN to the end: the keys seen (sorted, duplicates allowed by Redis removed), or an error. */
async function scanAll(send: SendCommand, options: readonly string[]): Promise<Outcome> {
  const seen = new Set<string>()
  let cursor = '0'
  for (let calls = 0; calls < 10_000; calls++) {
    const outcome = await outcomeOf(send, ['SCAN', cursor, ...options])
    if ('error' in outcome) return outcome
    const [next, keys] = outcome.reply as [string, string[]]
    for (const key of keys) seen.add(key)
    cursor = next
    if (cursor === '0') return { reply: [...seen].sort() }
  }
  return { error: 'SCAN never came back to cursor 0' }
}

const sortedPairs = (flat: Reply[]): Reply[] => {
  const pairs: string[] = []
  for (let i = 0; i < flat.length; i += 2) pairs.push(JSON.stringify([flat[i], flat[i + 1]]))
  return pairs.sort()
}

/** What may differ between two correct servers: the order of KEYS and HGETALL. */
function normalize(argv: readonly string[], outcome: Outcome): Outcome {
  if ('error' in outcome) return outcome
  const name = (argv[0] ?? '').toUpperCase()
  const { reply } = outcome
  if (name === 'KEYS' && Array.isArray(reply)) return { reply: [...reply].sort() }
  if (name === 'HGETALL' && Array.isArray(reply)) return { reply: sortedPairs(reply) }
  return outcome
}

function withinTolerance(argv: readonly string[], real: Outcome, sim: Outcome): boolean {
  const name = (argv[0] ?? '').toUpperCase()
  if (!('reply' in real) || !('reply' in sim)) return false
  if (typeof real.reply !== 'number' || typeof sim.reply !== 'number') return false
  // -1 (no expiry) and -2 (no key) are exact answers, never approximations of a time.
  if (real.reply < 0 || sim.reply < 0) return real.reply === sim.reply
  if (name === 'TTL') return Math.abs(real.reply - sim.reply) <= TTL_TOLERANCE_S
  if (name === 'PTTL') return Math.abs(real.reply - sim.reply) <= PTTL_TOLERANCE_MS
  return false
}

const show = (outcome: Outcome) => JSON.stringify(outcome)

export interface SequenceResult {
  /** Commands whose replies were compared (SCAN iterations count once). */
  compared: number
  differences: string[]
}

export async function runSequence(
  sequence: CommandSequence,
  real: SendCommand,
  sim: SendCommand,
): Promise<SequenceResult> {
  const differences: string[] = []
  let compared = 0
  const both = (run: (send: SendCommand) => Promise<Outcome>) => Promise.all([run(real), run(sim)])

  await both((send) => outcomeOf(send, ['FLUSHDB']))
  for (const step of sequence.steps) {
    if ('wait' in step) {
      await new Promise((resolve) => setTimeout(resolve, step.wait))
      continue
    }
    const argv = 'scanAll' in step ? ['SCAN', ...step.scanAll] : step
    const [realOutcome, simOutcome] = isScanAll(step)
      ? await both((send) => scanAll(send, step.scanAll))
      : await both((send) => outcomeOf(send, step as readonly string[]))
    compared++
    const a = normalize(argv, realOutcome)
    const b = normalize(argv, simOutcome)
    if (show(a) !== show(b) && !withinTolerance(argv, a, b)) {
      differences.push(
        `${argv.join(' ')}\n    redis-server: ${show(a)}\n    simulated:    ${show(b)}`,
      )
    }
  }
  differences.push(...(await compareKeyspaces(real, sim)))
  return { compared, differences }
}

function isScanAll(step: SequenceStep): step is { scanAll: readonly string[] } {
  return typeof step === 'object' && 'scanAll' in step
}

/** Every key, with its type, value and TTL, must be the same on both servers. */
async function compareKeyspaces(real: SendCommand, sim: SendCommand): Promise<string[]> {
  const [realKeys, simKeys] = await Promise.all([real(['KEYS', '*']), sim(['KEYS', '*'])])
  const sortedReal = [...(realKeys as string[])].sort()
  const sortedSim = [...(simKeys as string[])].sort()
  if (JSON.stringify(sortedReal) !== JSON.stringify(sortedSim)) {
    return [`key sets differ\n    redis-server: ${sortedReal}\n    simulated:    ${sortedSim}`]
  }
  const differences: string[] = []
  for (const key of sortedReal) {
    const [realState, simState] = await Promise.all([stateOf(real, key), stateOf(sim, key)])
    const ttlClose =
      realState.pttl < 0 || simState.pttl < 0
        ? realState.pttl === simState.pttl
        : Math.abs(realState.pttl - simState.pttl) <= PTTL_TOLERANCE_MS
    if (realState.type !== simState.type || realState.value !== simState.value || !ttlClose) {
      differences.push(
        `key ${key}\n    redis-server: ${JSON.stringify(realState)}\n    simulated:    ${JSON.stringify(simState)}`,
      )
    }
  }
  return differences
}

async function stateOf(send: SendCommand, key: string) {
  const type = (await send(['TYPE', key])) as string
  const value =
    type === 'hash'
      ? JSON.stringify(sortedPairs((await send(['HGETALL', key])) as Reply[]))
      : JSON.stringify(await send(['GET', key]))
  const pttl = (await send(['PTTL', key])) as number
  return { type, value, pttl }
}
