import { afterEach, describe, expect, it, vi } from 'vitest'
import { UpdateHold } from './update-hold'

afterEach(() => {
  vi.useRealTimers()
})

function deferred<T>() {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

describe('UpdateHold', () => {
  it('runs updates at once when nothing is in flight', () => {
    const ran: string[] = []
    new UpdateHold(50).run(() => ran.push('now'))
    expect(ran).toEqual(['now'])
  })

  it('holds updates while work is in flight, then runs them and the finish in one go, in order', async () => {
    const hold = new UpdateHold(50)
    const ran: string[] = []
    const work = deferred<string>()
    const done = hold.during(work.promise, (page) => ran.push(`finish ${page}`))
    hold.run(() => ran.push('console'))
    hold.run(() => ran.push('stores'))
    expect(ran).toEqual([])
    work.resolve('page')
    await done
    expect(ran).toEqual(['console', 'stores', 'finish page'])
    hold.run(() => ran.push('later'))
    expect(ran.at(-1)).toBe('later')
  })

  it('waits for the last of overlapping navigations', async () => {
    const hold = new UpdateHold(50)
    const ran: string[] = []
    const first = deferred<number>()
    const second = deferred<number>()
    const done = [
      hold.during(first.promise, () => ran.push('first')),
      hold.during(second.promise, () => ran.push('second')),
    ]
    first.resolve(1)
    await done[0]
    expect(ran).toEqual([])
    second.resolve(2)
    await done[1]
    expect(ran).toEqual(['first', 'second'])
  })

  it('lets held updates out after maxHoldMs, and later ones straight through', async () => {
    vi.useFakeTimers()
    const hold = new UpdateHold(50)
    const ran: string[] = []
    const work = deferred<void>()
    const done = hold.during(work.promise, () => ran.push('finish'))
    hold.run(() => ran.push('before'))
    vi.advanceTimersByTime(50)
    expect(ran).toEqual(['before'])
    hold.run(() => ran.push('meanwhile'))
    expect(ran).toEqual(['before', 'meanwhile'])
    work.resolve()
    await done
    expect(ran).toEqual(['before', 'meanwhile', 'finish'])
  })

  it('runs what it held when the work fails, and passes the failure on', async () => {
    const hold = new UpdateHold(50)
    const ran: string[] = []
    const work = deferred<void>()
    const done = hold.during(work.promise, () => ran.push('finish'))
    hold.run(() => ran.push('held'))
    work.reject(new Error('stuck'))
    await expect(done).rejects.toThrow('stuck')
    expect(ran).toEqual(['held'])
  })
})
