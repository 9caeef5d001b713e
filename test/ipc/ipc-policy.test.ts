import { describe, expect, it } from 'vitest'
import { isExternalLink, isTrustedSender } from '../../src/main/electron/ipc-policy'

describe('which senders may use the library over IPC', () => {
  const built = 'file:///opt/folio/out/renderer/index.html'

  it('trusts the app’s own top frame, in the built app and under the dev server', () => {
    expect(isTrustedSender({ frameUrl: built, isTopFrame: true }, built)).toBe(true)
    expect(
      isTrustedSender(
        { frameUrl: 'http://localhost:5173/#/x', isTopFrame: true },
        'http://localhost:5173/'
      )
    ).toBe(true)
  })

  it('refuses sub-frames such as the reader’s article frame', () => {
    expect(isTrustedSender({ frameUrl: built, isTopFrame: false }, built)).toBe(false)
  })

  it('refuses a window that navigated to another page or file', () => {
    expect(isTrustedSender({ frameUrl: 'https://evil.example/', isTopFrame: true }, built)).toBe(
      false
    )
    expect(isTrustedSender({ frameUrl: 'file:///tmp/evil.html', isTopFrame: true }, built)).toBe(
      false
    )
    expect(
      isTrustedSender(
        { frameUrl: 'http://localhost:6000/', isTopFrame: true },
        'http://localhost:5173/'
      )
    ).toBe(false)
    expect(isTrustedSender({ frameUrl: 'not a url', isTopFrame: true }, built)).toBe(false)
  })

  it('hands only web and mail links to the system browser', () => {
    expect(isExternalLink('https://example.com/')).toBe(true)
    expect(isExternalLink('mailto:a@example.com')).toBe(true)
    expect(isExternalLink('file:///etc/passwd')).toBe(false)
    expect(isExternalLink('javascript:alert(1)')).toBe(false)
  })
})
