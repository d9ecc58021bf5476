/**
 * The lessons, as parsed when the site was built (see vite-plugin-lessons.ts): every
 * `lessons/NN-slug/` folder with its lesson.md and server.js. Adding a folder adds a lesson; a
 * broken one comes back with its problems so the list can show an error card while every
 * other lesson keeps working.
 */
import lessons from 'virtual:lessons'
import type { ParsedLesson } from './parse-lesson'

export function discoverLessons(): ParsedLesson[] {
  return lessons
}
