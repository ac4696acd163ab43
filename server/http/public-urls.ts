/**
 * Absolute URLs the API hands out (images, the web-view checkout, Alipay's notify URL), all built
 * on this server's public origin.
 */
import type { FastifyRequest } from 'fastify'
import type { ServerConfig } from '../config'

/** Where product images are served (server/catalog/images.ts). */
export const IMAGES_PATH = '/images'

/** Turns an image file name into the absolute URL clients load it from. */
export type ImageUrl = (file: string) => string

/**
 * PUBLIC_URL, or in development the origin the client used (the Host header, which any client can
 * set: production requires PUBLIC_URL, see config.ts).
 */
export function publicOrigin(request: FastifyRequest, config: ServerConfig): string {
  return config.publicUrl ?? `${request.protocol}://${request.host}`
}

export function imageUrlFor(request: FastifyRequest, config: ServerConfig): ImageUrl {
  const base = `${publicOrigin(request, config)}${IMAGES_PATH}`
  return (file) => `${base}/${encodeURIComponent(file)}`
}
