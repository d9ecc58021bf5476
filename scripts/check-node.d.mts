/** The problem with a Node version (default: the running one), or undefined when it is new enough. */
export function nodeVersionProblem(version?: string): string | undefined
