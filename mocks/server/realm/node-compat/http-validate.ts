import { nodeError } from './node-errors'

const TOKEN = /^[\^_`a-zA-Z\-0-9!#$%&'*+.|~]+$/

export function validateHeaderName(name: unknown): void {
  if (typeof name !== 'string' || !TOKEN.test(name)) {
    throw nodeError(
      'ERR_INVALID_HTTP_TOKEN',
      `Header name must be a valid HTTP token ["${String(name)}"]`,
      TypeError,
    )
  }
}

export function validateHeaderValue(name: string, value: unknown): void {
  if (value === undefined) {
    throw nodeError(
      'ERR_HTTP_INVALID_HEADER_VALUE',
      `Invalid value "undefined" for header "${name}"`,
      TypeError,
    )
  }
  if (/[^\t\x20-\x7e\x80-\xff]/.test(String(value))) {
    throw nodeError(
      'ERR_INVALID_CHAR',
      `Invalid character in header content ["${name}"]`,
      TypeError,
    )
  }
}
