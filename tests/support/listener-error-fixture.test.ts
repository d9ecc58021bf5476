// A fixture for fail-on-listener-errors.test.ts, which runs it in a vitest of its own with
// LISTENER_ERROR_FIXTURE set; in any other run its tests are skipped.
import { describe, it } from 'vitest'
import { Engine } from '../../mocks/server/host/engine'
import { createHostPlatform } from '../../mocks/server/host/host-platform'

describe.runIf(process.env.LISTENER_ERROR_FIXTURE)('a spec whose engine listener throws', () => {
  it('throws in a listener of the clock event', () => {
    const engine = new Engine({
      createRealm: () => {
        throw new Error('this fixture starts no server')
      },
      platform: createHostPlatform(),
    })
    engine.subscribe(() => {
      throw new TypeError('listener bug')
    })
    engine.clock.advance(1000)
  })

  it('comes next and throws nothing', () => {})
})
