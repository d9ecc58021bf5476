/**
 * A lesson's number is the NN of its folder, and the list shows lessons by it: two folders with
 * one number (`14-a/`, `14-b/`) would show two "14." entries in an order nobody chose. Every
 * folder that shares its number is reported, naming the others, so the author picks which moves.
 */
import type { LessonProblem } from './lesson-problem.ts'
import type { ParsedLesson } from './parse-lesson.ts'

const folderOf = (parsed: ParsedLesson) => (parsed.ok ? parsed.lesson.id : parsed.id)
const numberOf = (folder: string) => /^(\d+)-/.exec(folder)?.[1]

export function rejectSharedNumbers(lessons: ParsedLesson[], shownAs: string): ParsedLesson[] {
  const byNumber = new Map<string, string[]>()
  for (const folder of lessons.map(folderOf)) {
    const number = numberOf(folder)
    if (number !== undefined) byNumber.set(number, [...(byNumber.get(number) ?? []), folder])
  }
  return lessons.map((parsed) => {
    const folder = folderOf(parsed)
    const number = numberOf(folder)
    const others = (number === undefined ? [] : (byNumber.get(number) ?? [])).filter(
      (other) => other !== folder,
    )
    if (others.length === 0) return parsed
    const problem: LessonProblem = {
      file: `${shownAs}/${folder}`,
      line: 1,
      field: 'folder',
      message: `lesson number ${number} is also used by ${others.join(', ')}; give each lesson its own number`,
    }
    return { ok: false, id: folder, problems: [problem, ...(parsed.ok ? [] : parsed.problems)] }
  })
}
