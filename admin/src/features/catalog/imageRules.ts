import { PRODUCT_IMAGE_MAX_BYTES, PRODUCT_IMAGE_TYPES } from '@contract/limits'

export const IMAGE_MAX_LABEL = `${PRODUCT_IMAGE_MAX_BYTES / (1024 * 1024)} MB`

/** Checked before sending, as the server checks again: 'type', 'size', or undefined when fine. */
export function imageProblem(file: { type: string; size: number }): 'type' | 'size' | undefined {
  if (!(PRODUCT_IMAGE_TYPES as readonly string[]).includes(file.type)) return 'type'
  if (file.size > PRODUCT_IMAGE_MAX_BYTES) return 'size'
  return undefined
}
