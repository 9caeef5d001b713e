/**
 * Who may call the library over IPC. Kept free of `electron` imports so tests reach it.
 * Only the app's own top frame may call: never a sub-frame (the reader's article iframe), never
 * a page that navigated elsewhere.
 */
export interface SenderInfo {
  /** URL of the frame that sent the message. */
  frameUrl: string
  /** Whether that frame is the top frame of its window. */
  isTopFrame: boolean
}

export function isTrustedSender(sender: SenderInfo, appUrl: string): boolean {
  if (!sender.isTopFrame) return false
  let frame: URL
  let app: URL
  try {
    frame = new URL(sender.frameUrl)
    app = new URL(appUrl)
  } catch {
    return false
  }
  if (app.protocol === 'file:') return frame.protocol === 'file:' && frame.pathname === app.pathname
  return frame.origin === app.origin
}

/** Links the app may hand to the system browser; everything else is dropped. */
export function isExternalLink(url: string): boolean {
  try {
    const protocol = new URL(url).protocol
    return protocol === 'http:' || protocol === 'https:' || protocol === 'mailto:'
  } catch {
    return false
  }
}
