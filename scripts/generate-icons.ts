/**
 * Draws the tab-bar icons and the logo in the shop's colours (src/shop.config.ts) and writes
 * them to src/assets/. Run `npm run icons` after changing the colours, or replace the PNGs
 * with your own artwork (tab icons: 81×81, logo: square).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { shopConfig } from '../src/shop.config'
import { encodePng } from './png'

type Shape = (x: number, y: number) => boolean
type Rgb = [number, number, number]

const hex = (value: string): Rgb => {
  const n = parseInt(value.replace('#', ''), 16)
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255]
}

/** Renders shapes given in a unit square [0,1]², 4×4 supersampled for smooth edges. */
function render(size: number, layers: { shape: Shape; color: Rgb }[]): Buffer {
  const rgba = new Uint8Array(size * size * 4)
  const samples = 4
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size
          const y = (py + (sy + 0.5) / samples) / size
          const layer = [...layers].reverse().find((candidate) => candidate.shape(x, y))
          if (layer) {
            r += layer.color[0]
            g += layer.color[1]
            b += layer.color[2]
            a += 255
          }
        }
      }
      const hits = a / 255
      const offset = (py * size + px) * 4
      if (hits > 0) {
        rgba[offset] = Math.round(r / hits)
        rgba[offset + 1] = Math.round(g / hits)
        rgba[offset + 2] = Math.round(b / hits)
        rgba[offset + 3] = Math.round(a / (samples * samples))
      }
    }
  }
  return encodePng(size, size, rgba)
}

const circle =
  (cx: number, cy: number, r: number): Shape =>
  (x, y) =>
    (x - cx) ** 2 + (y - cy) ** 2 <= r * r
const rect =
  (x0: number, y0: number, x1: number, y1: number): Shape =>
  (x, y) =>
    x >= x0 && x <= x1 && y >= y0 && y <= y1
const ring =
  (cx: number, cy: number, r: number, width: number): Shape =>
  (x, y) => {
    const d = Math.hypot(x - cx, y - cy)
    return d <= r && d >= r - width
  }
const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    shapes.some((shape) => shape(x, y))
const minus =
  (shape: Shape, hole: Shape): Shape =>
  (x, y) =>
    shape(x, y) && !hole(x, y)

const roof: Shape = (x, y) => y >= 0.14 && y <= 0.5 && Math.abs(x - 0.5) <= (y - 0.14) * 1.15
const home = union(minus(union(roof, rect(0.24, 0.46, 0.76, 0.86)), rect(0.43, 0.62, 0.57, 0.86)))
const basket: Shape = (x, y) =>
  y >= 0.3 && y <= 0.66 && x >= 0.22 + (y - 0.3) * 0.25 && x <= 0.86 - (y - 0.3) * 0.25
const cart = union(
  basket,
  rect(0.08, 0.2, 0.24, 0.27),
  rect(0.17, 0.2, 0.24, 0.4),
  circle(0.36, 0.8, 0.07),
  circle(0.72, 0.8, 0.07),
)
const shoulders: Shape = (x, y) =>
  y >= 0.6 && ((x - 0.5) / 0.34) ** 2 + ((y - 0.9) / 0.32) ** 2 <= 1 && y <= 0.88
const me = union(circle(0.5, 0.34, 0.18), shoulders)

const { colors } = shopConfig
const outDir = path.resolve(__dirname, '..', 'src', 'assets')
mkdirSync(outDir, { recursive: true })

const icons: Record<string, Shape> = { home, cart, me }
for (const [name, shape] of Object.entries(icons)) {
  writeFileSync(path.join(outDir, `tab-${name}.png`), render(81, [{ shape, color: hex(colors.textMuted) }]))
  writeFileSync(
    path.join(outDir, `tab-${name}-active.png`),
    render(81, [{ shape, color: hex(colors.primary) }]),
  )
}

const roundedSquare: Shape = (x, y) => {
  const r = 0.22
  const dx = Math.max(Math.abs(x - 0.5) - (0.5 - r), 0)
  const dy = Math.max(Math.abs(y - 0.5) - (0.5 - r), 0)
  return dx * dx + dy * dy <= r * r
}
const leaf: Shape = (x, y) => ((x - 0.6) / 0.12) ** 2 + ((y - 0.2) / 0.06) ** 2 <= 1
writeFileSync(
  path.join(outDir, 'logo.png'),
  render(160, [
    { shape: roundedSquare, color: hex(colors.primary) },
    { shape: circle(0.5, 0.56, 0.27), color: hex('#ffd666') },
    { shape: ring(0.5, 0.56, 0.27, 0.03), color: hex('#faad14') },
    { shape: leaf, color: hex('#95de64') },
  ]),
)
console.log(`Icons and logo written to ${path.relative(process.cwd(), outDir)}/`)
