/** `tty`: the simulated process writes to the playground's console, never to a terminal. */
export function isatty(): boolean {
  return false
}
export class ReadStream {}
export class WriteStream {}
