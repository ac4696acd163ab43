/** One field an action changed: what it was (absent when added) and what it became (absent when removed). */
export interface FieldChange {
  key: string
  before?: unknown
  after?: unknown
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * The keys whose value differs between an audit entry's before and after, in a stable order;
 * a before or after that is not an object is one change under the key ''.
 */
export function changedFields(before: unknown, after: unknown): FieldChange[] {
  if (before === undefined && after === undefined) return []
  if (!isRecord(before ?? {}) || !isRecord(after ?? {})) {
    return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ key: '', before, after }]
  }
  const from = (before ?? {}) as Record<string, unknown>
  const to = (after ?? {}) as Record<string, unknown>
  const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])]
  return keys
    .filter((key) => JSON.stringify(from[key]) !== JSON.stringify(to[key]))
    .map((key) => ({ key, before: from[key], after: to[key] }))
}
