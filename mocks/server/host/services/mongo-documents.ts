/**
 * Documents as the playground's MongoDB server keeps them: copies as BSON would make them, the
 * server's errors, and an update applied by mingo's updater with MongoDB's rules for `_id`.
 */
import { Query } from 'mingo/query'
import { Context } from 'mingo/core'
import * as queryOperators from 'mingo/operators/query'
import * as projectionOperators from 'mingo/operators/projection'
import { updateOne as mingoUpdateOne } from 'mingo/updater'

export type MongoDocument = Record<string, unknown>

/** A server-side error, as the driver's MongoServerError carries it. */
export interface MongoServerFailure {
  kind: 'server'
  message: string
  code: number
  codeName: string
  keyPattern?: Record<string, number>
  keyValue?: Record<string, unknown>
}

const context = Context.init({ query: queryOperators, projection: projectionOperators })
const queryOptions = { context, useStrictMode: true }

/** A filter compiled by mingo, with the query and projection operators. */
export const newQuery = (filter: MongoDocument): Query => new Query(filter, queryOptions)

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null)

/**
 * A copy as BSON would round-trip it: dates stay dates, functions are not stored, `undefined`
 * becomes null. Other class instances (the driver's ObjectId) are immutable and kept as they are.
 */
export function bsonCopy<T>(value: T): T {
  if (value === undefined) return null as T
  if (value instanceof Date) return new Date(value.getTime()) as T
  if (Array.isArray(value)) return value.map((item: unknown) => bsonCopy(item)) as T
  if (isPlainObject(value)) {
    const copy: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value))
      if (typeof item !== 'function' && typeof item !== 'symbol') copy[key] = bsonCopy(item)
    return copy as T
  }
  if (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { toJSON?: unknown }).toJSON === 'function' &&
    !('_bsontype' in value)
  )
    return bsonCopy((value as unknown as { toJSON(): T }).toJSON())
  return value
}

export function failure(
  message: string,
  code: number,
  codeName: string,
  extra: Partial<MongoServerFailure> = {},
): MongoServerFailure {
  return { kind: 'server', message, code, codeName, ...extra }
}

export const isFailure = (value: unknown): value is MongoServerFailure =>
  isPlainObject(value) && value.kind === 'server'

export const showValue = (value: unknown): string =>
  typeof value === 'string'
    ? `"${value}"`
    : value instanceof Date
      ? `new Date(${value.getTime()})`
      : String(value)

/**
 * One document after an update's operators (mingo's updater), or the server's error. `_id` may
 * be set to the value it already has (connect-mongo's `$set` carries it), never changed.
 */
export function applyModifier(
  document: MongoDocument,
  modifier: Record<string, MongoDocument | undefined>,
): MongoDocument | MongoServerFailure {
  const copy = bsonCopy(document)
  const operators: Record<string, MongoDocument> = {}
  for (const [operator, fields] of Object.entries(modifier))
    if (fields && Object.keys(fields).length > 0) operators[operator] = { ...fields }
  const set = operators.$set
  if (set && '_id' in set) {
    if (copy._id === undefined) copy._id = set._id
    else if (!sameValue(copy._id, set._id))
      return failure(
        "Performing an update on the path '_id' would modify the immutable field '_id'",
        66,
        'ImmutableField',
      )
    delete set._id
    if (Object.keys(set).length === 0) delete operators.$set
  }
  if (Object.keys(operators).length === 0) return copy
  const one = [copy]
  try {
    mingoUpdateOne(one, {}, operators as never, {}, queryOptions)
  } catch (error) {
    return failure(error instanceof Error ? error.message : String(error), 2, 'BadValue')
  }
  return one[0] as MongoDocument
}

export function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime()
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null)
    return JSON.stringify(a) === JSON.stringify(b)
  return a === b
}

/** mongod's TTL rule: a date (or an array's earliest date) plus expireAfterSeconds is past. */
export function ttlExpired(value: unknown, expireAfterSeconds: number, passAt: number): boolean {
  const dates = (Array.isArray(value) ? value : [value]).filter(
    (item): item is Date => item instanceof Date,
  )
  if (dates.length === 0) return false
  const earliest = Math.min(...dates.map((date) => date.getTime()))
  return earliest + expireAfterSeconds * 1000 < passAt
}

/** An upsert starts from the filter's equality conditions (`{ _id: 'x' }` → `_id: 'x'`). */
export function equalityFields(filter: MongoDocument): MongoDocument {
  const document: MongoDocument = {}
  for (const [field, condition] of Object.entries(bsonCopy(filter ?? {}))) {
    if (field.startsWith('$')) continue
    const isOperator =
      isPlainObject(condition) && Object.keys(condition).some((key) => key.startsWith('$'))
    if (isOperator) {
      const equal = (condition as { $eq?: unknown }).$eq
      if (equal !== undefined) document[field] = equal
    } else if (!field.includes('.')) document[field] = condition
  }
  return document
}

export function randomHexId(): string {
  let id = ''
  for (let i = 0; i < 24; i++) id += Math.floor(Math.random() * 16).toString(16)
  return id
}
