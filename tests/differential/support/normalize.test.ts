import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { describeDifferences } from './compare-transcripts'
import { normalizeTranscript } from './normalize'
import type { HttpResponse, StepRecord, Transcript } from './transcript'

const ID_A = 'Ab3dEfGhIjKlMnOpQrStUvWxYz012345'
const ID_B = 'zY9xWvUtSrQpOnMlKjIhGfEdCbA54321'

function signed(id: string, secret: string): string {
  const signature = createHmac('sha256', secret).update(id).digest('base64').replace(/=+$/, '')
  return encodeURIComponent(`s:${id}.${signature}`)
}

function response(overrides: Partial<HttpResponse> = {}): HttpResponse {
  return { status: 200, statusMessage: 'OK', headers: [], body: '', ...overrides }
}

function transcript(...steps: Partial<StepRecord>[]): Transcript {
  return {
    side: 'node',
    steps: steps.map((step, index) => ({
      title: `#${index}`,
      output: [],
      storeCalls: [],
      stores: [],
      ...step,
    })),
  }
}

const lines = (t: Transcript, secrets = ['keyboard cat']) =>
  normalizeTranscript(t, secrets).flatMap((step) => step.lines)

describe('normalizeTranscript', () => {
  it('labels session ids by first appearance, wherever they appear', () => {
    const t = transcript(
      { exchange: response({ body: `ids ${ID_B} and ${ID_A}` }) },
      { storeCalls: [{ store: 0, operation: 'get', sessionId: ID_A }] },
    )
    expect(lines(t)).toContain('body: "ids <id1> and <id2>"')
    expect(lines(t)).toContain('store0.get <id2>')
  })

  it('verifies signatures against the scenario secrets', () => {
    const t = transcript({
      exchange: response({
        headers: [
          ['Set-Cookie', `connect.sid=${signed(ID_A, 'keyboard cat')}; Path=/`],
          ['Set-Cookie', `other=${signed(ID_A, 'wrong')}; Path=/`],
        ],
      }),
    })
    expect(lines(t)).toContain('header Set-Cookie: connect.sid=s%3A<id1>.<sig:secret0>; Path=/')
    expect(lines(t)).toContain('header Set-Cookie: other=s%3A<id1>.<sig:invalid>; Path=/')
  })

  it('drops the Date header and stack frames but keeps what follows a stack', () => {
    const t = transcript({
      exchange: response({ headers: [['Date', 'Mon, 23 Nov 2026 19:00:00 GMT']] }),
      output: [
        {
          stream: 'stderr',
          text: "Error: boom\n    at a (/tmp/x.js:1:1)\n    at b (/tmp/y.js:2:2) {\n  code: 'E'\n}",
        },
      ],
    })
    expect(lines(t).some((line) => line.startsWith('header Date'))).toBe(false)
    expect(lines(t)).toContain(`stderr: ${JSON.stringify("Error: boom {\n  code: 'E'\n}")}`)
  })

  it('keeps a deprecation site only when it is in server.js', () => {
    const t = transcript({
      output: [
        { stream: 'stderr', text: 'X express-session deprecated thing at server.js:6:9' },
        {
          stream: 'stderr',
          text: 'X express deprecated other at ../node_modules/express/index.js:1:2',
        },
      ],
    })
    expect(lines(t)).toEqual([
      'stderr: "X express-session deprecated thing at server.js:6:9"',
      'stderr: "X express deprecated other"',
    ])
  })

  it("keeps the source excerpt above a crash report only when it is server.js's", () => {
    const report = (file: string) =>
      `${file}:59\n  this.cookie.maxAge = this.cookie.originalMaxAge;\n                                   ^\n\nTypeError: boom\n\nNode.js v24.21.0`
    const t = transcript({
      output: [
        { stream: 'stderr', text: report('/tmp/differential-Ab12/server.js') },
        { stream: 'stderr', text: report('/srv/node_modules/express-session/session/session.js') },
      ],
    })
    expect(lines(t)).toEqual([
      `stderr: ${JSON.stringify(report('server.js').replace('v24.21.0', 'v<version>'))}`,
      `stderr: ${JSON.stringify('TypeError: boom\n\nNode.js v<version>')}`,
    ])
  })

  it('replaces a Content-Length that depends on an id only when it matches the raw body', () => {
    const body = `id ${ID_A}`
    const consistent = transcript({
      exchange: response({ body, headers: [['Content-Length', '35']] }),
    })
    const wrong = transcript({ exchange: response({ body, headers: [['Content-Length', '36']] }) })
    expect(lines(consistent)).toContain('header Content-Length: <length of the body>')
    expect(lines(wrong)).toContain('header Content-Length: 36')
  })
})

describe('describeDifferences', () => {
  it('is silent when both sides agree', () => {
    const t = transcript({ exchange: response({ body: ID_A }) })
    const other = transcript({ exchange: response({ body: ID_B }) })
    expect(
      describeDifferences('same', normalizeTranscript(t, []), normalizeTranscript(other, [])),
    ).toBeUndefined()
  })

  it('names the scenario and the step, and shows both sides of a one-byte difference', () => {
    const node = transcript(
      {},
      { exchange: response({ headers: [['Set-Cookie', 'a=1; Path=/']] }) },
    )
    const sim = transcript(
      {},
      { exchange: response({ headers: [['Set-Cookie', 'a=1; Path=/x']] }) },
    )
    const report = describeDifferences(
      'cookie path',
      normalizeTranscript(node, []),
      normalizeTranscript(sim, []),
    )
    expect(report).toContain('scenario "cookie path"')
    expect(report).toContain('step #1:')
    expect(report).toContain('  - header Set-Cookie: a=1; Path=/\n')
    expect(report).toContain('  + header Set-Cookie: a=1; Path=/x')
  })

  it('reports an id that is shared on one side and not on the other', () => {
    const node = transcript({ exchange: response({ body: `${ID_A} ${ID_A}` }) })
    const sim = transcript({ exchange: response({ body: `${ID_A} ${ID_B}` }) })
    expect(
      describeDifferences('ids', normalizeTranscript(node, []), normalizeTranscript(sim, [])),
    ).toContain('<id1> <id2>')
  })
})
