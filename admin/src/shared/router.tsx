/**
 * Path routing under the console's base (/admin/) with the History API: the server answers
 * index.html for every path below it, so deep links such as /admin/orders/<id> work on reload.
 * Paths here are the part after the base, starting with '/': '/orders/123?status=paid'.
 */
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react'

const BASE = import.meta.env.BASE_URL.replace(/\/$/, '')
const CHANGE_EVENT = 'console:navigate'

export interface Location {
  path: string
  query: URLSearchParams
}

function currentHref(): string {
  const { pathname, search } = window.location
  const path = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname
  return `${path || '/'}${search}`
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange)
  window.addEventListener(CHANGE_EVENT, onChange)
  return () => {
    window.removeEventListener('popstate', onChange)
    window.removeEventListener(CHANGE_EVENT, onChange)
  }
}

export function toHref(to: string): string {
  return `${BASE}${to}`
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const href = toHref(to)
  if (options.replace) window.history.replaceState(null, '', href)
  else window.history.pushState(null, '', href)
  window.dispatchEvent(new Event(CHANGE_EVENT))
}

/** The current path and query, re-rendering on every navigation. */
export function useLocation(): Location {
  const href = useSyncExternalStore(subscribe, currentHref)
  const [path, search = ''] = href.split('?')
  return { path, query: new URLSearchParams(search) }
}

/** The current href (path and query), e.g. to come back to after logging in. */
export function currentLocation(): string {
  return currentHref()
}

interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  to: string
}

/** An anchor that navigates in place (a modified click still opens a new tab). */
export function Link({ to, onClick, ...rest }: LinkProps) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event)
    if (event.defaultPrevented || event.button !== 0) return
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    event.preventDefault()
    navigate(to)
  }
  return <a href={toHref(to)} onClick={handleClick} {...rest} />
}
