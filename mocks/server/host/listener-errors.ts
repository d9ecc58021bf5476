/**
 * What happens when an event listener throws. The listener belongs to someone else (the UI, a
 * test, the worker's forwarding): its exception must neither break the server nor keep the event
 * from the other listeners, and it must not vanish either, or a UI bug hides behind a panel
 * that silently stops updating. So it is reported: on the console by default, and by the test
 * suites' setup file as a failing test (tests/support/fail-on-listener-errors.ts).
 */
export type ListenerErrorReporter = (error: unknown, event: { kind: string }) => void

/** The app's reporter: the console, where the developer tools show it. */
export const reportOnConsole: ListenerErrorReporter = (error, event) => {
  console.error(
    `A listener of the simulated server's "${event.kind}" event threw; the other listeners still got the event.`,
    error,
  )
}

let report = reportOnConsole

/** Reports listeners' exceptions to `reporter` instead; returns how to restore the previous one. */
export function reportListenerErrorsWith(reporter: ListenerErrorReporter): () => void {
  const previous = report
  report = reporter
  return () => {
    report = previous
  }
}

/** Gives `event` to every listener; one that throws is reported, and the rest still get it. */
export function notifyListeners<Event extends { kind: string }>(
  listeners: Iterable<(event: Event) => void>,
  event: Event,
): void {
  for (const listener of listeners) {
    try {
      listener(event)
    } catch (error) {
      report(error, event)
    }
  }
}
