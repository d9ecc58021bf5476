/**
 * The seeded generator of the corpus. `corpus.json` is its output for SEED; the agreement spec
 * checks the file still equals a fresh run, so the data stays reproducible. Regenerate with
 * `npx vitest run tests/browser-differential/corpus.test.ts -u`… no: with
 * `CORPUS_WRITE=1 npx vitest run tests/browser-differential/corpus.test.ts`.
 */
import type { Case, Corpus, Hop, Navigation, SetCookieLine } from './case-types'

export const SEED = 20261207

/** mulberry32: small, seedable, the same sequence on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const H = 'http://session.test'
const S = 'https://session.test'
const AH = 'http://app.session.test'
const AS = 'https://app.session.test'
const X = 'http://attacker.test'
const XS = 'https://attacker.test'
const IP = 'http://127.0.0.1'

/** The sites of the corpus: the network the simulated browser is given to match Chromium's. */
export const CORPUS_HOSTS = [H, S, AH, AS, X, XS, IP].map((origin) => new URL(origin).hostname)

class Generator {
  private next: () => number
  readonly cases: Case[] = []
  constructor(seed: number) {
    this.next = random(seed)
  }
  chance(p: number): boolean {
    return this.next() < p
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }
  value(length = this.int(1, 10)): string {
    const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789'
    let text = ''
    for (let i = 0; i < length; i++) text += alphabet[this.int(0, alphabet.length - 1)]
    return text
  }
  add(topic: string, navigations: Navigation[]): void {
    this.cases.push({
      id: `c${String(this.cases.length + 1).padStart(3, '0')}`,
      topic,
      navigations,
    })
  }
}

/** `{v*4096}`: the corpus stays small, and the server writes the 4096 characters. */
function repeat(char: string, count: number): string {
  return count === 1 ? char : `{${char}*${count}}`
}

function hop(setCookies: Array<string | SetCookieLine> = []): Hop {
  return { setCookies: setCookies.map((line) => (typeof line === 'string' ? { line } : line)) }
}

/**
 * Chrome stops a form that posts from https to http (or is redirected there keeping its method)
 * with an interstitial warning, so those navigations become GETs, and such 307s become 302s.
 */
function nav(from: string | null, method: 'GET' | 'POST', url: string, hops = [hop()]): Navigation {
  const insecure = (target: string) => target.startsWith('http:')
  const postsDown = (origin: string | null, target: string) =>
    origin?.startsWith('https:') === true && insecure(target)
  const verb = from === null || postsDown(from, url) ? 'GET' : method
  // A 301/302/303 turns the POST into a GET; only a 307 carries it on.
  let posting = verb === 'POST'
  let previous = url
  const safeHops = hops.map((step) => {
    if (!step.redirect) return step
    const down = previous.startsWith('https:') && insecure(step.redirect.to)
    previous = step.redirect.to
    if (step.redirect.status !== 307) posting = false
    else if (posting && down) {
      posting = false
      return { ...step, redirect: { ...step.redirect, status: 302 as const } }
    }
    return step
  })
  return { from, method: verb, url, hops: safeHops }
}

/** One Set-Cookie line with attributes drawn from every dimension the corpus covers. */
function randomCookie(g: Generator, origin: string): SetCookieLine {
  const name = g.pick([
    'sid',
    'a',
    'b',
    'theme',
    '__Host-id',
    '__Secure-id',
    '__host-id',
    '__SECURE-x',
  ])
  const parts = [`${name}=${g.value()}`]
  let expiresInSeconds: number | undefined
  const host = new URL(origin).hostname
  if (g.chance(0.35)) {
    const domains =
      host === '127.0.0.1'
        ? ['127.0.0.1', '.127.0.0.1', '0.0.1', 'session.test']
        : [
            'session.test',
            '.session.test',
            'SESSION.Test',
            'app.session.test',
            'test',
            'attacker.test',
            '',
          ]
    parts.push(`Domain=${g.pick(domains)}`)
  }
  if (g.chance(0.4)) parts.push(`Path=${g.pick(['/', '/a', '/a/', '/ab', 'a', '/a/b', ''])}`)
  const expiry = g.int(0, 9)
  if (expiry === 1) parts.push('Max-Age=60')
  if (expiry === 2) parts.push('Max-Age=0')
  if (expiry === 3) parts.push('Max-Age=-5')
  if (expiry === 4) parts.push('Max-Age=999999999')
  if (expiry === 5 || expiry === 6 || expiry === 7) {
    expiresInSeconds = g.pick([-3600, 3600, 86400 * 900])
    parts.push('Expires={expires}')
  }
  if (expiry === 7) parts.push(g.pick(['Max-Age=0', 'Max-Age=120']))
  if (expiry === 8) parts.push('Expires=not a date')
  if (g.chance(0.45)) parts.push(g.pick(['Secure', 'secure']))
  if (g.chance(0.3)) parts.push('HttpOnly')
  if (g.chance(0.6))
    parts.push(`SameSite=${g.pick(['Strict', 'Lax', 'None', 'none', 'lax', 'Bogus'])}`)
  const line = parts.join('; ')
  return expiresInSeconds === undefined ? { line } : { line, expiresInSeconds }
}

/** Where a request may start relative to `origin`. */
function initiators(origin: string): Array<string | null> {
  const other = origin.startsWith('https:')
    ? origin.replace('https:', 'http:')
    : origin.replace('http:', 'https:')
  return [null, origin, other, AH, AS, X, XS]
}

function probe(g: Generator, origins: readonly string[]): Navigation {
  const origin = g.pick(origins)
  const path = g.pick(['/', '/a', '/a/', '/a/b/c', '/ab', '/x'])
  const from = g.pick(initiators(origin))
  return nav(from, from === null ? 'GET' : g.pick(['GET', 'POST']), `${origin}${path}`)
}

function singleSet(g: Generator): void {
  const origin = g.pick([H, S, S, H, AH, AS, IP])
  const path = g.pick(['/', '/a/b', '/a/b/c', '/ab/x'])
  const cookies = Array.from({ length: g.int(1, 3) }, () => randomCookie(g, origin))
  const from = g.pick([null, null, origin, X])
  const setter = nav(from, from === null ? 'GET' : g.pick(['GET', 'POST']), `${origin}${path}`, [
    hop(cookies),
  ])
  const near = origin === IP ? [IP] : [H, S, AH, AS]
  g.add('attributes', [setter, probe(g, near), probe(g, near)])
}

function overwriteSecure(g: Generator): void {
  const path = g.pick(['/', '/a'])
  const domain = g.chance(0.3) ? '; Domain=session.test' : ''
  const secure = `n=first; Secure; Path=${path}${domain}`
  const second = g.pick([
    'n=second',
    'n=second; Path=/a',
    'n=second; Path=/a/b',
    'n=second; Path=/b',
    'n=second; Domain=session.test',
    'n=second; Secure',
    'other=second',
  ])
  const secondOrigin = g.pick([H, H, AH, S])
  g.add('overwrite Secure from http', [
    nav(null, 'GET', `${S}${path}`, [hop([secure])]),
    nav(null, 'GET', `${secondOrigin}/a/b/c`, [hop([second])]),
    nav(null, 'GET', `${S}/a/b/c`),
    nav(null, 'GET', `${H}/a/b/c`),
  ])
}

function duplicatePaths(g: Generator): void {
  const lines = ['n=root; Path=/', 'n=a; Path=/a', 'n=ab; Path=/a/b']
  if (g.chance(0.5)) lines.push('n=domain; Domain=session.test; Path=/a')
  if (g.chance(0.3)) lines.reverse()
  const origin = g.pick([H, S])
  g.add('duplicate names across paths', [
    nav(null, 'GET', `${origin}/a/b/c`, [hop(lines)]),
    nav(null, 'GET', `${origin}${g.pick(['/a/b/c', '/a/b', '/a', '/ab', '/'])}`),
    nav(g.pick([null, X]), 'GET', `${g.pick([H, S, AH])}${g.pick(['/a/b/c', '/a/'])}`),
  ])
}

function sizes(g: Generator): void {
  const nameLength = g.pick([1, 10, 200])
  const total = g.pick([4095, 4096, 4097, 4200])
  const name = repeat('n', nameLength)
  const lines = [`${name}=${repeat('v', total - nameLength)}`]
  const long = repeat('p', g.pick([1023, 1024, 1025, 1100]))
  lines.push(
    g.pick([
      `path=x; Path=/${long}`,
      `domain=x; Domain=${long}.session.test`,
      `small=x; Path=/a/b`,
    ]),
  )
  if (g.chance(0.3)) lines.push(`${repeat('k', 4096)}=`)
  const origin = g.pick([H, S])
  g.add('size limits', [
    nav(null, 'GET', `${origin}/a/b/c`, [hop(lines)]),
    nav(null, 'GET', `${origin}/a/b/c`),
  ])
}

function characters(g: Generator): void {
  const lines = [
    g.pick(['c=a\x01b', 'c=a\x7fb', 'c=a\tb', 'c\x02=v', 'c = spaced ', 'c="quoted"', 'c=a=b=c']),
    g.pick(['=nameless', 'valueonly', '=', ' ; Path=/', 'd=ok', 'e=\x1f', 'f=ok; Path=/a\x01']),
  ]
  const origin = g.pick([H, S])
  g.add('disallowed characters', [
    nav(null, 'GET', `${origin}/`, [hop(lines)]),
    nav(null, 'GET', `${origin}/`),
  ])
}

const SAMESITE_SET = [
  'strict=1; SameSite=Strict',
  'lax=1; SameSite=Lax',
  'none=1; SameSite=None; Secure',
  'unset=1',
  'secure=1; Secure',
]

function schemeful(g: Generator): void {
  const setOrigin = g.pick([H, S])
  const target = g.pick([H, S])
  const from = g.pick([H, S, AH, AS, null])
  g.add('schemeful same-site', [
    nav(null, 'GET', `${setOrigin}/`, [hop(SAMESITE_SET)]),
    nav(from, from === null ? 'GET' : g.pick(['GET', 'POST']), `${target}/x`),
  ])
}

function laxPost(g: Generator): void {
  const origin = g.pick([H, S])
  g.add('cross-site POST, Lax by default', [
    nav(null, 'GET', `${origin}/`, [hop(g.chance(0.5) ? SAMESITE_SET : [SAMESITE_SET[3]!])]),
    nav(g.pick([X, XS]), g.pick(['POST', 'POST', 'GET']), `${g.pick([H, S])}/transfer`),
  ])
}

function redirects(g: Generator): void {
  const start = g.pick([H, S])
  const origins = [H, S, AH, AS, X]
  const hopsCount = g.int(2, 3)
  const urls = [`${start}/r0`]
  for (let i = 1; i < hopsCount; i++) urls.push(`${g.pick(origins)}/r${i}`)
  const method = g.pick(['GET', 'POST'] as const)
  const hops: Hop[] = urls.map((_, i) => {
    const cookies = g.chance(0.5)
      ? [
          `hop${i}=${g.value(3)}; ${g.pick(['SameSite=Strict', 'SameSite=Lax', 'SameSite=None; Secure', 'Path=/', 'Domain=session.test'])}`,
        ]
      : []
    const next = urls[i + 1]
    const status = g.pick([301, 302, 303, 307] as const)
    return next ? { ...hop(cookies), redirect: { status, to: next } } : hop(cookies)
  })
  g.add('redirect chain', [
    nav(null, 'GET', `${g.pick([H, S])}/`, [hop(SAMESITE_SET)]),
    nav(g.pick([X, H, S, null]), method, urls[0]!, hops),
    nav(null, 'GET', `${S}/r0`),
  ])
}

export function generateCorpus(seed = SEED): Corpus {
  const g = new Generator(seed)
  const plan: Array<[number, (g: Generator) => void]> = [
    [260, singleSet],
    [30, overwriteSecure],
    [30, duplicatePaths],
    [30, sizes],
    [35, characters],
    [45, schemeful],
    [30, laxPost],
    [50, redirects],
  ]
  for (const [count, make] of plan) for (let i = 0; i < count; i++) make(g)
  return { seed, cases: g.cases }
}
