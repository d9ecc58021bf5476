// Starts each lesson's server.js in the simulated runtime (the Node API, build/server/api.js),
// as the playground does when the lesson opens, and turns what stops it into lesson problems:
// a syntax error or a throw while loading, or an uncaught error in its start-up ticks (a listen
// callback). Without this a broken server.js surfaces only in the replay, as a failed check.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

/** @typedef {import('../../app/lesson-loader/lesson-problem.ts').LessonProblem} LessonProblem */

/**
 * @param {string} apiFile build/server/api.js
 * @returns {Promise<(source: string, file: string) => Promise<LessonProblem | undefined>>}
 */
export async function lessonServerLoader(apiFile) {
  if (!existsSync(apiFile)) {
    throw new Error(`${apiFile} is missing: run npm run build:realm first`)
  }
  const { createSimServer } = await import(pathToFileURL(apiFile).href)
  return async (source, file) => {
    /** @type {{ name: string, message: string, location?: { line: number, column: number } }[]} */
    const uncaught = []
    const server = await createSimServer({
      source,
      filename: 'server.js',
      onEvent: (event) => {
        if (event.kind === 'uncaught-error') uncaught.push(event.error)
      },
    })
    const error = server.loadError ?? (server.state === 'crashed' ? uncaught[0] : undefined)
    server.close()
    if (!error) return undefined
    return {
      file,
      line: error.location?.line ?? 1,
      ...(error.location ? { column: error.location.column } : {}),
      field: error.name,
      message: error.message,
    }
  }
}

/**
 * The problem of each lesson folder's server.js, if it has one and it does not start.
 * @param {string} lessonsDir
 * @param {string[]} folders
 * @param {string} shownAs how problem reports name lessonsDir
 * @param {string} apiFile
 */
export async function serverLoadProblems(lessonsDir, folders, shownAs, apiFile) {
  const load = await lessonServerLoader(apiFile)
  /** @type {Map<string, LessonProblem>} */
  const problems = new Map()
  for (const folder of folders) {
    const serverFile = path.join(lessonsDir, folder, 'server.js')
    if (!existsSync(serverFile)) continue
    const problem = await load(readFileSync(serverFile, 'utf8'), `${shownAs}/${folder}/server.js`)
    if (problem) problems.set(folder, problem)
  }
  return problems
}
