import { useEffect, useState } from 'react'

/** Milliseconds left until `deadline` (ISO), ticking each second; 0 once passed. */
export function useCountdown(deadline: string | undefined): number {
  const target = deadline ? Date.parse(deadline) : Number.NaN
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!Number.isFinite(target)) return undefined
    const timer = setInterval(() => {
      const current = Date.now()
      setNow(current)
      if (current >= target) clearInterval(timer)
    }, 1000)
    return () => clearInterval(timer)
  }, [target])
  return Number.isFinite(target) ? Math.max(0, target - now) : 0
}

/** 754_000 → "12:34"; hours when needed: "1:02:03". */
export function formatDuration(ms: number): string {
  const total = Math.ceil(ms / 1000)
  const hours = Math.floor(total / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  const seconds = total % 60
  const pad = (n: number) => String(n).padStart(2, '0')
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${pad(minutes)}:${pad(seconds)}`
}
