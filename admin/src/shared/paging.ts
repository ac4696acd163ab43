/** The parts of a page answer that say where it sits in the list. */
interface PagePosition {
  page: number
  pageSize: number
  total: number
  items: readonly unknown[]
}

/**
 * The page to show instead of an empty page past the first (its last rows were shipped, approved
 * or filtered away by an action, or the address names a page beyond the end): the list's last page.
 * Undefined when this page is the one to show.
 */
export function pageInsteadOfEmpty({ page, pageSize, total, items }: PagePosition): number | undefined {
  if (items.length > 0 || page <= 1) return undefined
  return Math.max(1, Math.ceil(total / pageSize))
}
