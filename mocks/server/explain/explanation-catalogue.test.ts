import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { EXPLANATION_CATALOGUE, EXPLANATION_CODES, listPlaceholders } from './explanation-catalogue'
import { orderExplanations, renderExplanation } from './render-explanation'

const here = fileURLToPath(new URL('.', import.meta.url))
const specSources = readdirSync(here)
  .filter((file) => file.endsWith('.test.ts') && file !== 'explanation-catalogue.test.ts')
  .map((file) => readFileSync(here + file, 'utf8'))
  .join('\n')

describe('the explanation catalogue', () => {
  it.each(EXPLANATION_CODES)('has an end-to-end spec for %s', (code) => {
    expect(specSources).toContain(`'${code}'`)
  })

  it.each(EXPLANATION_CODES)('gives %s one sentence', (code) => {
    const { template } = EXPLANATION_CATALOGUE[code]
    expect(template).toMatch(/^[^\s].*[.]$/)
    expect(template).not.toMatch(/[.!?] [A-Z]/)
  })

  it('names every code in kebab-case', () => {
    for (const code of EXPLANATION_CODES) expect(code).toMatch(/^[a-z]+(-[a-z]+)*$/)
  })

  it('covers at least 15 decisions', () => {
    expect(EXPLANATION_CODES.length).toBeGreaterThanOrEqual(15)
  })
})

describe('renderExplanation', () => {
  it('fills every placeholder of the template', () => {
    const template = EXPLANATION_CATALOGUE['session-loaded'].template
    const values = Object.fromEntries(listPlaceholders(template).map((key) => [key, `<${key}>`]))
    expect(renderExplanation({ code: 'session-loaded', values })).toEqual({
      code: 'session-loaded',
      level: 'info',
      sentence:
        'express-session verified the signed `<cookieName>` cookie and loaded session `<sessionId>` from the store into `req.session`.',
    })
  })

  it('throws, naming the code and placeholder, when a value is missing', () => {
    expect(() =>
      renderExplanation({ code: 'session-loaded', values: { cookieName: 'x' } }),
    ).toThrow('explanation session-loaded needs a value for {sessionId}')
  })
})

describe('orderExplanations', () => {
  it('puts errors before warnings before information, then follows the catalogue', () => {
    const ordered = orderExplanations([
      renderExplanation({ code: 'session-unset-kept' }),
      renderExplanation({ code: 'new-session-discarded' }),
      renderExplanation({ code: 'session-store-disconnected' }),
      renderExplanation({ code: 'server-down' }),
      renderExplanation({ code: 'server-down' }),
    ])
    expect(ordered.map((explanation) => explanation.code)).toEqual([
      'server-down',
      'session-store-disconnected',
      'session-unset-kept',
      'new-session-discarded',
    ])
  })
})
