/**
 * Draws the catalog's product images as flat illustrations and writes them to
 * server/catalog/images/<productId>.png (400×400): a soft background per category, a light
 * halo, a shadow and a simple silhouette per product made of anti-aliased shapes.
 * Run: `npx tsx scripts/generate-images.ts` (deterministic; commit the PNGs).
 */
import fs from 'node:fs'
import path from 'node:path'
import { encodePng } from './png'

const SIZE = 400
type Rgb = [number, number, number]
/** Signed distance in pixels: negative inside the shape, positive outside. */
type Shape = (x: number, y: number) => number

// ---- shapes -------------------------------------------------------------------------------
const circle =
  (cx: number, cy: number, r: number): Shape =>
  (x, y) =>
    Math.hypot(x - cx, y - cy) - r
const ellipse =
  (cx: number, cy: number, rx: number, ry: number): Shape =>
  (x, y) =>
    (Math.hypot((x - cx) / rx, (y - cy) / ry) - 1) * Math.min(rx, ry)
const box =
  (cx: number, cy: number, w: number, h: number, r = 0): Shape =>
  (x, y) => {
    const qx = Math.abs(x - cx) - w / 2 + r
    const qy = Math.abs(y - cy) - h / 2 + r
    return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r
  }
const line =
  (x1: number, y1: number, x2: number, y2: number, width: number): Shape =>
  (x, y) => {
    const dx = x2 - x1
    const dy = y2 - y1
    const t = Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)))
    return Math.hypot(x - x1 - t * dx, y - y1 - t * dy) - width / 2
  }
const polygon =
  (points: Array<[number, number]>): Shape =>
  (x, y) => {
    let d = Infinity
    let inside = false
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      const [xi, yi] = points[i]
      const [xj, yj] = points[j]
      d = Math.min(d, line(xi, yi, xj, yj, 0)(x, y))
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside
    }
    return inside ? -d : d
  }
const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    Math.min(...shapes.map((s) => s(x, y)))
const minus =
  (a: Shape, b: Shape): Shape =>
  (x, y) =>
    Math.max(a(x, y), -b(x, y))
const ring =
  (cx: number, cy: number, r: number, width: number): Shape =>
  (x, y) =>
    Math.abs(Math.hypot(x - cx, y - cy) - r) - width / 2
const clipAbove =
  (s: Shape, yLimit: number): Shape =>
  (x, y) =>
    Math.max(s(x, y), y - yLimit)
const clipBelow =
  (s: Shape, yLimit: number): Shape =>
  (x, y) =>
    Math.max(s(x, y), yLimit - y)
const rotate = (s: Shape, cx: number, cy: number, degrees: number): Shape => {
  const a = (-degrees * Math.PI) / 180
  return (x, y) =>
    s(
      cx + (x - cx) * Math.cos(a) - (y - cy) * Math.sin(a),
      cy + (x - cx) * Math.sin(a) + (y - cy) * Math.cos(a),
    )
}

// ---- canvas -------------------------------------------------------------------------------
class Canvas {
  readonly rgba = new Uint8Array(SIZE * SIZE * 4)
  constructor(background: Rgb) {
    for (let i = 0; i < SIZE * SIZE; i++) this.rgba.set([...background, 255], i * 4)
  }
  /** Anti-aliased fill: coverage falls off over one pixel around the shape's edge. */
  fill(shape: Shape, color: Rgb, opacity = 1): void {
    for (let y = 0; y < SIZE; y++) {
      for (let x = 0; x < SIZE; x++) {
        const coverage = Math.max(0, Math.min(1, 0.5 - shape(x + 0.5, y + 0.5))) * opacity
        if (coverage === 0) continue
        const i = (y * SIZE + x) * 4
        for (let c = 0; c < 3; c++)
          this.rgba[i + c] = Math.round(this.rgba[i + c] * (1 - coverage) + color[c] * coverage)
      }
    }
  }
}

const hex = (value: string): Rgb => [1, 3, 5].map((i) => parseInt(value.slice(i, i + 2), 16)) as Rgb
const mix = (a: Rgb, b: Rgb, t: number): Rgb => a.map((v, i) => Math.round(v + (b[i] - v) * t)) as Rgb
const WHITE: Rgb = [255, 255, 255]
const INK = hex('#3d3a4b')

const CATEGORY_BACKGROUNDS: Record<string, Rgb> = {
  apparel: hex('#f6e3d8'),
  home: hex('#e3efe4'),
  kitchen: hex('#fbeecb'),
  stationery: hex('#e1e8f6'),
  electronics: hex('#e9e4f4'),
  snacks: hex('#f7e0e3'),
}
const PALETTE = ['#e07a5f', '#3d85c6', '#81b29a', '#f2cc8f', '#9b72cf', '#e56b9f', '#4a9d9c', '#f4a259'].map(
  hex,
)

// ---- product drawings (main colour `m`, accent `a`) ----------------------------------------
type Draw = (c: Canvas, m: Rgb, a: Rgb) => void
const sleeveL: Array<[number, number]> = [
  [150, 120],
  [95, 160],
  [120, 200],
  [155, 175],
]
const mirror = (points: Array<[number, number]>) => points.map(([x, y]) => [400 - x, y] as [number, number])
const tshirt = (longSleeves: boolean): Shape => {
  const sleeve = longSleeves
    ? ([
        [150, 120],
        [100, 170],
        [110, 270],
        [140, 270],
        [155, 180],
      ] as Array<[number, number]>)
    : sleeveL
  return minus(
    union(box(200, 210, 120, 180, 14), polygon(sleeve), polygon(mirror(sleeve))),
    circle(200, 112, 24),
  )
}

const DRAWINGS: Record<string, Draw> = {
  'tshirt-classic': (c, m, a) => {
    c.fill(tshirt(false), m)
    c.fill(box(230, 175, 26, 22, 4), a)
  },
  'hoodie-fleece': (c, m, a) => {
    c.fill(circle(200, 118, 42), mix(m, INK, 0.25))
    c.fill(tshirt(true), m)
    c.fill(box(200, 250, 70, 40, 10), mix(m, INK, 0.15))
    c.fill(union(line(188, 125, 185, 175, 4), line(212, 125, 215, 175, 4)), a)
  },
  'cap-canvas': (c, m, a) => {
    c.fill(ellipse(250, 232, 95, 22), mix(m, INK, 0.2))
    c.fill(clipAbove(circle(190, 230, 90), 230), m)
    c.fill(circle(190, 140, 10), a)
    c.fill(line(190, 145, 190, 228, 4), mix(m, INK, 0.15))
  },
  'socks-rib': (c, m, a) => {
    for (const [dx, color] of [
      [-40, mix(m, WHITE, 0.3)],
      [30, m],
    ] as Array<[number, Rgb]>) {
      const sock = union(box(190 + dx, 180, 60, 160, 18), box(215 + dx, 250, 110, 56, 28))
      c.fill(sock, color)
      c.fill(union(box(190 + dx, 112, 60, 10), box(190 + dx, 130, 60, 10)), a)
    }
  },
  'scarf-wool': (c, m, a) => {
    const scarf = rotate(box(200, 200, 70, 280, 12), 200, 200, -30)
    c.fill(scarf, m)
    for (const offset of [-60, 0, 60]) c.fill(rotate(box(200, 200 + offset, 70, 12), 200, 200, -30), a)
  },
  'tote-canvas': (c, m, a) => {
    c.fill(ring(200, 165, 50, 12), mix(m, INK, 0.3))
    c.fill(
      polygon([
        [120, 170],
        [280, 170],
        [300, 320],
        [100, 320],
      ]),
      m,
    )
    c.fill(circle(200, 245, 28), a)
  },
  'lamp-desk': (c, m, a) => {
    c.fill(ellipse(200, 320, 60, 14), mix(m, INK, 0.3))
    c.fill(line(200, 318, 200, 180, 10), mix(m, INK, 0.3))
    c.fill(
      polygon([
        [150, 190],
        [250, 190],
        [225, 100],
        [175, 100],
      ]),
      m,
    )
    c.fill(ellipse(200, 192, 30, 8), a)
  },
  'pillow-linen': (c, m, a) => {
    c.fill(rotate(box(200, 205, 210, 180, 50), 200, 205, -8), m)
    c.fill(circle(200, 205, 12), a)
  },
  'plant-pot': (c, m, a) => {
    c.fill(
      union(ellipse(170, 150, 26, 60), ellipse(230, 150, 26, 60), ellipse(200, 130, 24, 70)),
      hex('#5f9e6e'),
    )
    c.fill(
      polygon([
        [130, 200],
        [270, 200],
        [250, 320],
        [150, 320],
      ]),
      m,
    )
    c.fill(box(200, 205, 160, 24, 6), a)
  },
  'candle-soy': (c, m, a) => {
    c.fill(box(200, 250, 130, 140, 16), m)
    c.fill(box(200, 250, 90, 50, 6), mix(a, WHITE, 0.5))
    c.fill(line(200, 180, 200, 165, 4), INK)
    c.fill(
      union(
        circle(200, 150, 12),
        polygon([
          [189, 146],
          [211, 146],
          [200, 118],
        ]),
      ),
      hex('#f4a259'),
    )
  },
  'clock-wall': (c, m, a) => {
    c.fill(circle(200, 200, 115), m)
    c.fill(circle(200, 200, 95), WHITE)
    c.fill(union(line(200, 200, 200, 130, 8), line(200, 200, 250, 220, 8)), INK)
    c.fill(circle(200, 200, 9), a)
  },
  'vase-glass': (c, m, a) => {
    c.fill(union(ellipse(200, 250, 80, 80), box(200, 150, 56, 110, 10)), m, 0.85)
    c.fill(box(200, 100, 70, 14, 6), mix(m, INK, 0.2))
    c.fill(ellipse(170, 240, 10, 30), a)
  },
  'mug-ceramic': (c, m, a) => {
    c.fill(ring(270, 225, 38, 16), mix(m, INK, 0.15))
    c.fill(box(195, 225, 150, 170, 22), m)
    c.fill(union(line(170, 100, 175, 125, 8), line(210, 95, 215, 125, 8)), a)
  },
  'teapot-clay': (c, m, a) => {
    c.fill(
      polygon([
        [120, 250],
        [70, 175],
        [85, 170],
        [150, 230],
      ]),
      mix(m, INK, 0.2),
    )
    c.fill(ring(280, 235, 40, 14), mix(m, INK, 0.2))
    c.fill(ellipse(200, 245, 95, 75), m)
    c.fill(clipAbove(ellipse(200, 178, 50, 28), 178), a)
    c.fill(circle(200, 146, 10), a)
  },
  'bowl-set': (c, m, a) => {
    const bowl = (cy: number, r: number): Shape => clipBelow(circle(200, cy, r), cy)
    c.fill(bowl(150, 110), mix(m, INK, 0.2))
    c.fill(bowl(185, 100), m)
    c.fill(bowl(220, 90), mix(m, WHITE, 0.25))
    c.fill(box(200, 222, 180, 6, 3), a)
  },
  'bottle-steel': (c, m, a) => {
    c.fill(box(200, 235, 100, 200, 30), m)
    c.fill(box(200, 120, 70, 40, 10), mix(m, INK, 0.35))
    c.fill(box(200, 240, 100, 16), a)
  },
  'pan-iron': (c, m, a) => {
    c.fill(line(270, 250, 350, 310, 22), mix(m, INK, 0.3))
    c.fill(circle(190, 200, 110), INK)
    c.fill(circle(190, 200, 92), mix(INK, m, 0.3))
    c.fill(union(circle(175, 190, 28), circle(215, 215, 16)), a)
  },
  'board-bamboo': (c, m, a) => {
    c.fill(minus(box(200, 210, 170, 220, 26), circle(200, 125, 12)), mix(m, hex('#c89b5d'), 0.6))
    for (const x of [150, 200, 250]) c.fill(line(x, 150, x, 300, 3), a, 0.5)
  },
  'notebook-dot': (c, m, a) => {
    c.fill(box(205, 200, 170, 230, 12), m)
    c.fill(box(127, 200, 14, 230), mix(m, INK, 0.25))
    c.fill(box(265, 200, 10, 230), a)
  },
  'pencil-set': (c, m, a) => {
    PALETTE.slice(0, 5).forEach((color, i) => {
      const x = 130 + i * 35
      c.fill(box(x, 220, 26, 170, 3), i === 2 ? m : color)
      c.fill(
        polygon([
          [x - 13, 135],
          [x + 13, 135],
          [x, 100],
        ]),
        hex('#f2d2a9'),
      )
      c.fill(
        polygon([
          [x - 4, 111],
          [x + 4, 111],
          [x, 100],
        ]),
        INK,
      )
      c.fill(box(x, 300, 26, 12), a)
    })
  },
  'pen-fountain': (c, m, a) => {
    const pen = union(
      box(200, 210, 36, 220, 16),
      polygon([
        [184, 100],
        [216, 100],
        [200, 60],
      ]),
    )
    c.fill(rotate(pen, 200, 200, 35), m)
    c.fill(rotate(box(212, 250, 6, 70, 3), 200, 200, 35), a)
    c.fill(rotate(box(200, 140, 36, 10), 200, 200, 35), a)
  },
  'planner-weekly': (c, m, a) => {
    c.fill(box(200, 210, 200, 220, 14), m)
    c.fill(box(200, 225, 170, 160, 6), WHITE)
    for (const y of [175, 210, 245, 280]) c.fill(line(130, y, 270, y, 3), a, 0.6)
    for (const x of [140, 180, 220, 260]) c.fill(ring(x, 100, 10, 5), INK)
  },
  'envelope-kraft': (c, m, a) => {
    c.fill(box(200, 210, 240, 160, 10), mix(m, hex('#d9b382'), 0.7))
    c.fill(union(line(85, 135, 200, 220, 6), line(315, 135, 200, 220, 6)), mix(m, INK, 0.3))
    c.fill(circle(200, 220, 16), a)
  },
  'ruler-brass': (c, m, a) => {
    const angle = -20
    c.fill(rotate(box(200, 200, 300, 60, 6), 200, 200, angle), mix(m, hex('#d4a73b'), 0.7))
    for (let i = 0; i < 13; i++) {
      const x = 70 + i * 21.5
      c.fill(rotate(line(x, 172, x, i % 2 ? 185 : 195, 3), 200, 200, angle), a)
    }
  },
  'headphones-wireless': (c, m, a) => {
    c.fill(clipAbove(ring(200, 210, 95, 18), 215), mix(m, INK, 0.2))
    c.fill(union(box(115, 240, 50, 90, 22), box(285, 240, 50, 90, 22)), m)
    c.fill(union(box(133, 240, 14, 60, 6), box(267, 240, 14, 60, 6)), a)
  },
  'speaker-mini': (c, m, a) => {
    c.fill(box(200, 215, 150, 190, 30), m)
    c.fill(circle(200, 245, 45), mix(m, INK, 0.4))
    c.fill(circle(200, 245, 16), a)
    c.fill(circle(200, 160, 18), mix(m, INK, 0.4))
  },
  'watch-smart': (c, m, a) => {
    c.fill(box(200, 200, 70, 300, 20), mix(m, INK, 0.25))
    c.fill(box(200, 200, 130, 150, 34), m)
    c.fill(box(200, 200, 105, 125, 24), INK)
    c.fill(union(line(200, 200, 200, 165, 6), line(200, 200, 225, 212, 6)), a)
  },
  'powerbank-10k': (c, m, a) => {
    c.fill(box(200, 210, 120, 220, 22), m)
    for (const y of [140, 160, 180]) c.fill(circle(200, y, 6), y === 180 ? WHITE : a)
    c.fill(box(200, 105, 40, 10, 3), INK)
  },
  'keyboard-compact': (c, m, a) => {
    c.fill(box(200, 210, 300, 140, 18), m)
    for (let row = 0; row < 4; row++) {
      for (let col = 0; col < 9; col++)
        c.fill(box(80 + col * 30, 165 + row * 30, 22, 22, 5), mix(m, WHITE, 0.6))
    }
    c.fill(box(200, 165 + 3 * 30, 112, 22, 5), a)
  },
  'phone-stand': (c, m, a) => {
    c.fill(
      polygon([
        [130, 310],
        [270, 310],
        [250, 290],
        [200, 180],
        [180, 190],
        [215, 290],
        [150, 290],
      ]),
      mix(m, hex('#b8bec7'), 0.6),
    )
    c.fill(rotate(box(200, 190, 110, 200, 18), 200, 190, -14), INK)
    c.fill(rotate(box(200, 190, 94, 180, 12), 200, 190, -14), a)
  },
  'tea-oolong': (c, m, a) => {
    c.fill(box(200, 225, 140, 190, 14), m)
    c.fill(box(200, 128, 150, 30, 8), mix(m, INK, 0.3))
    c.fill(circle(200, 230, 42), mix(a, WHITE, 0.4))
    c.fill(ellipse(200, 230, 16, 26), hex('#5f9e6e'))
  },
  'cookies-butter': (c, m, a) => {
    c.fill(circle(200, 210, 120), m)
    c.fill(circle(200, 210, 104), mix(m, WHITE, 0.5))
    for (const [x, y] of [
      [160, 180],
      [240, 180],
      [200, 250],
    ]) {
      c.fill(circle(x, y, 38), hex('#e8b66b'))
      c.fill(union(circle(x - 10, y - 8, 5), circle(x + 12, y + 4, 5), circle(x - 2, y + 14, 5)), a)
    }
  },
  'honey-jar': (c, m, a) => {
    c.fill(box(200, 235, 150, 170, 40), hex('#f2b134'))
    c.fill(box(200, 135, 130, 34, 8), m)
    c.fill(box(200, 245, 100, 60, 10), mix(a, WHITE, 0.6))
    c.fill(union(line(180, 152, 180, 175, 10), circle(180, 180, 8)), hex('#f2b134'))
  },
  'coffee-beans': (c, m, a) => {
    c.fill(
      polygon([
        [130, 110],
        [270, 110],
        [285, 320],
        [115, 320],
      ]),
      m,
    )
    c.fill(box(200, 110, 140, 16, 4), mix(m, INK, 0.3))
    c.fill(rotate(ellipse(200, 230, 30, 42), 200, 230, 25), hex('#6b4226'))
    c.fill(rotate(line(200, 195, 200, 265, 4), 200, 230, 25), a)
  },
  'mooncake-box': (c, m, a) => {
    c.fill(box(200, 210, 250, 200, 16), m)
    c.fill(box(200, 210, 250, 20), a)
    const petals = Array.from({ length: 8 }, (_, i) =>
      circle(200 + 52 * Math.cos((i * Math.PI) / 4), 210 + 52 * Math.sin((i * Math.PI) / 4), 22),
    )
    c.fill(union(circle(200, 210, 58), ...petals), hex('#e0a458'))
    c.fill(circle(200, 210, 30), hex('#c98b3c'))
  },
  'chocolate-dark': (c, m, a) => {
    const angle = -15
    c.fill(rotate(box(200, 210, 180, 250, 8), 200, 210, angle), hex('#5a3a29'))
    for (const x of [170, 230]) c.fill(rotate(line(x, 90, x, 330, 4), 200, 210, angle), hex('#3f2619'))
    for (const y of [150, 210, 270]) c.fill(rotate(line(115, y, 285, y, 4), 200, 210, angle), hex('#3f2619'))
    c.fill(rotate(box(200, 290, 190, 110, 6), 200, 210, angle), m)
    c.fill(rotate(box(200, 290, 190, 14), 200, 210, angle), a)
  },
}

interface SeedFile {
  products: Array<{ id: string; categoryId: string; images: string[] }>
}

function drawProduct(productId: string, categoryId: string, index: number): Buffer {
  const background = CATEGORY_BACKGROUNDS[categoryId] ?? hex('#eeeeee')
  const canvas = new Canvas(background)
  canvas.fill(circle(200, 200, 150), mix(background, WHITE, 0.45))
  canvas.fill(ellipse(200, 340, 120, 16), mix(background, INK, 0.12))
  const draw = DRAWINGS[productId]
  const primary = PALETTE[index % PALETTE.length]
  const accent = PALETTE[(index + 3) % PALETTE.length]
  if (draw) draw(canvas, primary, accent)
  else canvas.fill(box(200, 210, 180, 180, 36), primary) // a product added without a drawing yet
  return encodePng(SIZE, SIZE, canvas.rgba)
}

function main(): void {
  const root = path.join(__dirname, '..', 'server', 'catalog')
  const seed = JSON.parse(fs.readFileSync(path.join(root, 'seed-data.json'), 'utf8')) as SeedFile
  const outDir = path.join(root, 'images')
  fs.mkdirSync(outDir, { recursive: true })
  let largest = 0
  seed.products.forEach((product, index) => {
    for (const file of product.images) {
      const png = drawProduct(product.id, product.categoryId, index)
      fs.writeFileSync(path.join(outDir, file), png)
      largest = Math.max(largest, png.length)
    }
  })
  console.log(
    `Wrote ${seed.products.length} product images to ${path.relative(process.cwd(), outDir)} (largest ${(largest / 1024).toFixed(1)} KB)`,
  )
}

main()
