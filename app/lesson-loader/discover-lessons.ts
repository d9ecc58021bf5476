/**
 * Finds the lessons at build time: every `lessons/NN-slug/` folder with its lesson.md and
 * server.js. Adding a folder adds a lesson; a broken one comes back with its problems so the
 * list can show an error card while every other lesson keeps working.
 */
import { parseLesson, type ParsedLesson } from './parse-lesson'
import { EXPLANATION_CODES } from '../../mocks/server/explain/explanation-catalogue'

const markdownFiles = import.meta.glob<string>('/lessons/*/lesson.md', {
  query: '?raw',
  import: 'default',
  eager: true,
})
const serverFiles = import.meta.glob<string>('/lessons/*/server.js', {
  query: '?raw',
  import: 'default',
  eager: true,
})

function folderOf(file: string): string {
  return file.split('/')[2] ?? file
}

export function discoverLessons(): ParsedLesson[] {
  const folders = new Set(
    [...Object.keys(markdownFiles), ...Object.keys(serverFiles)].map(folderOf),
  )
  return [...folders].sort().map((folder) =>
    parseLesson(
      {
        folder,
        markdown: markdownFiles[`/lessons/${folder}/lesson.md`],
        serverSource: serverFiles[`/lessons/${folder}/server.js`],
      },
      { explanationCodes: EXPLANATION_CODES },
    ),
  )
}
