/**
 * A sliding-window limit per client: at most `limit` calls in any `windowMs`. Browser captures
 * come one page at a time from a person clicking; 60 a minute is far above that and far below
 * what a runaway script or a stolen bookmarklet key could pour into a library.
 */
export interface RateLimit {
  limit: number
  windowMs: number
}

export const defaultCaptureRateLimit: RateLimit = { limit: 60, windowMs: 60_000 }

export interface RateLimiter {
  /** Counts a call; null when allowed, else the seconds until the client may call again. */
  take(client: string): number | null
}

export function createRateLimiter(
  { limit, windowMs }: RateLimit,
  now: () => number = Date.now
): RateLimiter {
  const callsByClient = new Map<string, number[]>()
  return {
    take(client) {
      const time = now()
      const recent = (callsByClient.get(client) ?? []).filter((at) => at > time - windowMs)
      if (recent.length >= limit) {
        callsByClient.set(client, recent)
        return Math.max(1, Math.ceil((recent[0] + windowMs - time) / 1000))
      }
      recent.push(time)
      callsByClient.set(client, recent)
      return null
    }
  }
}
