import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { collectPageErrors, newContext, openSite, type Site } from './support/chromium'
import {
  expectStepPassedAndGreen,
  playground,
  showPanel,
  visit,
  type Playground,
} from './support/playground'

/**
 * Lessons 3 and 4 done as a learner does them: typing in the address bar, filling the forms in
 * the shown page, switching browser tabs and editing server.js. "Do it for me" is never pressed,
 * so a step whose instructions cannot be followed in the UI fails here.
 */

let site: Site

beforeAll(async () => {
  site = await openSite()
}, 60_000)

afterAll(async () => {
  await site?.close()
})

/** A lesson opened by its deep link in a fresh context: no progress, no cookies, no edits. */
interface OpenLesson {
  context: BrowserContext
  page: Page
  ui: Playground
  errors: string[]
}

async function openLesson(lessonId: string, firstStep: string): Promise<OpenLesson> {
  const context = await newContext(site)
  const page = await context.newPage()
  const errors = collectPageErrors(page)
  const ui = playground(page)
  await page.goto(`${site.url}#/lessons/${lessonId}`)
  await ui.step.getByRole('heading', { name: firstStep }).waitFor()
  // The checks show once the lesson's server runs: nothing can be done before that. (Some pass
  // at once: before anything is done, Bob has no cookie and the store is empty.)
  await ui.step.getByText(/^Checks \(\d+ of \d+ passing\)$/).waitFor()
  return { context, page, ui, errors }
}

async function goToNextStep(ui: Playground, title: string): Promise<void> {
  await ui.step.getByRole('button', { name: 'Next step →' }).click()
  await ui.step.getByRole('heading', { name: title }).waitFor()
}

/** Fills the login form the shown page holds and presses its button. */
async function logIn(ui: Playground, username: string, password: string): Promise<void> {
  const form = ui.shownPage()
  await form.getByLabel('Username').fill(username)
  await form.getByLabel('Password').fill(password)
  await form.getByRole('button', { name: 'Log in' }).click()
}

/** The Server panel's editor, once CodeMirror has replaced the read-only text. */
async function serverEditor(lesson: OpenLesson) {
  await showPanel(lesson.page, 'Server')
  const editor = lesson.ui.serverPanel.getByRole('textbox', { name: 'server.js' })
  await editor.waitFor()
  return editor
}

/** The editor's lines, as the learner reads them. */
async function editorLines(lesson: OpenLesson): Promise<string[]> {
  const editor = await serverEditor(lesson)
  return editor.locator('.cm-line').allInnerTexts()
}

/** Presses Run and waits until the edited code is what the server runs. */
async function runEditedCode({ ui }: OpenLesson): Promise<void> {
  await ui.serverPanel.getByRole('button', { name: 'Run', exact: true }).click()
  // The mark goes as soon as the server takes the code; "Running" then means that code runs
  // (before, the badge could still be the old server's).
  await ui.serverPanel.getByText('Not running yet: press Run').waitFor({ state: 'detached' })
  await ui.serverPanel.getByRole('status').getByText('Running', { exact: true }).waitFor()
}

/** The value of the connect.sid cookie the cookie jar panel shows for the active tab. */
async function shownSessionCookie(ui: Playground): Promise<string | null> {
  const row = ui.cookiePanel.getByRole('row').filter({ hasText: 'connect.sid' })
  await row.waitFor()
  return row.locator('[title]').first().getAttribute('title')
}

async function expectNoCookiesShown(ui: Playground, profile: string): Promise<void> {
  await ui.cookiePanel.getByText(/^No cookies yet/).waitFor()
  await expect(
    ui.cookiePanel.getByRole('table', { name: `${profile}’s cookies` }).count(),
  ).resolves.toBe(0)
}

describe('lesson 3, a login form, done by hand', () => {
  let lesson: OpenLesson

  beforeAll(async () => {
    lesson = await openLesson('03-login-form', 'Knock on a locked door')
  }, 60_000)

  afterAll(async () => {
    await lesson?.context.close()
  })

  it('sends Bob from /dashboard to the login form, and his cookie jar stays empty', async () => {
    const { ui } = lesson
    await ui.browserTab('Bob').click()
    await visit(ui, '/dashboard')
    await ui.shownPage().getByRole('heading', { name: 'Log in' }).waitFor()
    expect(await ui.addressBar.inputValue()).toBe('http://session.test/login')
    await expectStepPassedAndGreen(ui)
    await expectNoCookiesShown(ui, 'Bob')
  })

  it('logs Alice in through the form at /login, and her dashboard greets her', async () => {
    const { ui } = lesson
    await goToNextStep(ui, 'Alice logs in')
    await ui.browserTab('Alice').click()
    await visit(ui, '/login')
    await logIn(ui, 'alice', 'wonderland')
    await ui.shownPage().getByRole('heading', { name: 'Hello, alice' }).waitFor()
    await expectStepPassedAndGreen(ui)
  })

  it('turns away Bob’s wrong password with a 401 and gives him no cookie', async () => {
    const { ui } = lesson
    await goToNextStep(ui, 'Bob guesses')
    // Bob's tab still shows the login form it was redirected to in the first step.
    await ui.browserTab('Bob').click()
    await logIn(ui, 'alice', 'guess')
    await ui.shownPage().getByText('Wrong username or password.').waitFor()
    await expectStepPassedAndGreen(ui)
    await expectNoCookiesShown(ui, 'Bob')
  })

  it('answers 500 once the body parser is commented out and run, and Reset puts it back', async () => {
    const { ui } = lesson
    await goToNextStep(ui, 'Forget the body parser')

    // Comment the line out in the editor, as the instructions show.
    const editor = await serverEditor(lesson)
    await editor.locator('.cm-line', { hasText: 'app.use(express.urlencoded' }).click()
    await editor.press('Home')
    await editor.pressSequentially('// ')
    expect(await editorLines(lesson)).toContain(
      '// app.use(express.urlencoded({ extended: false }))',
    )
    await runEditedCode(lesson)

    // Bob's tab shows the 401 page: its own link leads back to the form.
    await ui.browserTab('Bob').click()
    await ui.shownPage().getByRole('link', { name: 'Try again' }).click()
    await logIn(ui, 'bob', 'builder')
    await ui
      .shownPage()
      .getByText(/Cannot destructure property/)
      .waitFor()
    await expectStepPassedAndGreen(ui)

    // "Put the line back afterwards": the step stays done, and the original code runs again.
    await showPanel(lesson.page, 'Server')
    await ui.serverPanel.getByRole('button', { name: 'Reset to original' }).click()
    await ui.serverPanel.getByText('Edited', { exact: true }).waitFor({ state: 'detached' })
    await ui.serverPanel.getByRole('status').getByText('Running', { exact: true }).waitFor()
    expect(await editorLines(lesson)).toContain('app.use(express.urlencoded({ extended: false }))')
    await expectStepPassedAndGreen(ui)
  })

  it('says the lesson is complete, and the page logged no errors', async () => {
    const { ui, errors } = lesson
    await ui.lesson.getByRole('heading', { name: 'Well done: lesson complete!' }).waitFor()
    await expect(ui.lesson.getByText('✓ Done', { exact: true }).count()).resolves.toBe(1)
    expect(errors).toEqual([])
  })
})

describe('lesson 4, logout done right, done by hand', () => {
  let lesson: OpenLesson
  /** Alice's session id as her cookie jar shows it after her first login. */
  let aliceCookie: string | null

  beforeAll(async () => {
    lesson = await openLesson('04-logout', 'Alice logs in')
  }, 60_000)

  afterAll(async () => {
    await lesson?.context.close()
  })

  it('logs Alice in at /login, and her jar holds a connect.sid', async () => {
    const { ui } = lesson
    await expect(ui.browserTab('Alice').getAttribute('aria-selected')).resolves.toBe('true')
    await visit(ui, '/login')
    await logIn(ui, 'alice', 'wonderland')
    await ui.shownPage().getByRole('heading', { name: 'Hello, alice' }).waitFor()
    await expectStepPassedAndGreen(ui)
    aliceCookie = await shownSessionCookie(ui)
    expect(aliceCookie).toBeTruthy()
  })

  it('gives Bob a new session id when he logs in over Alice’s session', async () => {
    const { ui } = lesson
    await goToNextStep(ui, 'Switch users with regenerate')
    await visit(ui, '/login')
    await ui.shownPage().getByRole('heading', { name: 'Log in' }).waitFor()
    await logIn(ui, 'bob', 'builder')
    await ui.shownPage().getByRole('heading', { name: 'Hello, bob' }).waitFor()
    await expectStepPassedAndGreen(ui)
    // What the instructions ask the learner to watch: the id in Alice's cookie changed.
    expect(await shownSessionCookie(ui)).not.toBe(aliceCookie)
  })

  it('empties the store on Log out, while the browser keeps its stale cookie', async () => {
    const { ui } = lesson
    await goToNextStep(ui, 'Log out with destroy()')
    await ui.shownPage().getByRole('button', { name: 'Log out' }).click()
    await ui.shownPage().getByRole('heading', { name: 'Log in' }).waitFor()
    await expectStepPassedAndGreen(ui)
    expect(await shownSessionCookie(ui)).toBeTruthy()
  })

  it('drops the cookie on logout once /logout calls res.clearCookie', async () => {
    const { ui } = lesson
    await goToNextStep(ui, 'Clear the cookie too')

    // Add the line after `if (err) return next(err)` in /logout, the last such line. CodeMirror
    // draws only the lines near the view: go to the end of the file first, where /logout is.
    const editor = await serverEditor(lesson)
    await editor.click()
    await editor.press('ControlOrMeta+End')
    await editor.locator('.cm-line', { hasText: 'if (err) return next(err)' }).last().click()
    await editor.press('End')
    await editor.press('Enter')
    await editor.pressSequentially("res.clearCookie('connect.sid')")
    const lines = (await editorLines(lesson)).map((line) => line.trim())
    const logout = lines.indexOf("app.post('/logout', (req, res, next) => {")
    expect(lines.slice(logout + 3, logout + 6)).toEqual([
      'if (err) return next(err)',
      "res.clearCookie('connect.sid')",
      "res.redirect('/login')",
    ])
    await runEditedCode(lesson)

    // Alice's tab shows the login form the last logout redirected to.
    await logIn(ui, 'alice', 'wonderland')
    await ui.shownPage().getByRole('heading', { name: 'Hello, alice' }).waitFor()
    await ui.shownPage().getByRole('button', { name: 'Log out' }).click()
    await ui.shownPage().getByRole('heading', { name: 'Log in' }).waitFor()
    await expectStepPassedAndGreen(ui)
    await expectNoCookiesShown(ui, 'Alice')
  })

  it('says the lesson is complete, and the page logged no errors', async () => {
    const { ui, errors } = lesson
    await ui.lesson.getByRole('heading', { name: 'Well done: lesson complete!' }).waitFor()
    await expect(ui.lesson.getByText('✓ Done', { exact: true }).count()).resolves.toBe(1)
    expect(errors).toEqual([])
  })
})
