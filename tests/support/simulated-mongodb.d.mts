import type { MongoDatabaseServer } from '../../mocks/server/host/services/mongo-database'

export interface SimulatedMongo {
  server: MongoDatabaseServer
  driver: Record<string, unknown>
  connectMongo(): unknown
  entries(store: unknown): Record<string, unknown>
}

export function simulatedMongo(options?: { now?: () => number; file?: string }): SimulatedMongo
