/** The product page's URL. Alipay rejects URLs ending in a bare `?`, so the query is always filled. */
export const productUrl = (id: string) => `/pages/product/index?id=${encodeURIComponent(id)}`
