/**
 * The site's own names: telling a site's or an organisation's name from a person's, and the site
 * as the author of a page that names none.
 */
import { textOf } from '../dom'
import { cleanByline } from './byline-clean'
import { commentSection, offSiteSocialLink } from './byline-markup'

const normalizeName = (value: string): string =>
  value
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '')

// Legal forms end the names of companies and associations: "Web Commerce GmbH", "Bund der
// Energieverbraucher e.V.".
const legalForm = /(?:\b(?:GmbH|gGmbH|AG|KG|SE|Ltd|Inc|LLC|S\.A|e\.\s?V)\.?|\bCo\.)$/
// Words no person's name holds: "Bayerische Landesanstalt für Wald und Forstwirtschaft",
// "Hanns-Seidel-Stiftung".
const institutionWord =
  /(?:landesanstalt|bundesamt|ministerium|stiftung|verband|universität|hochschule|institut\b|institute\b|university|ministry|foundation|association)/i

/**
 * True for a company or association: in the metadata it is the publisher or its web agency; a
 * person named anywhere on the page is the better byline.
 */
export function isOrganization(byline: string): boolean {
  return legalForm.test(byline.trim()) || institutionWord.test(byline)
}

// German and Nordic letters as host names spell them: "flüssiggas" is fluessiggas.de, "Ørsted"
// is orsted.de.
const hostSpellings: Record<string, string> = {
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  ß: 'ss',
  ø: 'o',
  æ: 'ae'
}
const hostSpelling = (value: string): string =>
  normalizeName(value.toLowerCase().replace(/[äöüßøæ]/g, (letter) => hostSpellings[letter]))
// Blog hosts whose own name is no site's: the blog is the label before them.
const sharedHosts = new Set([
  'www',
  'wordpress',
  'blogspot',
  'github',
  'tumblr',
  'substack',
  'medium'
])

// A newspaper, magazine, forum or wiki publishes what others wrote: its name is no author's.
const publication =
  /news|magazin|zeitung|times|journal|tribune|gazette|interviews|forum|wiki|radio|\btv\b/i

/**
 * The site's own name when it matches the site's address: "Greenpeace" on greenpeace.de, "Dr.
 * Alexander Klier" on alexander-klier.net, "C.Habermueller" on chabermu.wordpress.com. A page
 * that names no author is by the person or organisation whose site it is.
 */
export function siteOwner(names: (string | null)[], hostname: string): string | null {
  const labels = hostname
    .toLowerCase()
    .split('.')
    .slice(0, -1)
    .filter((label) => !sharedHosts.has(label) && !/^www\d*$/.test(label))
    .map((label) => label.replace(/-/g, ''))
  for (const name of names) {
    const cleaned = name ? cleanByline(name) : null
    if (!cleaned || cleaned.length > 60 || publication.test(cleaned)) continue
    const keys = [normalizeName(cleaned), hostSpelling(cleaned)]
    const matches = labels.some((label) =>
      keys.some((key) => key === label || (label.length >= 5 && key.includes(label)))
    )
    if (matches) return cleaned
  }
  return null
}

/** "JF" for "Junge Freiheit", "HSS" for "Hanns-Seidel-Stiftung e.V.": capitals of the words. */
function initials(name: string): string {
  return (name.match(/(?<![\p{L}'’])\p{Lu}/gu) ?? []).join('').toLowerCase()
}

/**
 * True when a byline names the site rather than a person: "Badische Zeitung", "stern.de",
 * "EAT SMARTER" on eatsmarter.de, "JF" on the site of the "Junge Freiheit", "EFC Bayrische Bembel"
 * on bayrische-bembel.de. Sites put their own name in `<meta name=author>`.
 */
export function isSiteName(byline: string, siteNames: (string | null)[]): boolean {
  const name = normalizeName(byline)
  if (!name) return true
  const abbreviation = /^\p{Lu}{2,5}$/u.test(byline.trim()) ? name : null
  // "stern.de", "Fluessiggas.de", "hessenschau.de/bb": a domain is a site, not a person.
  if (
    /^[\p{L}\d-]+(\.[\p{L}\d-]+)*\.(com|de|net|org|at|ch|fr|it|es|info|co|uk|io|eu|cl|pe|bo)\b/iu.test(
      byline.trim()
    )
  )
    return true
  const bylineInitials = initials(byline)
  return siteNames.some((site) => {
    if (site && /^[a-z\d.-]+\.[a-z]{2,}$/i.test(site)) {
      // A host name: its first label ("badische-zeitung" of www.badische-zeitung.de).
      const label = normalizeName(
        site
          .replace(/^www\d?\./, '')
          .split('.')
          .slice(0, -1)
          .join('')
      )
      return (
        (label.length >= 3 && (name === label || label === bylineInitials)) ||
        (label.length >= 8 && name.includes(label))
      )
    }
    const siteName = site ? normalizeName(site) : ''
    return (
      (siteName.length >= 2 &&
        (name === siteName || (siteName.length >= 4 && name.startsWith(siteName)))) ||
      (abbreviation !== null && site !== null && initials(site).startsWith(abbreviation))
    )
  })
}

// Where templates put a person's name: a page with any of these has an author we did not find,
// and its site is not the author.
const authorMarkup = [
  '[class*="author"]',
  '[class*="byline"]',
  '[class*="username"]',
  '[class*="submitted"]',
  '[rel="author"]',
  '[itemprop="author"]',
  'a[href*="/author"]',
  'a[href*="/autor"]',
  'a[href*="/user"]',
  'a[href*="/profile"]',
  'a[href*="/staff"]',
  'a[href*="/member"]'
].join(', ')

function hasAuthorMarkup(document: Document, hostname: string): boolean {
  return Array.from(document.querySelectorAll(authorMarkup)).some(
    (element) =>
      !element.closest(commentSection) &&
      !offSiteSocialLink(element.getAttribute('href') ?? '', hostname) &&
      textOf(element) !== ''
  )
}

/**
 * The site as the author of a page that names none: the site's name where it matches the address
 * (og:site_name, application-name, publisher, the title's last part), unless the page has author
 * markup, whose author we could not read.
 */
export function ownSiteAuthor(
  document: Document,
  siteNames: (string | null)[],
  hostname: string
): string | null {
  const owner = siteOwner([...siteNames.slice(0, 3), titleSiteName(document.title)], hostname)
  return owner && !hasAuthorMarkup(document, hostname) ? owner : null
}

/** The site's name that ends a document title: "Nachhaltiger leben | Greenpeace". */
function titleSiteName(title: string | null | undefined): string | null {
  const parts = (title ?? '').split(/\s+[|–—·-]\s+|\s+::\s+/)
  return parts.length > 1 ? parts[parts.length - 1].trim() || null : null
}
