/**
 * One problem in a lesson folder. Kept apart from the parser so that the app, which only shows
 * problems found when the site was built, does not bundle the YAML parser and the schema.
 */
export interface LessonProblem {
  file: string
  line: number
  /** For an error in server.js, which has a column as Node reports it (1-based). */
  column?: number
  /** What is wrong: a frontmatter field, or the error's name (`SyntaxError`) in server.js. */
  field: string
  message: string
}

/**
 * `lessons/NN-slug/lesson.md:LINE: field: message`, or `…/server.js:LINE:COL: SyntaxError: …`:
 * the forms editors and CI logs link.
 */
export function formatProblem(problem: LessonProblem): string {
  const column = problem.column === undefined ? '' : `:${problem.column}`
  return `${problem.file}:${problem.line}${column}: ${problem.field}: ${problem.message}`
}
