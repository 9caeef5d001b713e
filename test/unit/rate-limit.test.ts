import { describe, expect, it } from 'vitest'
import { createRateLimiter } from '../../src/main/server/rate-limit'

describe('the capture rate limit', () => {
  it('allows the limit within a window, then says how long to wait, per client', () => {
    let now = 0
    const limiter = createRateLimiter({ limit: 2, windowMs: 60_000 }, () => now)
    expect(limiter.take('a')).toBeNull()
    now = 10_000
    expect(limiter.take('a')).toBeNull()
    expect(limiter.take('a')).toBe(50)
    expect(limiter.take('b')).toBeNull()
    // The first call leaves the window after 60 s, freeing one place.
    now = 60_001
    expect(limiter.take('a')).toBeNull()
    expect(limiter.take('a')).toBe(10)
  })
})
