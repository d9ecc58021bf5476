/**
 * Our `util`: the browser port (util@0.12) for inherits, promisify, types and the rest, with
 * Node's own inspect and format (node-inspect-extracted is Node's lib/internal/util/inspect.js),
 * so `util.inspect`, `util.format('%o')` and console output print exactly as on Node.
 */
import baseUtil from 'util/util.js'
import {
  format,
  formatWithOptions,
  inspect,
  stripVTControlCharacters,
} from 'node-inspect-extracted'

const util: Record<string, unknown> = {
  ...(baseUtil as Record<string, unknown>),
  inspect,
  format,
  formatWithOptions,
  stripVTControlCharacters,
}

export default util
export { util as 'module.exports' }
