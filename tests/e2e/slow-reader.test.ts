import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ENGINES,
  launch,
  startSite,
  type Driver,
  type EngineName,
  type Site,
} from './support/driver'
import { page } from './support/locator'
import {
  expectStepPassedAndGreen,
  goToNextStep,
  logIn,
  openApp,
  runServerCode,
  ui,
  visit,
} from './support/ui'

/**
 * No check may depend on how fast a person reads. Lessons 6 (expiry) and 11 (SameSite) are
 * done by hand, as a learner does them, with real pauses to read: inside a lesson the virtual
 * clock waits for the learner, so every step still turns green. The long pause sits where time
 * matters most: in lesson 6, step 4, between logging in and "+40 s". A clock that ran with real
 * time would let Alice's one-minute cookie run out there, and the step would fail.
 */
const READING_MS = 45_000
/** A shorter pause between steps of lesson 11, whose checks hang on a 2-minute window. */
const GLANCE_MS = 15_000
const TEST_TIMEOUT_MS = 150_000

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const clock = page.css('section.clock')

/** Fast-forwards the clock with its "Fast-forward by" field, and waits until it moved that far. */
async function fastForward(browser: Driver, amount: string, ms: number): Promise<void> {
  const shown = clock.css('time')
  const before = Date.parse((await browser.attribute(shown, 'datetime')) ?? '')
  await browser.fill(clock.label('Fast-forward by'), amount)
  await browser.click(clock.role('button', 'Go', { exact: true }))
  const moved = async () =>
    Date.parse((await browser.attribute(shown, 'datetime')) ?? '') >= before + ms
  await browser.waitUntil(moved, true, `the clock ${amount} ahead`)
}

/** The lesson's server.js with one edit, typed into the editor and run as the learner does. */
async function runEdited(browser: Driver, lessonId: string, edits: Array<[string, string]>) {
  let source = readFileSync(new URL(`../../lessons/${lessonId}/server.js`, import.meta.url), 'utf8')
  for (const [from, to] of edits) {
    expect(source).toContain(from)
    source = source.replace(from, to)
  }
  await runServerCode(browser, source)
}

async function openLesson(engine: EngineName, site: Site, lessonId: string, firstStep: string) {
  const browser = await launch(engine)
  await openApp(browser, `${site.url}#/lessons/${lessonId}`)
  await browser.waitFor(ui.step.role('heading', firstStep))
  await browser.waitFor(ui.step.text(/^Checks \(\d+ of \d+ passing\)$/))
  // The clock a lesson starts with waits for the learner.
  await browser.waitFor(clock.text('(paused)'))
  return browser
}

const CROSS_SITE = 'Request comes from another site (cross-site)'

/** Flips the active tab's cross-site switch to `on`, and waits until it shows so. */
async function setCrossSite(browser: Driver, on: boolean): Promise<void> {
  await browser.click(ui.browserPanel.role('switch', CROSS_SITE, { checked: !on }))
  await browser.waitFor(ui.browserPanel.role('switch', CROSS_SITE, { checked: on }))
}

for (const engine of ENGINES) {
  describe(`a slow reader, in ${engine}`, { timeout: TEST_TIMEOUT_MS }, () => {
    let site: Site

    beforeAll(async () => {
      site = await startSite(engine)
    })

    afterAll(async () => {
      await site?.close()
    })

    describe('lesson 6, by hand, with a long pause to read', () => {
      let browser: Driver

      beforeAll(async () => {
        browser = await openLesson(engine, site, '06-expiry', 'A one-minute session')
      }, 60_000)

      afterAll(async () => {
        await browser?.close()
      })

      const logInAsAlice = async () => {
        await visit(browser, '/')
        await browser.fill(ui.shownPage.label('Your name'), 'alice')
        await browser.click(ui.shownPage.role('button', 'Log in'))
        await browser.waitFor(ui.shownPage.role('heading', 'Hello, alice'))
      }

      it('a one-minute session, then the minute passes, then /stats empties the store', async () => {
        await logInAsAlice()
        await expectStepPassedAndGreen(browser)

        await goToNextStep(browser, 'Let the minute pass')
        await fastForward(browser, '61s', 61_000)
        await visit(browser, '/')
        await browser.waitFor(ui.shownPage.role('heading', 'You are not logged in'))
        await expectStepPassedAndGreen(browser)

        await goToNextStep(browser, 'Reading the store drops it')
        await visit(browser, '/stats')
        await browser.waitFor(ui.shownPage.role('heading', 'Live sessions in the store: 0'))
        await expectStepPassedAndGreen(browser)
      })

      it('reading does not renew the cookie, with a long read after logging in', async () => {
        await goToNextStep(browser, 'Reading does not renew the cookie')
        await logInAsAlice()
        await pause(READING_MS)
        await fastForward(browser, '40s', 40_000)
        await visit(browser, '/')
        // Exactly 20 of the 60 seconds: the pause to read took none of them.
        await browser.waitFor(ui.shownPage.text(/had 20 seconds left/))
        await fastForward(browser, '30s', 30_000)
        await expectStepPassedAndGreen(browser)
      })

      it('rolling renews the cookie; a fixed expires date runs out', async () => {
        await goToNextStep(browser, 'rolling renews the cookie too')
        await runEdited(browser, '06-expiry', [
          ['saveUninitialized: false,', 'saveUninitialized: false,\n    rolling: true,'],
        ])
        await logInAsAlice()
        await fastForward(browser, '40s', 40_000)
        await visit(browser, '/')
        await browser.waitFor(ui.shownPage.text(/had 20 seconds left/))
        await fastForward(browser, '30s', 30_000)
        await visit(browser, '/')
        await browser.waitFor(ui.shownPage.text(/had 30 seconds left/))
        await expectStepPassedAndGreen(browser)

        await goToNextStep(browser, 'A fixed expires date runs out')
        await runEdited(browser, '06-expiry', [
          [
            'cookie: { maxAge: 60 * 1000 }, // one minute, in milliseconds',
            'cookie: { expires: new Date(Date.now() + 60 * 1000) }, // a date, computed once',
          ],
        ])
        await logInAsAlice()
        await fastForward(browser, '61s', 61_000)
        await visit(browser, '/')
        await browser.fill(ui.shownPage.label('Your name'), 'alice')
        await browser.click(ui.shownPage.role('button', 'Log in'))
        await browser.waitFor(ui.shownPage.role('heading', 'You are not logged in'))
        await expectStepPassedAndGreen(browser)
        await browser.waitFor(ui.lesson.role('heading', 'Well done: lesson complete!'))
        expect(await browser.takeErrors()).toEqual([])
      })
    })

    describe('lesson 11, by hand, with pauses to read', () => {
      let browser: Driver

      beforeAll(async () => {
        browser = await openLesson(engine, site, '11-samesite', 'Follow a link from another site')
      }, 60_000)

      afterAll(async () => {
        await browser?.close()
      })

      it('a cross-site link keeps Alice logged in; a forged POST does not', async () => {
        await visit(browser, '/')
        await logIn(browser, 'alice', 'wonderland')
        await browser.waitFor(ui.shownPage.role('heading', 'Hello, alice'))
        await pause(GLANCE_MS)
        await setCrossSite(browser, true)
        await visit(browser, '/dashboard')
        await browser.waitFor(ui.shownPage.role('heading', 'Hello, alice'))
        await expectStepPassedAndGreen(browser)

        await goToNextStep(browser, 'A forged form from another site')
        await fastForward(browser, '3m', 180_000)
        await browser.fill(ui.shownPage.label('To'), 'mallory')
        await browser.fill(ui.shownPage.label('Amount'), '100')
        await browser.click(ui.shownPage.role('button', 'Send money'))
        await browser.waitFor(ui.shownPage.role('heading', 'Log in first'))
        await expectStepPassedAndGreen(browser)
      })

      it('Strict never crosses sites; None needs Secure, over https', async () => {
        await goToNextStep(browser, 'Strict never crosses sites')
        await runEdited(browser, '11-samesite', [
          ['cookie: { httpOnly: true },', "cookie: { httpOnly: true, sameSite: 'strict' },"],
        ])
        await setCrossSite(browser, false)
        await visit(browser, '/')
        await logIn(browser, 'alice', 'wonderland')
        await browser.waitFor(ui.shownPage.role('heading', 'Hello, alice'))
        await setCrossSite(browser, true)
        await visit(browser, '/dashboard')
        await browser.waitFor(ui.shownPage.role('heading', 'Please log in'))
        await expectStepPassedAndGreen(browser)

        await goToNextStep(browser, 'SameSite=None needs Secure')
        await runEdited(browser, '11-samesite', [
          ['cookie: { httpOnly: true },', "cookie: { httpOnly: true, sameSite: 'none' },"],
        ])
        await browser.click(ui.browserTab('Bob'))
        await visit(browser, '/')
        await logIn(browser, 'bob', 'builder')
        await browser.waitFor(ui.shownPage.role('heading', 'Please log in'))
        await expectStepPassedAndGreen(browser)

        await goToNextStep(browser, 'SameSite=None; Secure, over https')
        await runEdited(browser, '11-samesite', [
          [
            'cookie: { httpOnly: true },',
            "cookie: { httpOnly: true, sameSite: 'none', secure: true },",
          ],
        ])
        await browser.click(ui.browserPanel.role('switch', 'https', { exact: true }))
        await visit(browser, '/')
        // The page shown until then has the same login form, still over http.
        await browser.waitFor(ui.browserPanel.css('iframe[title="Page at https://session.test/"]'))
        await logIn(browser, 'bob', 'builder')
        await browser.waitFor(ui.shownPage.role('heading', 'Hello, bob'))
        await setCrossSite(browser, true)
        await browser.fill(ui.shownPage.label('To'), 'mallory')
        await browser.fill(ui.shownPage.label('Amount'), '100')
        await browser.click(ui.shownPage.role('button', 'Send money'))
        await browser.waitFor(ui.shownPage.role('heading', 'Sent 100 to mallory'))
        await expectStepPassedAndGreen(browser)
        await browser.waitFor(ui.lesson.role('heading', 'Well done: lesson complete!'))
        expect(await browser.takeErrors()).toEqual([])
      })
    })
  })
}
