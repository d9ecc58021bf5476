/**
 * What the store inspector shows of the playground's MongoDB: each operation a store sent, as the
 * mongo shell would spell it (`sessions.updateOne({ _id: "abc" }, { $set: … }, { upsert: true })`),
 * and connect-mongo's documents. In the lazy chunk, so servers without MongoDB load none of it.
 */
const MAX_STRING = 60

function shell(value: unknown): string {
  if (value instanceof Date) return `ISODate("${value.toISOString()}")`
  if (typeof value === 'string')
    return JSON.stringify(value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value)
  if (Array.isArray(value)) return `[${value.map(shell).join(', ')}]`
  if (typeof value === 'object' && value !== null) {
    const hex = (value as { toHexString?: () => string }).toHexString
    if (typeof hex === 'function') return `ObjectId("${hex.call(value)}")`
    const fields = Object.entries(value).map(([key, item]) => `${key}: ${shell(item)}`)
    return fields.length === 0 ? '{}' : `{ ${fields.join(', ')} }`
  }
  return String(value)
}

export function describeMongoOperation(collection: string, operation: { op: string }): string {
  const { op, ...rest } = operation as { op: string } & Record<string, unknown>
  const call = (name: string, ...args: unknown[]) =>
    `${collection}.${name}(${args
      .filter((arg) => arg !== undefined)
      .map(shell)
      .join(', ')})`
  switch (op) {
    case 'find': {
      const { filter, limit, sort, skip } = rest
      if (limit === 1 && sort === undefined && skip === undefined) return call('findOne', filter)
      let text = call('find', filter)
      if (sort !== undefined) text += `.sort(${shell(sort)})`
      if (skip !== undefined) text += `.skip(${shell(skip)})`
      if (limit !== undefined) text += `.limit(${shell(limit)})`
      return text
    }
    case 'updateOne':
    case 'updateMany':
      return call(op, rest.filter, rest.update, rest.upsert ? { upsert: true } : undefined)
    case 'replaceOne':
      return call(op, rest.filter, rest.replacement, rest.upsert ? { upsert: true } : undefined)
    case 'insertOne':
      return call(op, rest.document)
    case 'insertMany':
      return call(op, rest.documents)
    case 'createIndex': {
      const options = rest.options as Record<string, unknown> | undefined
      return call(op, rest.key, options && Object.keys(options).length > 0 ? options : undefined)
    }
    case 'listIndexes':
      return call('getIndexes')
    case 'drop':
      return call('drop')
    default:
      return call(op, rest.filter)
  }
}

/** How many documents an operation's result says it found, changed or removed. */
export function affectedCount(result: unknown): number | null {
  if (Array.isArray(result)) return result.length
  if (typeof result === 'number') return result
  const counts = result as { deletedCount?: number; matchedCount?: number; upsertedCount?: number }
  if (typeof counts?.deletedCount === 'number') return counts.deletedCount
  if (typeof counts?.matchedCount === 'number')
    return counts.matchedCount + (counts.upsertedCount ?? 0)
  return null
}

const asText = (value: unknown): string =>
  value instanceof Date
    ? value.toISOString()
    : typeof value === 'string'
      ? value
      : (JSON.stringify(value) ?? String(value))

/** connect-mongo's documents: `session` (JSON text, or a document with stringify: false) and the rest. */
export function sessionsOf(
  documents: readonly Record<string, unknown>[],
): { id: string; text: string; fields: Record<string, string> }[] {
  return documents.map(({ _id, session, ...rest }) => {
    const fields: Record<string, string> = {}
    for (const [name, value] of Object.entries(rest)) fields[name] = asText(value)
    return { id: String(_id), text: asText(session), fields }
  })
}
