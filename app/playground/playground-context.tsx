import { createContext, useContext, type ReactNode } from 'react'
import type { Playground } from './playground'

const PlaygroundContext = createContext<Playground | null>(null)

export function PlaygroundProvider({
  playground,
  children,
}: {
  playground: Playground
  children: ReactNode
}) {
  return <PlaygroundContext.Provider value={playground}>{children}</PlaygroundContext.Provider>
}

/** The controller: panels call its methods to act; they read state through usePlaygroundState. */
export function usePlayground(): Playground {
  const playground = useContext(PlaygroundContext)
  if (!playground) throw new Error('usePlayground() is used outside <PlaygroundProvider>')
  return playground
}
