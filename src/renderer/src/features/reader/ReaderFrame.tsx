import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'
import type { Preferences, ShownTheme } from './preferences'
import { preferenceCss } from './readerDocument'

interface ReaderFrameProps {
  title: string
  documentHtml: string
  lang: string | null
  preferences: Preferences
  theme: ShownTheme
  /** The saved progress to return to once the content has its height. */
  initialProgress: number
  /** Called (debounced) with the share of the article scrolled past, once the reader scrolls. */
  onProgress(progress: number): void
  /** The frame's document once loaded (null before), for drawing highlights into it. */
  onDocument?(document: Document | null): void
}

/** Progress is saved this long after scrolling stops, not on every frame. */
const saveDelayMs = 500
/** How long after opening the saved position is held while images load and grow the page. */
const restoreWindowMs = 1500

/**
 * The sandboxed article. It has no scripts, so the parent sizes it to its content and the
 * parent's container scrolls: that is how progress is measured and restored from outside.
 */
export function ReaderFrame({
  title,
  documentHtml,
  lang,
  preferences,
  theme,
  initialProgress,
  onProgress,
  onDocument
}: ReaderFrameProps): React.JSX.Element {
  const frame = useRef<HTMLIFrameElement>(null)
  const [height, setHeight] = useState(0)
  const [loaded, setLoaded] = useState(0)
  const restoring = useRef<number | null>(initialProgress)
  const onProgressRef = useRef(onProgress)
  useEffect(() => {
    onProgressRef.current = onProgress
  })

  const measure = useCallback(() => {
    const root = frame.current?.contentDocument?.documentElement
    if (!root) return
    setHeight(Math.ceil(root.getBoundingClientRect().height))
  }, [])

  useLayoutEffect(() => {
    const document = frame.current?.contentDocument
    const style = document?.getElementById('folio-preferences')
    if (!style) return
    style.textContent = preferenceCss(preferences, theme, lang)
    measure()
  }, [preferences, theme, lang, loaded, measure])

  useEffect(() => {
    const document = frame.current?.contentDocument ?? null
    onDocument?.(loaded ? document : null)
    if (!loaded || !document) return
    return forwardKeys(document)
  }, [loaded, onDocument])

  useEffect(() => {
    const root = frame.current?.contentDocument?.documentElement
    if (!loaded || !root) return
    return watchFrame(root, scrollerOf(frame.current), {
      measure,
      restoring,
      onProgress: (progress) => onProgressRef.current(progress)
    })
  }, [loaded, measure])

  useLayoutEffect(() => {
    const element = scrollerOf(frame.current)
    const target = restoring.current
    if (!element || target === null || height === 0 || target === 0) return
    element.scrollTop = target * (element.scrollHeight - element.clientHeight)
  }, [height])

  return (
    <iframe
      ref={frame}
      className="reader-frame"
      title={title}
      // No allow-scripts: the article can run nothing. allow-same-origin lets the parent (not the
      // article) read the content height; allow-popups lets links open outside the app.
      sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"
      srcDoc={documentHtml}
      style={{ height: height || '60vh', visibility: loaded ? 'visible' : 'hidden' }}
      onLoad={() => setLoaded((value) => value + 1)}
    />
  )
}

/**
 * Watches the loaded article: its size, its images that fail, and the reader's scrolling, whose
 * position is saved (debounced) once the saved position has been restored or the user moved.
 * Returns the cleanup, which saves a position not yet saved.
 */
function watchFrame(
  root: HTMLElement,
  element: HTMLElement | null,
  {
    measure,
    restoring,
    onProgress
  }: {
    measure(): void
    restoring: React.RefObject<number | null>
    onProgress(progress: number): void
  }
): () => void {
  const observer = new ResizeObserver(measure)
  observer.observe(root)
  hideMissingImages(root)
  const failed = (event: Event): void => {
    // The frame is another realm: `instanceof HTMLElement` would be false there.
    const target = event.target as HTMLElement | null
    if (target?.tagName === 'IMG') target.dataset.missing = ''
  }
  root.addEventListener('error', failed, true)
  const timer = setTimeout(() => (restoring.current = null), restoreWindowMs)
  const stop = (): void => {
    restoring.current = null
  }
  const inputs = ['wheel', 'pointerdown', 'keydown', 'touchstart'] as const
  // Input over the article lands in the frame's document, not the parent's scroller.
  const targets = [element, root.ownerDocument]
  for (const name of inputs) {
    for (const target of targets) target?.addEventListener(name, stop, { passive: true })
  }
  let saveTimer: ReturnType<typeof setTimeout> | undefined
  let unsaved: number | null = null
  const save = (): void => {
    if (unsaved !== null) onProgress(unsaved)
    unsaved = null
  }
  const scrolled = (): void => {
    if (restoring.current !== null || !element) return
    unsaved = progressOf(element)
    clearTimeout(saveTimer)
    saveTimer = setTimeout(save, saveDelayMs)
  }
  element?.addEventListener('scroll', scrolled, { passive: true })
  return () => {
    observer.disconnect()
    root.removeEventListener('error', failed, true)
    clearTimeout(timer)
    clearTimeout(saveTimer)
    // Opening another article within the delay must not lose where this one was left.
    save()
    for (const name of inputs) {
      for (const target of targets) target?.removeEventListener(name, stop)
    }
    element?.removeEventListener('scroll', scrolled)
  }
}

/**
 * Keys pressed while the article has the focus (after selecting in it) are the window's
 * shortcuts too: the frame runs no script, so they are passed on to the window from outside.
 */
function forwardKeys(document: Document): () => void {
  const forward = (event: KeyboardEvent): void => {
    const copy = new KeyboardEvent('keydown', {
      key: event.key,
      code: event.code,
      ctrlKey: event.ctrlKey,
      shiftKey: event.shiftKey,
      altKey: event.altKey,
      metaKey: event.metaKey,
      cancelable: true
    })
    window.dispatchEvent(copy)
    if (copy.defaultPrevented) event.preventDefault()
  }
  document.addEventListener('keydown', forward)
  return () => document.removeEventListener('keydown', forward)
}

/**
 * Images the capture could not store point nowhere the CSP allows; the browser would show their
 * alt text in a broken frame, so they are hidden instead (`img[data-missing]` in the frame CSS).
 */
function hideMissingImages(root: HTMLElement): void {
  for (const image of root.querySelectorAll('img')) {
    if (image.complete && image.naturalWidth === 0) image.dataset.missing = ''
  }
}

/** The parent's scrolling element: the frame is as tall as its content inside it. */
function scrollerOf(frame: HTMLIFrameElement | null): HTMLElement | null {
  return frame?.closest<HTMLElement>('[data-reader-scroll]') ?? null
}

/** The share of the scrolling element's range scrolled past, 0 to 1. */
export function progressOf(element: HTMLElement): number {
  const range = element.scrollHeight - element.clientHeight
  return range > 0 ? Math.min(1, Math.max(0, element.scrollTop / range)) : 1
}
