/**
 * A round axis for values from 0 to `max`, in `ticks` equal steps of a 1, 2 or 5 × 10ⁿ size
 * (integers), so two axes with the same `ticks` share their grid lines.
 */
export function niceAxis(max: number, ticks = 4): { top: number; step: number } {
  const rough = Math.max(1, max / ticks)
  const magnitude = 10 ** Math.floor(Math.log10(rough))
  const step =
    [1, 2, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= rough) ?? rough
  return { top: step * ticks, step }
}
