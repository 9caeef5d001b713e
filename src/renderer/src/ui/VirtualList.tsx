import { useEffect, useLayoutEffect, useRef, useState } from 'react'

interface VirtualListProps {
  count: number
  /** Every row has this height in CSS pixels; fixed heights keep 100,000 rows cheap to place. */
  rowHeight: number
  /** Rows rendered beyond each edge of the viewport, so a fast scroll does not show blanks. */
  overscan?: number
  /** Kept in view whenever it changes (the keyboard cursor). */
  activeIndex: number
  /** A new value scrolls back to the top (a new view or sort). */
  resetKey: string
  label: string
  onRangeChange(start: number, end: number): void
  renderRow(index: number): React.ReactNode
}

/** Set once per page load: `bench/ui.ts` reads it as the time to first rows. */
let firstRowsMarked = false

/**
 * A windowed list: only the rows in and near the viewport exist in the DOM, absolutely placed
 * inside a spacer as tall as all rows. Written here rather than added as a dependency: fixed row
 * heights make it ~100 lines.
 */
export function VirtualList({
  count,
  rowHeight,
  overscan = 6,
  activeIndex,
  resetKey,
  label,
  onRangeChange,
  renderRow
}: VirtualListProps): React.JSX.Element {
  const scroller = useRef<HTMLDivElement>(null)
  const [scrollTop, setScrollTop] = useState(0)
  const height = useClientHeight(scroller)
  const [shownKey, setShownKey] = useState(resetKey)

  if (shownKey !== resetKey) {
    setShownKey(resetKey)
    setScrollTop(0)
  }

  useLayoutEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0
  }, [resetKey])

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan)
  const last = Math.min(count, Math.ceil((scrollTop + height) / rowHeight) + overscan)

  useEffect(() => {
    onRangeChange(first, last)
  }, [first, last, onRangeChange])

  useEffect(() => {
    if (count === 0 || firstRowsMarked) return
    firstRowsMarked = true
    performance.mark('folio:first-rows')
  }, [count])

  useLayoutEffect(
    () => keepInView(scroller.current, activeIndex, rowHeight),
    [activeIndex, rowHeight]
  )

  const rows: React.ReactNode[] = []
  for (let index = first; index < last; index++) {
    rows.push(
      <li
        key={index}
        className="virtual-row"
        style={{ transform: `translateY(${index * rowHeight}px)`, height: rowHeight }}
        aria-setsize={count}
        aria-posinset={index + 1}
      >
        {renderRow(index)}
      </li>
    )
  }

  return (
    <div
      ref={scroller}
      className="virtual-scroller"
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
    >
      <ul className="virtual-spacer" aria-label={label} style={{ height: count * rowHeight }}>
        {rows}
      </ul>
    </div>
  )
}

/** The element's height, followed as the window resizes. */
function useClientHeight(scroller: React.RefObject<HTMLElement | null>): number {
  const [height, setHeight] = useState(800)
  useLayoutEffect(() => {
    const element = scroller.current
    if (!element) return
    const observer = new ResizeObserver(() => setHeight(element.clientHeight))
    observer.observe(element)
    return () => observer.disconnect()
  }, [scroller])
  return height
}

/** Scrolls just enough to show the row at `index`. */
function keepInView(element: HTMLElement | null, index: number, rowHeight: number): void {
  if (!element || index < 0) return
  const top = index * rowHeight
  if (top < element.scrollTop) element.scrollTop = top
  else if (top + rowHeight > element.scrollTop + element.clientHeight) {
    element.scrollTop = top + rowHeight - element.clientHeight
  }
}
