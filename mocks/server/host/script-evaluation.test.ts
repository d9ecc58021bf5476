import { describe, expect, it } from 'vitest'
import createRealm from '../../../build/realm/realm.js'
import { Engine } from './engine'
import { createHostPlatform, type HostPlatform } from './host-platform'
import { VirtualClock } from './virtual-clock'

type EvaluateScript = NonNullable<HostPlatform['evaluateScript']>

/**
 * The browser's host runs server code as a script of its own, which hands its value back through
 * a global function called on line 1 (script-evaluation.ts). Here Node stands in for that script
 * with the same text, so the spec sees what the realm makes of it.
 */
function scriptLikeEvaluation(scripts: string[]): EvaluateScript {
  return (code, deliverName) => {
    scripts.push(code)
    let delivered: unknown
    const global = globalThis as Record<string, unknown>
    global[deliverName] = (value: unknown) => {
      delivered = value
    }
    try {
      const indirectEval = globalThis.eval
      indirectEval(code)
    } finally {
      Reflect.deleteProperty(global, deliverName)
    }
    return delivered
  }
}

function engineWith(evaluateScript: EvaluateScript) {
  return new Engine({
    createRealm,
    platform: { ...createHostPlatform(), evaluateScript },
    clock: new VirtualClock({ startMs: Date.UTC(2030, 0, 1) }),
  })
}

describe('server code evaluated as a script of the host’s own', () => {
  it('runs the code through the host, named server.js', async () => {
    const scripts: string[] = []
    const engine = engineWith(scriptLikeEvaluation(scripts))
    const result = await engine.start("module.exports = require('express')()")
    expect(result).toEqual({ ok: true })
    const serverScripts = scripts.filter((code) => code.endsWith('\n//# sourceURL=server.js'))
    expect(serverScripts).toHaveLength(1)
    expect(serverScripts[0]).toContain("module.exports = require('express')()")
    engine.stop('the spec ended')
  })

  it('places an error on line 1 at the file’s own column, whatever the script put before it', async () => {
    const engine = engineWith(scriptLikeEvaluation([]))
    const result = await engine.start("const x = 1; throw new Error('on line one')")
    expect(result.ok).toBe(false)
    expect(engine.loadError?.location).toEqual({ file: 'server.js', line: 1, column: 20 })
    expect(engine.loadError?.stack).toContain('server.js:1:20')
    engine.stop('the spec ended')
  })

  it('fails the start with the error the script threw, and leaves no global behind', async () => {
    const evaluate = scriptLikeEvaluation([])
    const failing: EvaluateScript = (code, deliverName) => {
      if (code.endsWith('sourceURL=server.js')) throw new Error('Failed to load the script')
      return evaluate(code, deliverName)
    }
    const engine = engineWith(failing)
    const result = await engine.start("module.exports = require('express')()")
    expect(result).toMatchObject({ ok: false, error: { message: 'Failed to load the script' } })
    expect(Object.keys(globalThis).filter((name) => name.includes('Deliver'))).toEqual([])
    engine.stop('the spec ended')
  })
})
