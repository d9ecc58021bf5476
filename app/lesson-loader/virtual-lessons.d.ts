declare module 'virtual:lessons' {
  const lessons: import('./lesson-summary').LessonEntry[]
  export default lessons
}

declare module 'virtual:lesson/*' {
  const lesson: import('./parse-lesson').Lesson
  export default lesson
}
