declare module 'virtual:lessons' {
  const lessons: import('./parse-lesson').ParsedLesson[]
  export default lessons
}
