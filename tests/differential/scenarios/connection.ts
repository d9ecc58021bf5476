/** The `Connection` header: a client that asks to close gets `Connection: close` back. */
import type { Scenario } from '../support/scenario'

const close = (value: string) => [['Connection', value]] as const

export const connectionScenarios: Scenario[] = [
  {
    name: 'Connection: close in the request is answered with Connection: close',
    source: `
const express = require('express')
const session = require('express-session')
const app = express()
app.use(session({ secret: 'keyboard cat', resave: false, saveUninitialized: true }))
app.get('/', (req, res) => res.send('hello'))
app.get('/chunked', (req, res) => {
  res.write('one ')
  res.end('two')
})
app.get('/empty', (req, res) => res.status(204).end())
app.get('/own', (req, res) => {
  res.set('Connection', 'keep-alive')
  res.send('the route decides')
})
app.listen(3000)
`,
    steps: [
      { browser: 'alice', path: '/', headers: close('close'), expect: { setCookies: 1 } },
      { browser: 'alice', path: '/', headers: close('Close') },
      { browser: 'alice', path: '/', headers: close('keep-alive, CLOSE') },
      { browser: 'alice', path: '/', headers: [...close('upgrade'), ...close('close')] },
      // A token that only starts with "close" is not one.
      { browser: 'alice', path: '/', headers: close('closed') },
      { browser: 'alice', path: '/', headers: close('keep-alive') },
      { browser: 'alice', path: '/chunked', headers: close('close'), expect: { body: 'one two' } },
      { browser: 'alice', path: '/empty', headers: close('close'), expect: { status: 204 } },
      { browser: 'alice', method: 'HEAD', path: '/', headers: close('close') },
      { browser: 'alice', path: '/own', headers: close('close') },
    ],
  },
]
