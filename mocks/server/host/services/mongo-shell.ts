/**
 * A MongoDB operation as the mongo shell would spell it, for the store inspector's log of what a
 * store sent: `sessions.updateOne({ _id: "abc" }, { $set: { … } }, { upsert: true })`.
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
