/**
 * mime-db's table in a compact text form. mime-types (behind `res.type`, `res.json`,
 * `req.is`, `req.accepts` and `send`) reads only three fields of mime-db — `extensions`,
 * `charset` and `source` — of the types that have extensions or a charset; the JSON file holds
 * 2,500 types with more fields and is the largest single part of the worker (150 KB minified).
 *
 * vite.realm.config.ts encodes the installed mime-db/db.json when it bundles the realm, so the
 * data is always the real package's; the realm decodes it once into the object mime-types
 * expects, same entries in the same order (the order decides extension conflicts).
 *
 * The text has one line per type, `subtype source charset extension…` with `-` for a missing
 * field, under a `type/` line that names the major type of the lines below it.
 */

export interface MimeEntry {
  source?: string
  charset?: string
  extensions?: string[]
}

const NONE = '-'

/** The entries mime-types can observe, with only the fields it reads. */
export function readableEntries(db: Record<string, MimeEntry>): Record<string, MimeEntry> {
  const kept: Record<string, MimeEntry> = {}
  for (const [type, entry] of Object.entries(db)) {
    if (!entry.extensions?.length && !entry.charset) continue
    const projected: MimeEntry = {}
    if (entry.source !== undefined) projected.source = entry.source
    if (entry.charset !== undefined) projected.charset = entry.charset
    if (entry.extensions?.length) projected.extensions = entry.extensions
    kept[type] = projected
  }
  return kept
}

function token(value: string | undefined, what: string): string {
  if (value === undefined) return NONE
  if (value === NONE || value === '' || /[\s/]/.test(value)) {
    throw new Error(`mime-db: cannot encode ${what} ${JSON.stringify(value)}`)
  }
  return value
}

export function encodeMimeDb(db: Record<string, MimeEntry>): string {
  const lines: string[] = []
  let major: string | undefined
  for (const [type, entry] of Object.entries(readableEntries(db))) {
    const slash = type.indexOf('/')
    const typeMajor = type.slice(0, slash)
    if (typeMajor !== major) {
      major = typeMajor
      lines.push(`${token(typeMajor, 'type')}/`)
    }
    const fields = [
      token(type.slice(slash + 1), 'subtype'),
      token(entry.source, 'source'),
      token(entry.charset, 'charset'),
      ...(entry.extensions ?? []).map((extension) => token(extension, 'extension')),
    ]
    lines.push(fields.join(' '))
  }
  return lines.join('\n')
}

export function decodeMimeDb(text: string): Record<string, MimeEntry> {
  // A plain object, as JSON gives: mime-types looks types up with `db[name]`.
  const db: Record<string, MimeEntry> = {}
  let major = ''
  for (const line of text.split('\n')) {
    if (line.endsWith('/')) {
      major = line
      continue
    }
    const [subtype = '', source = NONE, charset = NONE, ...extensions] = line.split(' ')
    const entry: MimeEntry = {}
    if (source !== NONE) entry.source = source
    if (charset !== NONE) entry.charset = charset
    if (extensions.length) entry.extensions = extensions
    db[major + subtype] = entry
  }
  return db
}
