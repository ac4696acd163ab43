/**
 * Absolute URLs the API hands out (images, the web-view checkout, Alipay's notify URL), all built
 * on this server's public origin. The origin comes from configuration only, never from a request
 * header: a client that sets Host must not choose where Alipay posts notifies, nor what goes into
 * an image URL.
 */
import os from 'node:os'
import type { ServerConfig } from '../config'

/** Where product images are served (server/catalog/images.ts). */
export const IMAGES_PATH = '/images'

/** Turns an image file name into the absolute URL clients load it from. */
export type ImageUrl = (file: string) => string

/** Whether HOST listens on every address (so the LAN, not only this machine, reaches the server). */
export const listensOnEveryAddress = (host: string): boolean => ['0.0.0.0', '::', ''].includes(host)

/** Where this server reaches itself: loopback unless it listens on one specific address. */
export function ownOrigin(host: string, port: number): string {
  const address = listensOnEveryAddress(host) || host === 'localhost' ? '127.0.0.1' : host
  return `http://${address.includes(':') ? `[${address}]` : address}:${port}`
}

/**
 * PUBLIC_URL (required in production, see config.ts), else in development the address this
 * server listens on: http://127.0.0.1:PORT, or http://HOST:PORT for one specific HOST (e.g. the LAN
 * address phones use).
 */
export function publicOrigin(config: Pick<ServerConfig, 'publicUrl' | 'host' | 'port'>): string {
  return config.publicUrl ?? ownOrigin(config.host, config.port)
}

/**
 * The public origin as browsers send it in `Origin` and match it in a CSP: scheme, host and a
 * non-default port only (PUBLIC_URL may carry a path, `:443` or capitals).
 */
export const browserOrigin = (config: Pick<ServerConfig, 'publicUrl' | 'host' | 'port'>): string =>
  new URL(publicOrigin(config)).origin

export function imageUrlFor(config: Pick<ServerConfig, 'publicUrl' | 'host' | 'port'>): ImageUrl {
  const base = `${publicOrigin(config)}${IMAGES_PATH}`
  return (file) => `${base}/${encodeURIComponent(file)}`
}

/** This machine's first LAN (non-internal IPv4) address, for advice; undefined without one. */
function lanAddress(): string | undefined {
  const addresses = Object.values(os.networkInterfaces()).flat()
  return addresses.find((entry) => entry && entry.family === 'IPv4' && !entry.internal)?.address
}

/**
 * What start-up warns about when HOST opens the server beyond this machine: the in-process
 * simulator (anyone on the network can pay any order), and URLs that still name 127.0.0.1.
 */
export function openNetworkWarnings(
  config: Pick<ServerConfig, 'publicUrl' | 'host' | 'port'>,
  simulatorMounted: boolean,
): string[] {
  if (!listensOnEveryAddress(config.host)) return []
  const warnings: string[] = []
  if (simulatorMounted) {
    warnings.push(
      `HOST=${config.host} opens the Alipay simulator to the network: anyone who reaches this port can log in as any buyer and pay any order. Use a trusted network, or unset HOST.`,
    )
  }
  if (!config.publicUrl) {
    warnings.push(
      `PUBLIC_URL is unset, so image, checkout and notify URLs name ${ownOrigin(config.host, config.port)}, which phones cannot reach. Set PUBLIC_URL=http://${lanAddress() ?? '<this machine’s LAN address>'}:${config.port}.`,
    )
  }
  return warnings
}
