/**
 * Several instances of one server behind a round-robin load balancer: request n goes to
 * instance n mod N; time, restarts and store actions reach every instance. What a step shows
 * of the stores is every instance's stores, in instance order, as the playground shows them.
 */
import type {
  ExchangeResult,
  ServerDriver,
  ServerEffects,
  StartResult,
  StoreAction,
  StoreSnapshot,
  WireRequest,
} from './transcript'

export class RoundRobinDriver implements ServerDriver {
  private next = 0
  private readonly stores: StoreSnapshot[][]

  constructor(private readonly instances: readonly ServerDriver[]) {
    this.stores = instances.map(() => [])
  }

  private combine<R extends ServerEffects>(results: Array<[index: number, result: R]>): R {
    for (const [index, result] of results) this.stores[index] = result.stores
    const [, first] = results[0] as [number, R]
    return {
      ...first,
      output: results.flatMap(([, result]) => result.output),
      storeCalls: results.flatMap(([, result]) => result.storeCalls),
      stores: this.stores.flat(),
    }
  }

  /** One after another, so that their output comes in a fixed order. */
  private async everyInstance<R extends ServerEffects>(
    act: (driver: ServerDriver) => Promise<R>,
  ): Promise<R> {
    const results: Array<[number, R]> = []
    for (const [index, driver] of this.instances.entries()) results.push([index, await act(driver)])
    return this.combine(results)
  }

  start(nowMs: number): Promise<StartResult> {
    this.next = 0
    return this.everyInstance((driver) => driver.start(nowMs))
  }

  async request(request: WireRequest): Promise<ExchangeResult> {
    const index = this.next++ % this.instances.length
    const result = await (this.instances[index] as ServerDriver).request(request)
    return this.combine([[index, result]])
  }

  setClock(nowMs: number): Promise<ServerEffects> {
    return this.everyInstance((driver) => driver.setClock(nowMs))
  }

  store(action: StoreAction): Promise<ServerEffects> {
    return this.everyInstance((driver) => driver.store(action))
  }

  restart(nowMs: number, source?: string): Promise<StartResult> {
    this.next = 0
    return this.everyInstance((driver) => driver.restart(nowMs, source))
  }

  async close(): Promise<void> {
    for (const driver of this.instances) await driver.close()
  }
}
