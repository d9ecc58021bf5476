import { readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { generateCorpus, SEED } from './generate-corpus'
import type { Corpus } from './case-types'

const CORPUS_FILE = new URL('./corpus.json', import.meta.url)

describe('the differential corpus', () => {
  const fresh = generateCorpus(SEED)
  // CORPUS_WRITE=1 rewrites the file after a change to the generator.
  // One case per line: small, and a changed case shows as a changed line.
  if (process.env.CORPUS_WRITE)
    writeFileSync(
      CORPUS_FILE,
      `{"seed":${fresh.seed},"cases":[\n${fresh.cases.map((c) => JSON.stringify(c)).join(',\n')}\n]}\n`,
    )
  const saved = JSON.parse(readFileSync(CORPUS_FILE, 'utf8')) as Corpus

  it('is what the seeded generator makes, so anyone can reproduce it', () => {
    expect(saved).toEqual(fresh)
  })

  it('holds at least 500 cases with unique ids', () => {
    expect(saved.cases.length).toBeGreaterThanOrEqual(500)
    expect(new Set(saved.cases.map((c) => c.id)).size).toBe(saved.cases.length)
  })

  it('changes with the seed', () => {
    expect(generateCorpus(SEED + 1)).not.toEqual(fresh)
  })

  it.each([
    ['a Domain attribute naming a public suffix', /Domain=test(;|$)/],
    ['a sibling Domain', /Domain=app\.session\.test/],
    ['an IP host', /127\.0\.0\.1/],
    ['a __Host- prefix', /__Host-/],
    ['a __Secure- prefix', /__Secure-/],
    ['SameSite=None', /SameSite=None/],
    ['a huge Max-Age', /Max-Age=999999999/],
    ['an Expires date', /Expires=\{expires\}/],
    ['a control character', /\\u0001/],
    ['a name and value over 4096 bytes', /=\{v\*(409[7-9]|4[1-9]\d\d)\}/],
  ])('covers %s', (_topic, pattern) => {
    expect(saved.cases.some((c) => pattern.test(JSON.stringify(c)))).toBe(true)
  })
})
