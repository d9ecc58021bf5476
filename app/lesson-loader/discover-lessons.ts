/**
 * The lessons, as parsed when the site was built (see vite-plugin-lessons.ts): every
 * `lessons/NN-slug/` folder with its lesson.md and server.js. Adding a folder adds a lesson; a
 * broken one comes back with its problems so the list can show an error card while every
 * other lesson keeps working.
 *
 * The list needs only each lesson's title, summary and step ids; the rest of a lesson (prose,
 * steps, server.js) is a chunk of its own, fetched when the lesson is opened, so the first page
 * does not download every lesson there is.
 */
import entries from 'virtual:lessons'
import type { LessonEntry } from './lesson-summary'

export function discoverLessons(): LessonEntry[] {
  return entries
}
