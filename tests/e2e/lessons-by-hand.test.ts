import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ENGINES,
  launch,
  startSite,
  type Driver,
  type EngineName,
  type Site,
  BROWSER_TEST_TIMEOUT_MS,
} from './support/driver'
import {
  expectStepPassedAndGreen,
  goToNextStep,
  logIn,
  openApp,
  showPanel,
  ui,
  visit,
} from './support/ui'

/**
 * Lessons 3 and 4 done as a learner does them: typing in the address bar, filling the forms in
 * the shown page, switching browser tabs and editing server.js. "Do it for me" is never pressed,
 * so a step whose instructions cannot be followed in the UI fails here.
 */

const EDITOR = ui.serverPanel.role('textbox', 'server.js')

/** A lesson opened by its deep link in a fresh browser: no progress, no cookies, no edits. */
async function openLesson(engine: EngineName, site: Site, lessonId: string, firstStep: string) {
  const browser = await launch(engine)
  await openApp(browser, `${site.url}#/lessons/${lessonId}`)
  await browser.waitFor(ui.step.role('heading', firstStep))
  // The checks show once the lesson's server runs: nothing can be done before that. (Some pass
  // at once: before anything is done, Bob has no cookie and the store is empty.)
  await browser.waitFor(ui.step.text(/^Checks \(\d+ of \d+ passing\)$/))
  return browser
}

/** The Server panel's editor, once CodeMirror has replaced the read-only text. */
async function showEditor(browser: Driver): Promise<void> {
  await showPanel(browser, 'Server')
  await browser.waitFor(EDITOR)
}

/** The editor's lines, as the learner reads them. */
async function editorLines(browser: Driver): Promise<string[]> {
  await showEditor(browser)
  return browser.innerTexts(EDITOR.css('.cm-line'))
}

/** Presses Run and waits until the edited code is what the server runs. */
async function runEditedCode(browser: Driver): Promise<void> {
  await browser.click(ui.serverPanel.role('button', 'Run', { exact: true }))
  // The mark goes as soon as the server takes the code; "Running" then means that code runs.
  await browser.waitFor(ui.serverPanel.text('Not running yet: press Run'), { state: 'detached' })
  await browser.waitFor(ui.serverPanel.role('status').text('Running', true))
}

/** The value of the connect.sid cookie the cookie jar panel shows for the active tab. */
async function shownSessionCookie(browser: Driver): Promise<string | null> {
  const row = ui.cookiePanel.role('row').filter('connect.sid')
  await browser.waitFor(row)
  return browser.attribute(row.css('[title]').first(), 'title')
}

/** An empty jar, with the panel's reason: never set (`No cookies yet`), or why it left. */
async function expectNoCookiesShown(
  browser: Driver,
  profile: string,
  reason: RegExp = /^No cookies yet/,
): Promise<void> {
  await browser.waitFor(ui.cookiePanel.text(reason))
  expect(await browser.count(ui.cookiePanel.role('table', `${profile}’s cookies`))).toBe(0)
}

async function expectLessonComplete(browser: Driver): Promise<void> {
  await browser.waitFor(ui.lesson.role('heading', 'Well done: lesson complete!'))
  expect(await browser.count(ui.lesson.text('✓ Done', true))).toBe(1)
}

for (const engine of ENGINES) {
  describe(
    `lessons 3 and 4 done by hand, in ${engine}`,
    { timeout: BROWSER_TEST_TIMEOUT_MS },
    () => {
      let site: Site

      beforeAll(async () => {
        site = await startSite(engine)
      })

      afterAll(async () => {
        await site?.close()
      })

      describe('lesson 3, a login form', () => {
        let browser: Driver
        const errors: string[] = []

        beforeAll(async () => {
          browser = await openLesson(engine, site, '03-login-form', 'Knock on a locked door')
        }, 60_000)

        afterAll(async () => {
          await browser?.close()
        })

        it('sends Bob from /dashboard to the login form, and his cookie jar stays empty', async () => {
          await browser.click(ui.browserTab('Bob'))
          await visit(browser, '/dashboard')
          await browser.waitFor(ui.shownPage.role('heading', 'Log in'))
          expect(await browser.value(ui.addressBar)).toBe('http://session.test/login')
          await expectStepPassedAndGreen(browser)
          await expectNoCookiesShown(browser, 'Bob')
        })

        it('logs Alice in through the form at /login, and her dashboard greets her', async () => {
          await goToNextStep(browser, 'Alice logs in')
          await browser.click(ui.browserTab('Alice'))
          await visit(browser, '/login')
          await logIn(browser, 'alice', 'wonderland')
          await browser.waitFor(ui.shownPage.role('heading', 'Hello, alice'))
          await expectStepPassedAndGreen(browser)
        })

        it('turns away Bob’s wrong password with a 401 and gives him no cookie', async () => {
          await goToNextStep(browser, 'Bob guesses')
          // Bob's tab still shows the login form it was redirected to in the first step.
          await browser.click(ui.browserTab('Bob'))
          await logIn(browser, 'alice', 'guess')
          await browser.waitFor(ui.shownPage.text('Wrong username or password.'))
          await expectStepPassedAndGreen(browser)
          await expectNoCookiesShown(browser, 'Bob')
        })

        it('answers 500 once the body parser is commented out and run, and Reset puts it back', async () => {
          await goToNextStep(browser, 'Forget the body parser')

          // Comment the line out in the editor, as the instructions show.
          await showEditor(browser)
          await browser.click(EDITOR.css('.cm-line').filter('app.use(express.urlencoded'))
          // Long lines wrap on a narrow pane: the first Home goes to the start of the wrapped
          // row the click landed on, the second to the start of the line, as in any editor.
          await browser.press('Home')
          await browser.press('Home')
          await browser.type('// ')
          expect(await editorLines(browser)).toContain(
            '// app.use(express.urlencoded({ extended: false }))',
          )
          await runEditedCode(browser)

          // Bob's tab shows the 401 page: its own link leads back to the form.
          await browser.click(ui.browserTab('Bob'))
          await browser.click(ui.shownPage.role('link', 'Try again'))
          await logIn(browser, 'bob', 'builder')
          // The error's own words are the browser's JavaScript engine's, different in each one.
          await browser.waitFor(ui.browserPanel.text('500 Internal Server Error'))
          await expectStepPassedAndGreen(browser)

          // "Put the line back afterwards": the step stays done, and the original code runs again.
          await showPanel(browser, 'Server')
          await browser.click(ui.serverPanel.role('button', 'Reset to original'))
          await browser.waitFor(ui.serverPanel.text('Edited', true), { state: 'detached' })
          await browser.waitFor(ui.serverPanel.role('status').text('Running', true))
          expect(await editorLines(browser)).toContain(
            'app.use(express.urlencoded({ extended: false }))',
          )
          await expectStepPassedAndGreen(browser)
        })

        it('says the lesson is complete, and the page logged no errors', async () => {
          await expectLessonComplete(browser)
          errors.push(...(await browser.takeErrors()))
          expect(errors).toEqual([])
        })
      })

      describe('lesson 4, logout done right', () => {
        let browser: Driver
        /** Alice's session id as her cookie jar shows it after her first login. */
        let aliceCookie: string | null

        beforeAll(async () => {
          browser = await openLesson(engine, site, '04-logout', 'Alice logs in')
        }, 60_000)

        afterAll(async () => {
          await browser?.close()
        })

        it('logs Alice in at /login, and her jar holds a connect.sid', async () => {
          expect(await browser.attribute(ui.browserTab('Alice'), 'aria-selected')).toBe('true')
          await visit(browser, '/login')
          await logIn(browser, 'alice', 'wonderland')
          await browser.waitFor(ui.shownPage.role('heading', 'Hello, alice'))
          await expectStepPassedAndGreen(browser)
          aliceCookie = await shownSessionCookie(browser)
          expect(aliceCookie).toBeTruthy()
        })

        it('gives Bob a new session id when he logs in over Alice’s session', async () => {
          await goToNextStep(browser, 'Switch users with regenerate')
          await visit(browser, '/login')
          await browser.waitFor(ui.shownPage.role('heading', 'Log in'))
          await logIn(browser, 'bob', 'builder')
          await browser.waitFor(ui.shownPage.role('heading', 'Hello, bob'))
          await expectStepPassedAndGreen(browser)
          // What the instructions ask the learner to watch: the id in Alice's cookie changed.
          expect(await shownSessionCookie(browser)).not.toBe(aliceCookie)
        })

        it('empties the store on Log out, while the browser keeps its stale cookie', async () => {
          await goToNextStep(browser, 'Log out with destroy()')
          await browser.click(ui.shownPage.role('button', 'Log out'))
          await browser.waitFor(ui.shownPage.role('heading', 'Log in'))
          await expectStepPassedAndGreen(browser)
          expect(await shownSessionCookie(browser)).toBeTruthy()
        })

        it('drops the cookie on logout once /logout calls res.clearCookie', async () => {
          await goToNextStep(browser, 'Clear the cookie too')

          // Add the line after `if (err) return next(err)` in /logout, the last such line.
          // CodeMirror draws only the lines near the view: go to the end of the file first.
          await showEditor(browser)
          await browser.click(EDITOR.css('.cm-line').first())
          await browser.press('Control+End')
          await browser.click(EDITOR.css('.cm-line').filter('if (err) return next(err)').last())
          await browser.press('End')
          await browser.press('Enter')
          await browser.type("res.clearCookie('connect.sid')")
          const lines = (await editorLines(browser)).map((line) => line.trim())
          const logout = lines.indexOf("app.post('/logout', (req, res, next) => {")
          expect(lines.slice(logout + 3, logout + 6)).toEqual([
            'if (err) return next(err)',
            "res.clearCookie('connect.sid')",
            "res.redirect('/login')",
          ])
          await runEditedCode(browser)

          // Alice's tab shows the login form the last logout redirected to.
          await logIn(browser, 'alice', 'wonderland')
          await browser.waitFor(ui.shownPage.role('heading', 'Hello, alice'))
          await browser.click(ui.shownPage.role('button', 'Log out'))
          await browser.waitFor(ui.shownPage.role('heading', 'Log in'))
          await expectStepPassedAndGreen(browser)
          await expectNoCookiesShown(
            browser,
            'Alice',
            /^The jar is empty: the server deleted connect\.sid with a Set-Cookie that had already expired/,
          )
        })

        it('says the lesson is complete, and the page logged no errors', async () => {
          await expectLessonComplete(browser)
          expect(await browser.takeErrors()).toEqual([])
        })
      })
    },
  )
}
