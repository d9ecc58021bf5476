/**
 * Postgres's own error for a table that is not there (`relation "session" does not exist`),
 * which is what connect-pg-simple meets without its table and without createTableIfMissing.
 */
import { finding, type Finding } from './render-explanation'

const MISSING_RELATION = /relation ("[^"]+"(?:\."[^"]+")?) does not exist/

export function missingTable(message: string | undefined): Finding[] {
  const match = message === undefined ? null : MISSING_RELATION.exec(message)
  return match ? [finding('store-table-missing', { table: match[1] ?? '' })] : []
}
