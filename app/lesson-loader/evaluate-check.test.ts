import { describe, expect, it } from 'vitest'
import type { Exchange } from '../../mocks/client'
import { evaluateCheck, type LessonObservation } from './evaluate-check'
import { checkSchema } from './lesson-schema'

function observe(exchanges: Exchange[], explanations: LessonObservation['explanations']) {
  return {
    cookies: { Alice: [], Bob: [], Attacker: [] },
    stores: [],
    exchanges,
    explanations,
    pages: { Alice: undefined, Bob: undefined, Attacker: undefined },
    consoleTexts: [],
    sessionCookieName: 'connect.sid',
    secrets: [],
  } satisfies LessonObservation
}

const visit = {
  requestId: 3,
  profile: 'Alice',
  method: 'GET',
  url: 'http://session.test/',
  explanations: [],
} as unknown as Exchange

describe('an explanation check', () => {
  const expectsLoaded = checkSchema.parse({
    explanation: { profile: 'Alice', code: 'session-loaded' },
  })

  it('passes when the last request of the profile has that explanation', () => {
    const observation = observe([visit], {
      3: [{ code: 'session-loaded', level: 'info', sentence: 'Loaded.' }],
    })
    expect(evaluateCheck(expectsLoaded, observation, observation).passed).toBe(true)
  })

  it('says what the "why" of that request said instead, when it fails', () => {
    const observation = observe([visit], {
      3: [
        {
          code: 'session-not-in-store',
          level: 'warning',
          sentence: 'The signed cookie pointed to session abc, but the store has no such session.',
        },
      ],
    })
    const result = evaluateCheck(expectsLoaded, observation, observation)
    expect(result.passed).toBe(false)
    expect(result.detail).toBe(
      `The "why" for Alice's last request says: The signed cookie pointed to session abc, but the store has no such session.`,
    )
  })

  it('says there is no request yet before the first one', () => {
    const observation = observe([], {})
    expect(evaluateCheck(expectsLoaded, observation, observation).detail).toBe(
      'There is no request yet.',
    )
  })
})

describe('a jar check', () => {
  it.each([
    [{ profile: 'Alice', cookie: 'connect.sid' }, "Alice's browser has a connect.sid cookie"],
    [
      { profile: 'Alice', cookie: 'connect.sid', persistent: true },
      "Alice's browser has a persistent connect.sid cookie",
    ],
    [
      { profile: 'Bob', cookie: 'sid', httpOnly: true, secure: true, sameSite: 'Lax' },
      "Bob's browser has an HttpOnly, Secure sid cookie with SameSite=Lax",
    ],
    [
      { profile: 'Alice', cookie: 'connect.sid', present: false },
      "Alice's browser has no connect.sid cookie",
    ],
  ])('labels %o with what it asks for', (jar, label) => {
    const observation = observe([], {})
    expect(evaluateCheck(checkSchema.parse({ jar }), observation, observation).label).toBe(label)
  })
})
