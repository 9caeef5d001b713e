/**
 * Bylines from page markup: schema.org microdata, `rel=author`, template class names, and links
 * to a person's profile on the site.
 */
import { textOf } from '../dom'
import { cleanByline } from './byline-clean'
import { leadingName, maximumBylineWords } from './byline-names'
import { displayHost } from '../../../../../shared/web'

// Most specific first: microdata names, then links, then template class names (WordPress,
// Blogger, German CMSs use "autor").
const bylineSelectors = [
  '[itemprop="author"] [itemprop="name"]',
  '[itemprop="author"]',
  '[rel="author"]',
  'a[href*="/author/"]',
  'a[href*="/autor/"]',
  '.author-name, .author__name, .byline__name, .entry-author, .post-author, .fn',
  '.byline, .author, .autor, .article-author, .story-byline'
]

// Comment threads mark each commenter up as an author (`.comment-author`, `itemprop=author`).
export const commentSection = '[class*="comment"], [id*="comment"]'

/** A blog's name in its header is marked up as an hCard author too, linking to the home page. */
function linksHome(element: Element): boolean {
  const href = element.closest('a[href]')?.getAttribute('href')?.trim()
  return href !== undefined && /^(?:https?:\/\/[^/]+)?\/?(?:index\.\w+)?$/i.test(href)
}

/** Names marked up as the author that link to the home page: the blog's, not a person's. */
export function homeLinkedAuthors(document: Document): string[] {
  return Array.from(document.getElementsByClassName('fn'))
    .filter(linksHome)
    .map((element) => cleanByline(textOf(element)))
    .filter((name): name is string => name !== null)
}

export function bylineFromMarkup(document: Document, hostname = ''): string | null {
  for (const selector of bylineSelectors) {
    let tried = 0
    for (const element of Array.from(document.querySelectorAll(selector))) {
      if (tried === 3) break
      if (element.closest(commentSection) || linksHome(element)) continue
      tried += 1
      const name = cleanByline(textOf(element))
      if (name && name.split(' ').length <= maximumBylineWords) {
        return name
      }
    }
  }
  return profileByline(document, hostname)
}

// Links to a person's page on the site: "/staff/uriel-gadessaud/", "/user/Marianne1.html",
// "/profile/142450", "/user-uebersicht/?u=79003".
const profileLink = /\/(?:staff|profile|users?|members|in)\/|\/user-/
const accountName = /^[\p{L}\d][\p{L}\d._-]{2,29}$/u
// What account menus print on profile links.
const accountWords =
  /\b(?:log ?in|log ?out|sign ?in|sign ?up|register|subscribe|members?|list|profile|profil|account|konto|mein|my|abmelden|anmelden|registrieren|einloggen|ausloggen|user ?profile)\b/i
const socialNetwork = /youtube|twitter|facebook|instagram|linkedin|pinterest|xing|tiktok/i

/**
 * A profile link to a social network ("youtube.com/user/…") from another site: the site's own
 * account, not an author's page.
 */
export function offSiteSocialLink(href: string, hostname: string): boolean {
  const site = displayHost(hostname)
  return socialNetwork.test(href) && !(site && href.includes(site))
}

/**
 * The first link to a person's profile outside navigation and comments whose text is a name or an
 * account name: the author of a forum post, a user's recipe, a staff writer's story.
 */
export function profileByline(document: Document, hostname = ''): string | null {
  // One pass over the links: seven attribute selectors cost linkedom four times as much.
  for (const element of Array.from(document.getElementsByTagName('a'))) {
    const href = element.getAttribute('href') ?? ''
    if (!profileLink.test(href) || offSiteSocialLink(href, hostname)) continue
    if (element.closest(`nav, ${commentSection}`)) continue
    const text = textOf(element)
    if (!text || accountWords.test(text)) continue
    const run = leadingName(text)
    if (run && !run.rest && run.wordsPerPerson.every((count) => count >= 2 && count <= 4))
      return run.name
    // "Marianne1", "MikeNils", "fri.juli", "delta201": digits, inner capitals or dots; a single
    // capitalised word is a button ("Registrieren").
    if (accountName.test(text) && /\d|\p{Ll}\p{Lu}|[._]|^\p{Ll}+$/u.test(text))
      return cleanByline(text)
  }
  return null
}
