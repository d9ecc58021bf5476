/**
 * Turns a lesson's replayed walkthrough into a differential scenario, so the same server.js
 * and the same requests run on real Express in Node and in our runtime. Cookies come from the
 * differential harness's own jars on both sides (our ids would mean nothing to Node), which do
 * not model SameSite: a cross-site step is replayed as the requests it made.
 */
import type { Scenario, Step } from '../differential/support/scenario'
import type { ReplayEvent } from './replay-lesson'
import type { Lesson } from '../../app/lesson-loader/parse-lesson'
import type { LessonAction } from '../../app/lesson-loader/lesson-schema'
import { durationToMs } from '../../app/lesson-loader/duration'
import { applyCodeEdit } from '../../app/lesson-loader/code-edit'

const NOT_REPLAYED_HEADERS = new Set(['cookie', 'x-forwarded-proto'])

function stepFor(action: LessonAction, source: { current: string }): Step | undefined {
  if ('advanceClock' in action) return { advance: durationToMs(action.advanceClock) }
  if ('restartServer' in action) return { restart: true }
  if ('editCode' in action) {
    source.current = applyCodeEdit(source.current, action.editCode)
    return { restart: true, source: source.current }
  }
  if ('copyCookie' in action) {
    const { from, to, name } = action.copyCookie
    return { jar: 'copy', from, to, cookie: name }
  }
  if ('deleteCookie' in action)
    return { jar: 'delete', browser: action.deleteCookie.profile, cookie: action.deleteCookie.name }
  if ('setCookie' in action) {
    const { profile, name, value } = action.setCookie
    return { jar: 'set', browser: profile, cookie: name, value }
  }
  if ('tamperCookie' in action) {
    const { profile, name, how } = action.tamperCookie
    const kind = {
      'flip-signature': 'tamper-signature',
      'change-id': 'change-id',
      'drop-prefix': 'drop-prefix',
    } as const
    if (how === 'resign') throw new Error('re-signing with another secret is not replayed on Node')
    return { jar: kind[how], browser: profile, cookie: name }
  }
  if ('store' in action) return { store: action.store }
  return undefined
}

export function scenarioForLesson(
  lesson: Lesson,
  events: readonly ReplayEvent[],
  session: { cookieName: string; secrets: readonly string[] },
): Scenario {
  const source = { current: lesson.serverSource }
  const steps: Step[] = []
  for (const event of events) {
    if (event.kind === 'action') {
      const step = stepFor(event.action, source)
      if (step) steps.push(step)
      continue
    }
    const { request, profile } = event
    const proxied =
      request.headers.find(([name]) => name.toLowerCase() === 'x-forwarded-proto')?.[1] === 'https'
    steps.push({
      browser: profile,
      method: request.method,
      path: request.url,
      headers: request.headers.filter(
        ([name]) => !NOT_REPLAYED_HEADERS.has(name.toLowerCase()) && name.toLowerCase() !== 'host',
      ),
      ...(request.body === undefined
        ? {}
        : {
            body:
              typeof request.body === 'string'
                ? request.body
                : new TextDecoder().decode(request.body),
          }),
      ...(request.secure ? { secure: true } : {}),
      ...(proxied ? { behindHttpsProxy: true } : {}),
    })
  }
  return {
    name: lesson.id,
    source: lesson.serverSource,
    steps,
    host: 'session.test',
    instances: lesson.instances,
    cookieName: session.cookieName,
    secrets: session.secrets.length ? session.secrets : ['keyboard cat'],
  }
}
