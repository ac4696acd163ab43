/**
 * A tiny PNG encoder (8-bit RGBA, no interlace) on top of node's zlib. Good enough for generated
 * illustrations and icons; it picks the best of the standard row filters per row so flat images
 * compress well. `encodePng(width, height, rgba)` → Buffer with a complete .png file.
 */
import { deflateSync } from 'node:zlib'

const CRC_TABLE = (() => {
  const table = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    table[n] = c >>> 0
  }
  return table
})()

export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff
  for (let i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}

function chunk(type: string, data: Uint8Array): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(typeAndData))
  return Buffer.concat([length, typeAndData, crc])
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c
  const pa = Math.abs(p - a)
  const pb = Math.abs(p - b)
  const pc = Math.abs(p - c)
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c
}

/** Applies each PNG filter to a row and keeps the one with the smallest sum of absolute values. */
function filterRows(width: number, height: number, rgba: Uint8Array): Buffer {
  const stride = width * 4
  const out = Buffer.alloc((stride + 1) * height)
  const candidate = new Uint8Array(stride)
  const best = new Uint8Array(stride)
  for (let y = 0; y < height; y++) {
    const row = y * stride
    let bestScore = Infinity
    let bestFilter = 0
    for (let filter = 0; filter <= 4; filter++) {
      let score = 0
      for (let x = 0; x < stride; x++) {
        const raw = rgba[row + x]
        const left = x >= 4 ? rgba[row + x - 4] : 0
        const up = y > 0 ? rgba[row - stride + x] : 0
        const upLeft = y > 0 && x >= 4 ? rgba[row - stride + x - 4] : 0
        const predictor =
          filter === 0
            ? 0
            : filter === 1
              ? left
              : filter === 2
                ? up
                : filter === 3
                  ? (left + up) >> 1
                  : paeth(left, up, upLeft)
        const value = (raw - predictor) & 0xff
        candidate[x] = value
        score += value < 128 ? value : 256 - value
      }
      if (score < bestScore) {
        bestScore = score
        bestFilter = filter
        best.set(candidate)
      }
    }
    const offset = y * (stride + 1)
    out[offset] = bestFilter
    out.set(best, offset + 1)
  }
  return out
}

export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new Error(`encodePng: width and height must be positive integers (got ${width}×${height})`)
  }
  if (rgba.length !== width * height * 4) {
    throw new Error(`encodePng: expected ${width * height * 4} bytes of RGBA, got ${rgba.length}`)
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 8 // bit depth
  header[9] = 6 // colour type: RGBA
  header[10] = 0 // compression
  header[11] = 0 // filter method
  header[12] = 0 // no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(filterRows(width, height, rgba), { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ])
}
