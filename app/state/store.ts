/**
 * The app's single zustand store. For now one slice: the simulated server's event log.
 * (The playground issue composes more slices here; this stays the only file importing zustand.)
 */
import { create } from 'zustand'
import type { EngineEvent } from '../../mocks/server/runtime/engine'

const MAX_EVENTS = 2000

interface ServerLogSlice {
  events: EngineEvent[]
  serverStatus: 'starting' | 'running' | 'failed' | 'crashed'
  appendEvents: (events: EngineEvent[]) => void
  setServerStatus: (status: ServerLogSlice['serverStatus']) => void
}

export const usePlaygroundStore = create<ServerLogSlice>()((set) => ({
  events: [],
  serverStatus: 'starting',
  appendEvents: (incoming) =>
    set((state) => ({ events: [...state.events, ...incoming].slice(-MAX_EVENTS) })),
  setServerStatus: (serverStatus) => set({ serverStatus }),
}))
