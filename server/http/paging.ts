/** A page of a list, as every paged route answers it (contract/common.ts's Paged). */
export const toPage = <T>(
  items: T[],
  total: number,
  { page, pageSize }: { page: number; pageSize: number },
) => ({
  items,
  page,
  pageSize,
  total,
  hasMore: page * pageSize < total,
})
