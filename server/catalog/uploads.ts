/**
 * Images the console uploads: the declared Content-Type must be one of PRODUCT_IMAGE_TYPES and
 * agree with what the first bytes say, and the file is stored under a name made from its content
 * (`u-<sha256 prefix>.<ext>`), so the same image uploaded twice is one file and a name never
 * points at different bytes.
 */
import { createHash, randomUUID } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { PRODUCT_IMAGE_TYPES } from '../../contract'
import { IMAGE_EXTENSIONS } from './images'

export type ProductImageType = (typeof PRODUCT_IMAGE_TYPES)[number]

/** Hex digits of the SHA-256 in an upload's name: 128 bits, far beyond any collision. */
const NAME_HASH_LENGTH = 32

/** The media type of `contentType` (parameters dropped, lower case) when it is an accepted one. */
export function acceptedImageType(contentType: string | undefined): ProductImageType | undefined {
  const mediaType = contentType?.split(';')[0].trim().toLowerCase()
  return PRODUCT_IMAGE_TYPES.find((type) => type === mediaType)
}

const startsWith = (bytes: Buffer, signature: number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((byte, index) => bytes[at + index] === byte)
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0))

/** What the first bytes (magic numbers) say the image is; undefined when none of ours. */
export function sniffImageType(bytes: Buffer): ProductImageType | undefined {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp'
  return undefined
}

export const uploadFileName = (bytes: Buffer, type: ProductImageType): string =>
  `u-${createHash('sha256').update(bytes).digest('hex').slice(0, NAME_HASH_LENGTH)}.${IMAGE_EXTENSIONS[type]}`

/**
 * Writes the image into `directory` (created if missing) under its content name, and returns the
 * name. Written to a temporary name first and renamed, so a reader never sees half a file.
 */
export async function storeUpload(directory: string, bytes: Buffer, type: ProductImageType): Promise<string> {
  const file = uploadFileName(bytes, type)
  await fs.mkdir(directory, { recursive: true })
  // Unique per call: two uploads of the same picture at once must not share a temporary file.
  const temporary = path.join(directory, `.${file}.${randomUUID()}.tmp`)
  try {
    await fs.writeFile(temporary, bytes)
    await fs.rename(temporary, path.join(directory, file))
  } catch (error) {
    await fs.rm(temporary, { force: true })
    throw error
  }
  return file
}
