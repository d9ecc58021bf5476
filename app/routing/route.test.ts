import { describe, expect, it } from 'vitest'
import { formatRoute, parseRoute, type Route } from './route'

describe('parseRoute', () => {
  describe('when the fragment names a place in the app', () => {
    it.each<[string, Route]>([
      ['', { name: 'lessons' }],
      ['#', { name: 'lessons' }],
      ['#/', { name: 'lessons' }],
      ['#/lessons', { name: 'lessons' }],
      ['#/lessons/', { name: 'lessons' }],
      ['#lessons', { name: 'lessons' }],
      ['#/lessons/01-first-session', { name: 'lesson', lessonId: '01-first-session' }],
      [
        '#/lessons/01-first-session/visit-again',
        { name: 'lesson', lessonId: '01-first-session', stepId: 'visit-again' },
      ],
      [
        '#/lessons/01-first-session/visit-again/',
        { name: 'lesson', lessonId: '01-first-session', stepId: 'visit-again' },
      ],
      ['#/lessons/a%20b', { name: 'lesson', lessonId: 'a b' }],
      ['#/lessons/01-first-session?from=list', { name: 'lesson', lessonId: '01-first-session' }],
      ['#/play', { name: 'free-play' }],
      ['#/play/', { name: 'free-play' }],
    ])('reads %j as %j', (hash, route) => {
      expect(parseRoute(hash)).toEqual(route)
    })
  })

  describe('when the fragment names nothing', () => {
    it.each<[string, string]>([
      ['#/settings', 'settings'],
      ['#/lessons/01-first-session/visit-again/extra', '01-first-session/visit-again/extra'],
      ['#/play/01-first-session', 'play/01-first-session'],
      ['#/lessons/%E0%A4%A', '/lessons/%E0%A4%A'],
    ])('reports %j as not found, without throwing', (hash, path) => {
      const route = parseRoute(hash)
      expect(route.name).toBe('not-found')
      if (route.name === 'not-found') expect(route.path).toContain(path)
    })
  })
})

describe('formatRoute', () => {
  it.each<[Route, string]>([
    [{ name: 'lessons' }, '#/lessons'],
    [{ name: 'free-play' }, '#/play'],
    [{ name: 'lesson', lessonId: '01-first-session' }, '#/lessons/01-first-session'],
    [
      { name: 'lesson', lessonId: '01-first-session', stepId: 'first-visit' },
      '#/lessons/01-first-session/first-visit',
    ],
    [{ name: 'lesson', lessonId: 'a/b' }, '#/lessons/a%2Fb'],
  ])('writes %j as %s', (route, hash) => {
    expect(formatRoute(route)).toBe(hash)
  })

  it('round-trips through parseRoute', () => {
    const route: Route = { name: 'lesson', lessonId: '02-login', stepId: 'log-in' }
    expect(parseRoute(formatRoute(route))).toEqual(route)
  })
})
