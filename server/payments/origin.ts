import type { FastifyRequest } from 'fastify'
import type { ServerConfig } from '../config'

/**
 * This server's public origin: PUBLIC_URL, or in development the origin the client used (the Host
 * header, as for image URLs; production requires PUBLIC_URL).
 */
export function publicOrigin(request: FastifyRequest, config: ServerConfig): string {
  return config.publicUrl ?? `${request.protocol}://${request.host}`
}

/** Where Alipay posts notifies (see notify.ts). */
export const notifyUrlFor = (request: FastifyRequest, config: ServerConfig) =>
  `${publicOrigin(request, config)}/api/alipay/notify`
