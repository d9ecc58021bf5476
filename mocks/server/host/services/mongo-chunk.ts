/**
 * The lazy MongoDB chunk: the simulated server (mingo evaluates its queries and updates) and the
 * sources of what a server evaluates in its realm — our simulated `mongodb` driver and the
 * real, unmodified connect-mongo with the two small modules it requires besides. Only a server
 * that requires `mongodb` or `connect-mongo` loads it (mongo.ts imports it dynamically).
 */
import mongodbSource from '../../realm/stand-ins/mongodb.cjs?raw'
import assertSource from '../../realm/stand-ins/assert-strict.cjs?raw'
import krupteinSource from '../../realm/stand-ins/kruptein.cjs?raw'
import connectMongoSource from '../../../../node_modules/connect-mongo/dist/index.cjs?raw'
import type { LazyPackage } from '../../realm/realm-types'

export { MongoDatabaseServer } from './mongo-database'
export { affectedCount, describeMongoOperation, sessionsOf } from './mongo-shell'

// A source map comment would point the realm's stack traces at a file it cannot load.
const withoutSourceMap = (source: string) => source.replace(/\n\/\/# sourceMappingURL=.*$/m, '')

export const packages: Record<string, LazyPackage> = {
  mongodb: { source: mongodbSource, directory: '/app/node_modules/mongodb/lib', files: {} },
  'connect-mongo': {
    source: withoutSourceMap(connectMongoSource),
    directory: '/app/node_modules/connect-mongo/dist',
    files: {},
    requires: { 'node:assert/strict': '#assert/strict', kruptein: 'kruptein' },
  },
  '#assert/strict': { source: assertSource, directory: '/app/node_modules/#assert', files: {} },
  kruptein: { source: krupteinSource, directory: '/app/node_modules/kruptein', files: {} },
}
