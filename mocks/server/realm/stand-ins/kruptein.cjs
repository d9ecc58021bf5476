'use strict'
// connect-mongo requires kruptein and calls it only for its `crypto` option. Encryption is not
// part of the playground, so asking for it fails with a message that says so.
function kruptein() {
  const error = new Error(
    "connect-mongo's `crypto` option encrypts sessions with kruptein, which the playground does not include: leave `crypto` out here",
  )
  error.code = 'ERR_PLAYGROUND_UNSUPPORTED'
  throw error
}

module.exports = kruptein
