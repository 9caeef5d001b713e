/**
 * Web addresses and library images as every runtime sees them (pure: no DOM, no Node).
 */

/** The scheme library images are referenced by in stored reader HTML: `folio-asset://<sha256>`. */
export const assetScheme = 'folio-asset'

/** The address of a stored image. */
export function assetUrl(sha256: string): string {
  return `${assetScheme}://${sha256}`
}

/** Every image reference in reader HTML; the first group is the sha256. */
export const assetReferencePattern = /folio-asset:\/\/([0-9a-f]{64})/g

/** A sha256 as assets are named: 64 lower-case hex digits. */
export function isAssetName(value: string): boolean {
  return /^[0-9a-f]{64}$/.test(value)
}

/** A host name as the library shows it: `www.example.com` → `example.com`. */
export function displayHost(host: string): string {
  return host.replace(/^www\./i, '')
}

/** The site an address belongs to, as the library groups articles: its host without `www.`. */
export function siteOf(url: string): string | null {
  try {
    const host = new URL(url).hostname
    return host.length > 0 ? displayHost(host) : null
  } catch {
    return null
  }
}
