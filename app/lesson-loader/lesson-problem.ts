/**
 * One problem in a lesson folder. Kept apart from the parser so that the app, which only shows
 * problems found when the site was built, does not bundle the YAML parser and the schema.
 */
export interface LessonProblem {
  file: string
  line: number
  field: string
  message: string
}

/** `lessons/NN-slug/lesson.md:LINE: field: message`, the form editors and CI logs link. */
export function formatProblem(problem: LessonProblem): string {
  return `${problem.file}:${problem.line}: ${problem.field}: ${problem.message}`
}
