/**
 * Blocks that are mostly links: "related stories", tag clouds, the navigation Readability pulled in
 * with its container; an article's own table of contents, its sources and its sublists stay.
 */
import { linkTextLength } from './blocks'
import type { RuleContext } from './context'
import type { PostRule } from './rule'

const linkBlockSelector = 'ul, ol, p, div, section, nav, table'

/**
 * Lists and blocks that are mostly links ("related stories", tag clouds, navigation that
 * Readability pulled in with its container). Over 60% of the text in links, and at least two
 * links: a paragraph with one linked phrase is content.
 */
function removeLinkBlocks(content: Element, context: RuleContext): void {
  const sites = pageSites(context.baseUrl, context.canonicalUrl)
  // A block with half the article's text is the article (a link-heavy index page, say).
  const limit = context.textOf(content).length / 2
  for (const element of Array.from(content.querySelectorAll(linkBlockSelector))) {
    if (!content.contains(element)) continue
    const text = context.textOf(element)
    if (!text || text.length > limit) continue
    const links = element.querySelectorAll('a').length
    if (links < 2) continue
    const linked = linkTextLength(element, context)
    if (linked / text.length > 0.6 && !hasOwnWords(element, text.length - linked, context)) {
      if (!isTableOfContents(element) && !mostlyExternal(element, sites) && !isSublist(element))
        context.remove(element)
    }
  }
}

/** A host without its subdomains: `news.example.com` is `example.com`, `a.b.co.uk` `b.co.uk`. */
function siteOf(host: string): string {
  const labels = host.toLowerCase().split('.')
  const countryPair =
    labels.length > 2 &&
    labels[labels.length - 1].length === 2 &&
    labels[labels.length - 2].length <= 3
  return labels.slice(countryPair ? -3 : -2).join('.')
}

function hostSite(url: string | null | undefined, base: string): string | null {
  if (!url) return null
  try {
    return siteOf(new URL(url, base).hostname)
  } catch {
    return null
  }
}

/** The sites the page belongs to: its address and its canonical address. */
function pageSites(baseUrl: string, canonicalUrl: string | null | undefined): Set<string> {
  const sites = new Set<string>()
  for (const url of [baseUrl, canonicalUrl]) {
    const site = hostSite(url, baseUrl)
    if (site) sites.add(site)
  }
  return sites
}

/**
 * Links mostly to other sites: the article's sources, the bugs or products it lists. A site's
 * related stories and navigation link to its own pages.
 */
function mostlyExternal(element: Element, sitesOfPage: ReadonlySet<string>): boolean {
  const links = Array.from(element.querySelectorAll('a'))
  let external = 0
  for (const link of links) {
    const site = hostSite(link.getAttribute('href'), 'about:blank')
    if (site && !sitesOfPage.has(site)) external += 1
  }
  return external * 2 > links.length
}

/**
 * A list nested in a list item that says something of its own ("In progress:" and the bugs): a
 * part of the article's list, which was kept as content.
 */
function isSublist(element: Element): boolean {
  if (element.tagName !== 'UL' && element.tagName !== 'OL') return false
  const item = element.parentElement
  if (item?.tagName !== 'LI') return false
  for (let node = item.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3 && /[\p{L}\p{N}]/u.test(node.nodeValue ?? '')) return true
  }
  return false
}

/**
 * An article's own table of contents: every link jumps to a section of one and the same page
 * (`page#history`, `page#sources`). Related-story lists and navigation link to other pages.
 */
function isTableOfContents(element: Element): boolean {
  let page: string | null = null
  for (const link of Array.from(element.querySelectorAll('a'))) {
    const href = link.getAttribute('href') ?? ''
    const hash = href.indexOf('#')
    if (hash < 0 || hash === href.length - 1) return false
    const target = href.slice(0, hash)
    if (page !== null && target !== page) return false
    page = target
  }
  return page !== null
}

/**
 * A list whose items say something besides their links is content ("Neil has patches up to
 * <a>improve the behaviour</a>, and <a>show UI</a>"); a related-links list has only titles.
 * Spared when half its items or more have five words or more outside their links.
 */
function hasOwnWords(element: Element, unlinkedLength: number, context: RuleContext): boolean {
  if (unlinkedLength < 20) return false
  const items = Array.from(
    element.tagName === 'UL' || element.tagName === 'OL' ? element.children : [element]
  )
  const talking = items.filter((item) => {
    let own = context.textOf(item)
    for (const link of Array.from(item.querySelectorAll('a')))
      own = own.replace(context.textOf(link), ' ')
    return own.split(/\s+/).filter((word) => /[\p{L}\p{N}]{2}/u.test(word)).length >= 5
  })
  return talking.length > 0 && talking.length >= items.length / 2
}

export const linkBlocks: PostRule = { name: 'link-blocks', stage: 'post', apply: removeLinkBlocks }
