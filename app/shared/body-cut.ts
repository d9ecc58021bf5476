/**
 * The notice for a response body the simulated browser cut (see MAX_RESPONSE_BODY_BYTES): said
 * the same way under the page and in the network log.
 */
import { MAX_RESPONSE_BODY_BYTES } from '../../mocks/client'

function megabytes(bytes: number): string {
  const value = bytes / (1024 * 1024)
  return `${value.toLocaleString('en', { maximumFractionDigits: value < 10 ? 1 : 0 })} MB`
}

export function bodyCutNotice(wholeBytes: number): string {
  return `The body is ${megabytes(wholeBytes)}; the browser keeps and shows its first ${megabytes(MAX_RESPONSE_BODY_BYTES)}.`
}
