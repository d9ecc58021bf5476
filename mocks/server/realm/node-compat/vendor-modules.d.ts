/**
 * The slices of the browser ports of Node builtins (`events`, `util`) that our own realm code
 * uses. The core type-check deliberately runs without @types/node, so these are declared here.
 */
declare module 'events' {
  export class EventEmitter {
    on(event: string | symbol, listener: (...args: any[]) => void): this
    once(event: string | symbol, listener: (...args: any[]) => void): this
    off(event: string | symbol, listener: (...args: any[]) => void): this
    removeListener(event: string | symbol, listener: (...args: any[]) => void): this
    removeAllListeners(event?: string | symbol): this
    emit(event: string | symbol, ...args: any[]): boolean
    listenerCount(event: string | symbol): number
    listeners(event: string | symbol): Array<(...args: any[]) => void>
    prependListener(event: string | symbol, listener: (...args: any[]) => void): this
    setMaxListeners(count: number): this
  }
}

declare module 'util' {
  export function format(format?: unknown, ...args: unknown[]): string
  export function inspect(value: unknown, options?: { depth?: number; colors?: boolean }): string
}

declare module 'stream' {
  import { EventEmitter } from 'events'
  export class Readable extends EventEmitter {
    constructor(options?: { highWaterMark?: number })
    readable: boolean
    readonly destroyed: boolean
    push(chunk: unknown): boolean
    _read(size: number): void
    destroy(error?: Error): this
    pause(): this
    resume(): this
    unpipe(): this
  }
}

declare module 'util' {
  const util: Record<string, unknown>
  export default util
}

declare module 'events' {
  export default EventEmitter
}

declare module 'util/util.js' {
  const util: Record<string, unknown>
  export default util
}
