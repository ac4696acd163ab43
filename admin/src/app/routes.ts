/** The console's pages by path (below /admin). */
export type Section = 'dashboard' | 'orders' | 'afterSales' | 'catalog' | 'staff' | 'audit'

export type Route =
  | { name: 'login' }
  | { name: 'dashboard' }
  | { name: 'orders' }
  | { name: 'order'; id: string }
  | { name: 'afterSales'; id?: string }
  | { name: 'catalog' }
  | { name: 'staff' }
  | { name: 'audit' }
  | { name: 'notFound' }

export const SECTION_PATHS: Record<Section, string> = {
  dashboard: '/',
  orders: '/orders',
  afterSales: '/after-sales',
  catalog: '/catalog',
  staff: '/staff',
  audit: '/audit',
}

export const OWNER_ONLY_SECTIONS: readonly Section[] = ['staff', 'audit']

/** A path segment as text; undefined for a malformed escape (/orders/%E0), which names no page. */
function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment)
  } catch {
    return undefined
  }
}

export function matchRoute(path: string): Route {
  const segments = path.split('/').filter(Boolean)
  const parts = segments.map(decodeSegment).filter((part): part is string => part !== undefined)
  if (parts.length < segments.length) return { name: 'notFound' }
  const [first, second, ...rest] = parts
  if (rest.length > 0) return { name: 'notFound' }
  if (!first) return { name: 'dashboard' }
  if (first === 'login' && !second) return { name: 'login' }
  if (first === 'orders') return second ? { name: 'order', id: second } : { name: 'orders' }
  if (first === 'after-sales') return { name: 'afterSales', id: second }
  if (second) return { name: 'notFound' }
  if (first === 'catalog') return { name: 'catalog' }
  if (first === 'staff') return { name: 'staff' }
  if (first === 'audit') return { name: 'audit' }
  return { name: 'notFound' }
}

export function sectionOf(route: Route): Section | undefined {
  switch (route.name) {
    case 'dashboard':
      return 'dashboard'
    case 'orders':
    case 'order':
      return 'orders'
    case 'afterSales':
      return 'afterSales'
    case 'catalog':
    case 'staff':
    case 'audit':
      return route.name
    default:
      return undefined
  }
}
