import { readdirSync, readFileSync } from 'node:fs'
import { requiresPostgres } from '../../mocks/server/host/services/requires-postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ENGINES,
  launch,
  startSite,
  type Driver,
  type Site,
  BROWSER_TEST_TIMEOUT_MS,
} from './support/driver'
import { openApp, ui } from './support/ui'

/**
 * Every lesson's walkthrough ("Do it for me", step after step) in the built site, in each
 * engine: the lessons' servers run on that engine's JavaScript, and each step's checks are
 * evaluated on what that engine's page really received.
 */
const LESSONS = readdirSync('lessons', { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort()

/** Several actions, each a request and a store read: a loaded 2-core machine needs the time. */
const STEP_PASS_MS = 10_000
/** A step whose server first requires `pg` loads the Postgres chunk and boots PGlite (initdb). */
const POSTGRES_STEP_PASS_MS = 90_000
const bootsPostgres = (lesson: string) =>
  requiresPostgres(readFileSync(`lessons/${lesson}/lesson.md`, 'utf8'))

for (const engine of ENGINES) {
  describe(`every lesson's walkthrough, in ${engine}`, { timeout: BROWSER_TEST_TIMEOUT_MS }, () => {
    let site: Site
    let browser: Driver

    beforeAll(async () => {
      site = await startSite(engine)
      browser = await launch(engine)
    }, 60_000)

    afterAll(async () => {
      await browser?.close()
      await site?.close()
    })

    for (const lesson of LESSONS) {
      it(
        `completes ${lesson} step by step with "Do it for me"`,
        async () => {
          await browser.open('about:blank')
          // Leaving the last lesson's page aborts what it was still loading (a lazy chunk, through
          // the service worker), and Firefox logs that abort as an error: the page left behind's,
          // not this lesson's.
          await browser.takeErrors()
          await openApp(browser, `${site.url}#/lessons/${lesson}`)
          const stepCount = await (async () => {
            await browser.waitFor(ui.step.css('.lp-step-count'))
            const text = (await browser.text(ui.step.css('.lp-step-count'))) ?? ''
            return Number(/of (\d+)/i.exec(text)?.[1] ?? 0)
          })()
          expect(stepCount).toBeGreaterThan(0)
          for (let step = 1; step <= stepCount; step++) {
            await browser.waitFor(ui.step.text(new RegExp(`^Step ${step} of ${stepCount}$`, 'i')))
            // The checks show once the step's server runs; only then can it be done.
            await browser.waitFor(ui.step.text(/^Checks \(\d+ of \d+ passing\)$/))
            await browser.click(ui.step.role('button', 'Do it for me'))
            try {
              const timeout = bootsPostgres(lesson) ? POSTGRES_STEP_PASS_MS : STEP_PASS_MS
              // Checks can pass before the walkthrough's last action, and the step's buttons move
              // when "Doing it…" turns back into "Do it for me": wait for both, as a person would.
              await browser.waitFor(ui.step.role('button', 'Do it for me'), { timeout })
              await browser.waitFor(ui.step.text(/^Checks \((\d+) of \1 passing\)$/), { timeout })
            } catch {
              const open = await browser.innerTexts(ui.step.css('.lp-check:not(.lp-check-passed)'))
              expect(open, `${lesson}, step ${step} of ${stepCount}`).toEqual([])
            }
            if (step < stepCount) await browser.click(ui.nextStep)
          }
          await browser.waitFor(ui.lesson.role('heading', 'Well done: lesson complete!'))
          expect(await browser.takeErrors()).toEqual([])
        },
        (bootsPostgres(lesson) ? POSTGRES_STEP_PASS_MS : 0) + 90_000,
      )
    }
  })
}
