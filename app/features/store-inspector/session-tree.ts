/**
 * Session data as the lines of an expandable tree, flattened so a fixed-height row can show
 * them (and so the row's height is known before it renders: lines × line height).
 */

export type TreeValueKind =
  'object' | 'array' | 'string' | 'number' | 'boolean' | 'null' | 'undefined' | 'other'

export interface TreeLine {
  /** Keys from the root, `/`-joined and URI-encoded: `cookie/expires`. */
  path: string
  depth: number
  key: string
  kind: TreeValueKind
  /** A leaf's value as JSON; a container's size: `{4 keys}`, `[2 items]`. */
  text: string
  expandable: boolean
  expanded: boolean
}

export interface TreeOptions {
  /** Paths whose open/closed state the learner flipped from the default. */
  toggled: ReadonlySet<string>
  /** Containers shallower than this start open. */
  openDepth: number
  /** Children shown per container before a "… n more" line. */
  maxChildren: number
}

const DEFAULTS: TreeOptions = { toggled: new Set(), openDepth: 2, maxChildren: 100 }

export function kindOf(value: unknown): TreeValueKind {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  switch (typeof value) {
    case 'object':
      return 'object'
    case 'string':
      return 'string'
    case 'number':
      return 'number'
    case 'boolean':
      return 'boolean'
    case 'undefined':
      return 'undefined'
    default:
      return 'other'
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

function leafText(value: unknown, kind: TreeValueKind): string {
  if (kind === 'undefined') return 'undefined'
  if (kind === 'other') return String(value)
  return JSON.stringify(value)
}

function entriesOf(value: object): Array<[string, unknown]> {
  return Array.isArray(value)
    ? value.map((item, index) => [String(index), item])
    : Object.entries(value)
}

/** Whether a container at `path` is open: the default for its depth, unless toggled. */
export function isOpen(path: string, depth: number, options: TreeOptions): boolean {
  return depth < options.openDepth !== options.toggled.has(path)
}

/** The visible lines of `data`'s top-level keys and, under open containers, their children. */
export function flattenSessionTree(data: unknown, options: Partial<TreeOptions> = {}): TreeLine[] {
  const settings = { ...DEFAULTS, ...options }
  const lines: TreeLine[] = []
  const visit = (value: unknown, key: string, parentPath: string, depth: number) => {
    const path = parentPath ? `${parentPath}/${encodeURIComponent(key)}` : encodeURIComponent(key)
    const kind = kindOf(value)
    if ((kind === 'object' || kind === 'array') && value !== null && typeof value === 'object') {
      const children = entriesOf(value)
      const expandable = children.length > 0
      const expanded = expandable && isOpen(path, depth, settings)
      const text =
        kind === 'array'
          ? `[${plural(children.length, 'item')}]`
          : `{${plural(children.length, 'key')}}`
      lines.push({ path, depth, key, kind, text, expandable, expanded })
      if (expanded) addChildren(children, path, depth + 1)
      return
    }
    lines.push({
      path,
      depth,
      key,
      kind,
      text: leafText(value, kind),
      expandable: false,
      expanded: false,
    })
  }
  const addChildren = (children: Array<[string, unknown]>, path: string, depth: number) => {
    children
      .slice(0, settings.maxChildren)
      .forEach(([key, child]) => visit(child, key, path, depth))
    const hidden = children.length - settings.maxChildren
    if (hidden > 0)
      lines.push({
        path: `${path}/…`,
        depth,
        key: '…',
        kind: 'other',
        text: `${hidden} more`,
        expandable: false,
        expanded: false,
      })
  }
  const kind = kindOf(data)
  if ((kind === 'object' || kind === 'array') && data !== null && typeof data === 'object')
    addChildren(entriesOf(data), '', 0)
  else
    lines.push({
      path: '',
      depth: 0,
      key: '(value)',
      kind,
      text: leafText(data, kind),
      expandable: false,
      expanded: false,
    })
  return lines
}

/** A one-line taste of what the session holds besides its cookie: `user: "alice"`. */
export function previewSessionData(data: unknown, maxLength = 60): string {
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return leafText(data, kindOf(data))
  const entries = Object.entries(data).filter(([key]) => key !== 'cookie')
  if (entries.length === 0) return 'nothing but its cookie'
  const text = entries
    .map(([key, value]) => {
      const kind = kindOf(value)
      const shown =
        kind === 'object' || kind === 'array'
          ? kind === 'array'
            ? '[…]'
            : '{…}'
          : leafText(value, kind)
      return `${key}: ${shown}`
    })
    .join(', ')
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text
}
