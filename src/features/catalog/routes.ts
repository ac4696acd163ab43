import { pageUrl } from '../../shared/routes'

/** The product page's URL. */
export const productUrl = (id: string) => pageUrl('product', { id })
