/**
 * Serves the product images in server/catalog/images at `GET /images/:file`. File names must
 * match a strict pattern (so no path can escape the directory); anything else is a 404.
 * Files are small and few, so they are cached in memory after the first read.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsync } from 'fastify'
import { ApiErrorBody } from '../../contract'
import { notFound } from '../http/errors'
import { IMAGES_PATH } from '../http/public-urls'

export const IMAGES_DIR = path.join(__dirname, 'images')
/** The one rule for image file names: the route serves only these, and the seed may use only these. */
export const IMAGE_FILE_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}\.png$/
// Images are regenerated rarely; 30 days with an ETag lets clients revalidate cheaply after that.
const CACHE_CONTROL = 'public, max-age=2592000'

interface CachedImage {
  bytes: Buffer
  etag: string
}

export const imageRoutes: FastifyPluginAsync<{ directory?: string }> = async (app, options) => {
  const directory = options.directory ?? IMAGES_DIR
  const cache = new Map<string, CachedImage>()

  async function load(file: string): Promise<CachedImage | undefined> {
    const cached = cache.get(file)
    if (cached) return cached
    try {
      const bytes = await fs.readFile(path.join(directory, file))
      const image = { bytes, etag: `"${createHash('sha1').update(bytes).digest('base64url')}"` }
      cache.set(file, image)
      return image
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
      throw error
    }
  }

  app.get(
    `${IMAGES_PATH}/:file`,
    {
      schema: {
        tags: ['images'],
        summary: 'A product image (PNG)',
        params: Type.Object({ file: Type.String({ description: 'File name, e.g. mug-ceramic.png' }) }),
        response: { 304: Type.Null({ description: 'Not modified (ETag matched)' }), 404: ApiErrorBody },
      },
    },
    async (request, reply) => {
      const { file } = request.params as { file: string }
      const image = IMAGE_FILE_PATTERN.test(file) ? await load(file) : undefined
      if (!image) throw notFound(`No image named ${JSON.stringify(file.slice(0, 80))}.`)
      reply
        .header('content-type', 'image/png')
        .header('cache-control', CACHE_CONTROL)
        .header('etag', image.etag)
      if (request.headers['if-none-match'] === image.etag) return reply.status(304).send()
      return reply.send(image.bytes)
    },
  )
}
