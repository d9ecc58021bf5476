/**
 * server.js that does not parse: Node names the error and prints the line and a caret line above
 * it; the simulated runtime must say the same, whatever wrapper it compiles the code in.
 */
import type { Scenario } from '../support/scenario'

const HEAD = `const express = require('express')
const app = express()
`

/** A request after the failed load: nothing listens on either side. */
const notRunning = [{ browser: 'alice', path: '/' }] as const

function syntaxError(name: string, body: string): Scenario {
  return { name: `syntax error: ${name}`, source: `${HEAD}${body}`, steps: notRunning }
}

export const syntaxErrorScenarios: Scenario[] = [
  syntaxError(
    'an unclosed brace is an unexpected end of input',
    `app.get('/', (req, res) => {
  res.send('hi')

app.listen(3000)
`,
  ),
  syntaxError(
    'an unclosed brace on the last line, without a final newline',
    `app.get('/', (req, res) => {
  res.send('hi')`,
  ),
  syntaxError('a stray number', `const port = 3000 3001\napp.listen(port)\n`),
  syntaxError(
    'a stray identifier after a call',
    `app.get('/', (req, res) => res.send('hi') res.end())\napp.listen(3000)\n`,
  ),
  syntaxError(
    'a stray closing brace',
    `app.get('/', (req, res) => {\n  res.send('hi')\n})\n}\napp.listen(3000)\n`,
  ),
  syntaxError(
    'a missing closing parenthesis',
    `app.get('/', (req, res) => {\n  res.send('hi')\n}\napp.listen(3000)\n`,
  ),
  syntaxError(
    'an unterminated string',
    `app.get('/', (req, res) => res.send('hi))\napp.listen(3000)\n`,
  ),
  syntaxError(
    'an unterminated comment has no caret line',
    `app.listen(3000)\n/* the routes\napp.get('/', (req, res) => res.send('hi'))\n`,
  ),
  syntaxError(
    'an invalid regular expression',
    `app.get(/^\\/(users$/, (req, res) => res.send('hi'))\napp.listen(3000)\n`,
  ),
  syntaxError(
    'invalid regular expression flags',
    `const admin = /^admin$/ii\napp.get('/', (req, res) => res.send(admin.test('x')))\napp.listen(3000)\n`,
  ),
  syntaxError(
    'await in a route handler that is not async',
    `app.get('/', (req, res) => {\n  const user = await Promise.resolve('alice')\n  res.send(user)\n})\napp.listen(3000)\n`,
  ),
  syntaxError(
    'a tab-indented line keeps its tab in the caret line',
    `app.get('/', (req, res) => {\n\tres.send('hi' 'there')\n})\napp.listen(3000)\n`,
  ),
  syntaxError('a const declared twice', `const port = 3000\nconst port = 3001\napp.listen(port)\n`),
  syntaxError('a const without a value', `const port\napp.listen(3000)\n`),
  // V8 takes a call as an assignment target while parsing and stops at the next token.
  syntaxError(
    'an assignment to a call fails at the next line',
    `const app2 = express() =\nconst port = 3000\napp.listen(port)\n`,
  ),
  syntaxError(
    'a parenthesized assignment target is marked with its parentheses',
    `app.get('/', (req, res) = res.send('hi'))\napp.listen(3000)\n`,
  ),
  syntaxError('a file that ends inside an expression', `app.listen(3000) =\n`),
  syntaxError(
    'a missing parenthesis after a template over two lines has no caret line',
    `app.get('/', (req, res) => {\n  res.send(\`<h1>Hello, \${req.query.name}</h1>\n<p>Welcome</p>\` 3)\n})\napp.listen(3000)\n`,
  ),
  syntaxError(
    'a number run into a name',
    `app.get('/', (req, res) => res.r 3edirect('/login'))\napp.listen(3000)\n`,
  ),
  syntaxError(
    'a stray brace inside a call is a missing parenthesis',
    `app.get('/', (req, res) } => {\n  res.send('hi')\n})\napp.listen(3000)\n`,
  ),
]
