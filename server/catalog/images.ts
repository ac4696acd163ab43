/**
 * Serves product images at `GET /images/:file`: the samples in server/catalog/images (in git,
 * read-only) first, then the console's uploads in DATA_DIR/images (uploads.ts). File names must
 * match a strict pattern (so no path can escape either directory); anything else is a 404.
 * Samples are small and few, so they are cached in memory after the first read; uploads are read
 * from disk each time (there may be many, up to PRODUCT_IMAGE_MAX_BYTES each).
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsync } from 'fastify'
import { ApiErrorBody, IMAGE_FILE_NAME_PATTERN, type PRODUCT_IMAGE_TYPES } from '../../contract'
import { notFound } from '../http/errors'
import { IMAGES_PATH } from '../http/public-urls'

export const IMAGES_DIR = path.join(__dirname, 'images')
/** Where the console's uploads live: inside DATA_DIR, so they survive restarts and stay out of git. */
export const uploadsDirOf = (dataDir: string): string => path.join(dataDir, 'images')

/** Each image type's file extension. */
export const IMAGE_EXTENSIONS = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
} as const satisfies Record<(typeof PRODUCT_IMAGE_TYPES)[number], string>
const TYPE_BY_EXTENSION = new Map<string, string>(
  Object.entries(IMAGE_EXTENSIONS).map(([type, ext]) => [ext, type]),
)

/** contract/limits.ts IMAGE_FILE_NAME_PATTERN: no path can escape the image directories. */
export const IMAGE_FILE_PATTERN = new RegExp(IMAGE_FILE_NAME_PATTERN)
// Images are regenerated rarely; 30 days with an ETag lets clients revalidate cheaply after that.
const CACHE_CONTROL = 'public, max-age=2592000'

interface LoadedImage {
  bytes: Buffer
  etag: string
}

async function readIfPresent(file: string): Promise<Buffer | undefined> {
  try {
    return await fs.readFile(file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

/** Whether `file` is a valid image name present in one of `directories`. */
export async function imageExists(file: string, directories: string[]): Promise<boolean> {
  if (!IMAGE_FILE_PATTERN.test(file)) return false
  for (const directory of directories) {
    const stat = await fs.stat(path.join(directory, file)).catch(() => undefined)
    if (stat?.isFile()) return true
  }
  return false
}

export const imageRoutes: FastifyPluginAsync<{ directory?: string; uploadsDirectory?: string }> = async (
  app,
  options,
) => {
  const directory = options.directory ?? IMAGES_DIR
  const cache = new Map<string, LoadedImage>()
  const loaded = (bytes: Buffer) => ({
    bytes,
    etag: `"${createHash('sha1').update(bytes).digest('base64url')}"`,
  })

  async function load(file: string): Promise<LoadedImage | undefined> {
    const cached = cache.get(file)
    if (cached) return cached
    const sample = await readIfPresent(path.join(directory, file))
    if (sample) {
      const image = loaded(sample)
      cache.set(file, image)
      return image
    }
    const upload =
      options.uploadsDirectory && (await readIfPresent(path.join(options.uploadsDirectory, file)))
    return upload ? loaded(upload) : undefined
  }

  app.get(
    `${IMAGES_PATH}/:file`,
    {
      schema: {
        tags: ['images'],
        summary: 'A product image (PNG, JPEG or WebP)',
        params: Type.Object({ file: Type.String({ description: 'File name, e.g. mug-ceramic.png' }) }),
        response: { 304: Type.Null({ description: 'Not modified (ETag matched)' }), 404: ApiErrorBody },
      },
    },
    async (request, reply) => {
      const { file } = request.params as { file: string }
      const image = IMAGE_FILE_PATTERN.test(file) ? await load(file) : undefined
      if (!image) throw notFound(`No image named ${JSON.stringify(file.slice(0, 80))}.`)
      reply
        .header('content-type', TYPE_BY_EXTENSION.get(path.extname(file).slice(1)))
        .header('cache-control', CACHE_CONTROL)
        .header('etag', image.etag)
        // Uploads are checked by their first bytes only: browsers must not guess another type.
        .header('x-content-type-options', 'nosniff')
      if (request.headers['if-none-match'] === image.etag) return reply.status(304).send()
      return reply.send(image.bytes)
    },
  )
}
