/**
 * A round axis for values from 0 to `max`, in `ticks` equal steps of a 1, 2 or 5 × 10ⁿ size
 * (integers), so two axes with the same `ticks` share their grid lines. No step is below `minStep`
 * (revenue in fen steps by whole yuan: an empty week reads ¥0–¥4, not ¥0.00–¥0.04).
 */
export function niceAxis(max: number, ticks = 4, minStep = 1): { top: number; step: number } {
  const rough = Math.max(minStep, max / ticks)
  const magnitude = 10 ** Math.floor(Math.log10(rough))
  const step =
    [1, 2, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= rough) ?? rough
  return { top: step * ticks, step }
}
