import { describe, expect, it } from 'vitest'
import { defaultSize, restoreBounds } from '../../src/main/electron/window-bounds'

const laptop = { x: 0, y: 0, width: 1440, height: 900 }
const external = { x: 1440, y: 0, width: 2560, height: 1440 }

describe('where the window reopens', () => {
  it('reopens where it was when that place is still on a display', () => {
    const bounds = { x: 1600, y: 100, width: 1400, height: 900 }
    expect(restoreBounds({ bounds, maximized: false }, [laptop, external])).toEqual(bounds)
  })

  it('starts at the default size when the saved place was on a monitor that is gone', () => {
    const bounds = { x: 1600, y: 100, width: 1400, height: 900 }
    expect(restoreBounds({ bounds, maximized: false }, [laptop])).toEqual(defaultSize)
  })

  it('pulls a window hanging over the edge back onto its display and shrinks it to fit', () => {
    const restored = restoreBounds({ bounds: { x: -200, y: 50, width: 1600, height: 800 } }, [
      laptop
    ])
    expect(restored).toEqual({ x: 0, y: 50, width: 1440, height: 800 })
  })

  it('ignores a missing, damaged or tiny saved state', () => {
    expect(restoreBounds(null, [laptop])).toEqual(defaultSize)
    expect(restoreBounds({ bounds: { x: 'a' } }, [laptop])).toEqual(defaultSize)
    expect(restoreBounds({ bounds: { x: 0, y: 0, width: 50, height: 50 } }, [laptop])).toEqual(
      defaultSize
    )
  })
})
