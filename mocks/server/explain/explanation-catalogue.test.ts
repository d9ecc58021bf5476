import { describe, expect, it } from 'vitest'
import { EXPLANATION_CATALOGUE, listPlaceholders } from './explanation-catalogue'
import { orderExplanations, renderExplanation } from './render-explanation'

// That every code has a spec producing it, is kebab-case and reads as one sentence is checked
// once by `npm run explanations:check` (scripts/check-explanations.mjs), not here.

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
