// Every spec file loads this (vitest.config.ts, setupFiles); it matters to those with a DOM only.
//
// jsdom 28 is the newest jsdom that runs on Node 22.12, and its getComputedStyle is slow (a few
// milliseconds an element, redone after every DOM change). Testing Library calls it on every
// element a *ByRole query weighs and on that element's ancestors, and findBy*/waitFor rerun the
// query on every DOM change while they wait. On a loaded machine that work alone outlasts their
// default window of one second, so a lesson already on screen is reported missing. The window
// says how long a spec waits for what the app does, never how fast it must be.
if (typeof document !== 'undefined') {
  const { configure } = await import('@testing-library/dom')
  configure({ asyncUtilTimeout: 5_000 })
}
