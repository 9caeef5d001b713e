// Save to Folio: the extension's background script (a service worker in Chromium, an event
// page in Firefox). The toolbar pop-up, the context menu and the tests all save through
// `saveTab`, which reads the tab's rendered DOM and sends it to Folio's `capture.saveHtml`.
'use strict'

const defaultPort = 8765
const menuId = 'folio-save-page'
/** How long the ✓ or ! stays on the toolbar button. */
const badgeMilliseconds = 4000

chrome.runtime.onInstalled.addListener(() => {
  chrome.contextMenus.create({
    id: menuId,
    title: 'Save to Folio',
    contexts: ['page', 'selection', 'frame', 'image']
  })
})

chrome.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId === menuId && tab?.id !== undefined) void saveTab(tab.id, [])
})

// The pop-up asks for a save with the tags typed in it.
chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (sender.id !== chrome.runtime.id || message?.type !== 'folio-save') return false
  saveTab(message.tabId, message.tags ?? []).then(sendResponse)
  return true
})

/** The port and token pasted in the options page. */
async function connection() {
  const { port, token } = await chrome.storage.local.get(['port', 'token'])
  return { port: Number(port) || defaultPort, token: typeof token === 'string' ? token : '' }
}

/** The page as the browser shows it now: after scripts, sign-in and cookie walls. */
async function renderedPage(tabId) {
  const [injection] = await chrome.scripting.executeScript({
    target: { tabId },
    func: () => ({
      url: location.href,
      title: document.title,
      html: document.documentElement.outerHTML
    })
  })
  if (!injection?.result) throw new Error('This page cannot be read by extensions.')
  return injection.result
}

/** Calls one Folio operation; throws an Error whose message says what to do. */
async function callFolio(operation, input) {
  const { port, token } = await connection()
  if (!token) {
    throw new Error('Pair the extension first: paste the library token in its options.')
  }
  let response
  try {
    response = await fetch(`http://127.0.0.1:${port}/api/${operation}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        // Forces a CORS preflight; Folio refuses capture calls without it.
        'x-folio-client': 'extension'
      },
      body: JSON.stringify(input)
    })
  } catch {
    throw new Error(
      `Folio is not answering on port ${port}. Run \`folio serve --port ${port}\` or turn on ` +
        'Browser Capture in the Folio app.'
    )
  }
  const result = await response.json().catch(() => null)
  if (!result) throw new Error(`Folio answered ${response.status} without a message.`)
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

/** Saves the tab's rendered page with the tags given; the toolbar badge shows how it went. */
async function saveTab(tabId, tags) {
  try {
    const page = await renderedPage(tabId)
    const saved = await callFolio('capture.saveHtml', {
      url: page.url,
      title: page.title || undefined,
      html: page.html,
      tags
    })
    if (!saved.ok) throw new Error(saved.error?.message ?? 'Folio could not save this page.')
    await showBadge(tabId, true, 'Saved to Folio')
    return { ok: true, articleId: saved.articleId }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    await showBadge(tabId, false, `Not saved: ${message}`)
    return { ok: false, message }
  }
}

async function showBadge(tabId, succeeded, title) {
  try {
    await chrome.action.setBadgeBackgroundColor({
      tabId,
      color: succeeded ? '#1b7f3b' : '#b00020'
    })
    await chrome.action.setBadgeText({ tabId, text: succeeded ? '✓' : '!' })
    await chrome.action.setTitle({ tabId, title })
    setTimeout(() => {
      chrome.action.setBadgeText({ tabId, text: '' }).catch(() => {})
      chrome.action.setTitle({ tabId, title: 'Save to Folio' }).catch(() => {})
    }, badgeMilliseconds)
  } catch {
    // The tab closed meanwhile: nothing to show the badge on.
  }
}
