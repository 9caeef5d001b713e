/**
 * Rules applied to Readability's content element before sanitizing: absolute URLs, then precision
 * rules that remove page furniture Readability kept (it keeps ~8.6% non-article tokens on
 * scrapinghub's benchmark). Each rule has a name so bench/extract.ts can measure it on its own
 * (`--disable NAME`); a rule stays only if it raises F1 across the corpora. Measured and dropped:
 * removing captions (+0.006 F1 on scrapinghub, −0.008 on Readability's pages, and readers want
 * them), credits inside captions (−0.001 on Readability's pages), repeated blocks (−0.03 on
 * Readability's pages), a leading line that repeats the page title (−0.05 recall on
 * scrapinghub), a one- or two-word first line as a section label (−0.011 on Readability's
 * pages). Not removed on purpose: Chinese "责任编辑"/"本文来源"/"免责声明" lines, which zh-gne's
 * reference text keeps.
 */
import { textOf as plainTextOf } from './dom'
import { absolutizeUrls } from './images'
import { blockTags } from './text'
import {
  addressLinePattern,
  agencyCreditPattern,
  interfaceLinePattern,
  bylinePattern,
  creditPattern,
  disclosurePattern,
  endNotePattern,
  furnitureHeadingPattern,
  linkLeadInPattern,
  metaBarWordPattern,
  metaLinePattern,
  moreReadingPattern,
  readerAppealPattern,
  widgetNoticePattern,
  isDateLine,
  promoPattern,
  readAlsoPattern,
  relatedHeadingPattern,
  slashCreditPattern
} from './postprocess-patterns'

/**
 * The rules read the same blocks' text many times over (~25 rules, each walking the article): the
 * text, and each element's list of leaf blocks, are remembered until the next removal, which is
 * the only change the rules make. Most rules remove nothing on most pages.
 */
let remembered = new WeakMap<Node, string>()
let rememberedLeaves = new WeakMap<Element, readonly Leaf[]>()

function textOf(node: Node | null | undefined): string {
  if (!node) return ''
  let text = remembered.get(node)
  if (text === undefined) {
    text = plainTextOf(node)
    remembered.set(node, text)
  }
  return text
}

function removeNode(node: ChildNode): void {
  node.remove()
  forget()
}

function forget(): void {
  remembered = new WeakMap()
  rememberedLeaves = new WeakMap()
}

export interface PostprocessOptions {
  /** Names of rules to skip, for measuring each rule's effect. */
  disabledRules?: readonly string[]
  /**
   * The page's canonical URL (read before Readability, which can leave the page's document
   * without its head): links to its site are the site's own.
   */
  canonicalUrl?: string | null
  /** The page's title from its metadata. */
  title?: string | null
}

type Rule = (content: Element) => void

const blockSelector =
  'p, div, section, ul, ol, li, figure, figcaption, table, h1, h2, h3, h4, h5, h6, blockquote, aside, header, footer, span'

function linkTextLength(element: Element): number {
  let length = 0
  for (const link of Array.from(element.querySelectorAll('a'))) length += textOf(link).length
  return length
}

const linkBlockSelector = 'ul, ol, p, div, section, nav, table'

/**
 * Lists and blocks that are mostly links ("related stories", tag clouds, navigation that
 * Readability pulled in with its container). Over 60% of the text in links, and at least two
 * links: a paragraph with one linked phrase is content.
 */
function removeLinkBlocks(content: Element): void {
  // A block with half the article's text is the article (a link-heavy index page, say).
  const limit = textOf(content).length / 2
  for (const element of Array.from(content.querySelectorAll(linkBlockSelector))) {
    if (!content.contains(element)) continue
    const text = textOf(element)
    if (!text || text.length > limit) continue
    const links = element.querySelectorAll('a').length
    if (links < 2) continue
    const linked = linkTextLength(element)
    if (linked / text.length > 0.6 && !hasOwnWords(element, text.length - linked)) {
      if (!isTableOfContents(element) && !mostlyExternal(element) && !isSublist(element))
        removeNode(element)
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

/** The sites of the page being post-processed (set by postprocessArticle). */
let sitesOfPage = new Set<string>()

/**
 * Links mostly to other sites: the article's sources, the bugs or products it lists. A site's
 * related stories and navigation link to its own pages.
 */
function mostlyExternal(element: Element): boolean {
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
function hasOwnWords(element: Element, unlinkedLength: number): boolean {
  if (unlinkedLength < 20) return false
  const items = Array.from(
    element.tagName === 'UL' || element.tagName === 'OL' ? element.children : [element]
  )
  const talking = items.filter((item) => {
    let own = textOf(item)
    for (const link of Array.from(item.querySelectorAll('a'))) own = own.replace(textOf(link), ' ')
    return own.split(/\s+/).filter((word) => /[\p{L}\p{N}]{2}/u.test(word)).length >= 5
  })
  return talking.length > 0 && talking.length >= items.length / 2
}

/** Code listings name their tokens `comment`, `meta`, `tag`: none of that is page furniture. */
function insideCode(element: Element): boolean {
  return element.closest('pre, code') !== null
}

// Short blocks that are page furniture in any article: share prompts, ads, tag lines, credits.
// Words end at a word's end: "print" is not "printf", "share" not "Shareholders".
const boilerplatePattern =
  /^(?:(?:share( this)?|tweet|email|print|advertisement|advertising|sponsored|related(?= *[:|]| *$)|related (?:articles|stories|posts?|coverage|news|searches|content|links|videos?)|read more|more from|you may also like|recommended|sign up|subscribe|follow us|copyright|all rights reserved|caption$|close$)(?![\p{L}\p{N}])|comments?\s*([:(\d]|$)|tags?\s*[:|]|topics?\s*[:|]|©|photo:|credit:|image \d+ of)/iu
const socialWords =
  /^(\s*(share|facebook|twitter|whatsapp|pinterest|pint|linkedin|reddit|email|e-mail|print|tumblr|telegram|messenger|copy link|baixar|compartilhe|teilen|partager|compartir)\s*)+$/i
// 100 characters: the longest share bar or credit line seen in the corpora is well under this.
const boilerplateMaximumLength = 100

function removeBoilerplateLines(content: Element): void {
  for (const element of Array.from(content.querySelectorAll(blockSelector))) {
    if (!content.contains(element)) continue
    if (insideCode(element)) continue
    const text = textOf(element)
    if (text.length > boilerplateMaximumLength) continue
    if (boilerplatePattern.test(text) || socialWords.test(text)) removeNode(element)
  }
}

const furnitureClassPattern =
  /(^|[\s_-])(share|sharing|social|related|newsletter|promo|byline|author-info|tags|tag-list|timestamp|dateline|meta|breadcrumbs?|subscribe|signup|comments?)($|[\s_-])/i

/** Small blocks whose class names them as furniture, now that Readability chose the container. */
function removeFurnitureClasses(content: Element): void {
  for (const element of Array.from(content.querySelectorAll('[class], [id]'))) {
    if (!content.contains(element)) continue
    const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`
    if (furnitureClassPattern.test(names) && textOf(element).length < 300 && !insideCode(element)) {
      if (!insideSentence(element)) removeNode(element)
    }
  }
}

/**
 * A word or phrase inside a paragraph's text, whatever its class says: a dateline
 * (`<p><span class="dateline">CAIRO —</span> Gunmen…`), a topic link (`class="meta-loc"`).
 */
function insideSentence(element: Element): boolean {
  if (blockTags.has(element.tagName.toUpperCase())) return false
  for (let node = element.parentElement?.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3 && /[\p{L}\p{N}]/u.test(node.nodeValue ?? '')) return true
  }
  return false
}

const leafTags = new Set([
  'P',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'FIGCAPTION',
  'BLOCKQUOTE',
  'DT',
  'DD',
  'DIV',
  'SECTION',
  'ASIDE',
  'HEADER',
  'FOOTER',
  'TD',
  'CAPTION',
  'ADDRESS',
  'ARTICLE',
  'UL',
  'OL',
  'TABLE',
  'FIGURE',
  'TIME'
])

interface Leaf {
  element: Element
  text: string
}

/** Blocks without blocks inside, in document order, with their text: the article's "lines". */
function leafBlocks(content: Element): readonly Leaf[] {
  let leaves = rememberedLeaves.get(content)
  if (!leaves) {
    leaves = findLeafBlocks(content)
    rememberedLeaves.set(content, leaves)
  }
  return leaves
}

function findLeafBlocks(content: Element): Leaf[] {
  const leaves: Leaf[] = []
  const visit = (element: Element): boolean => {
    let hasBlock = false
    for (const child of Array.from(element.children)) {
      if (visit(child)) hasBlock = true
    }
    const isBlock = leafTags.has(element.tagName.toUpperCase())
    if (isBlock && !hasBlock && element !== content) {
      const text = textOf(element)
      if (text) leaves.push({ element, text })
    }
    return hasBlock || isBlock
  }
  visit(content)
  return leaves
}

/** The element to remove for a leaf: its outermost wrapper that holds nothing else. */
function outermostWrapper(element: Element, content: Element): Element {
  let current = element
  const text = textOf(element)
  while (current.parentElement && current.parentElement !== content) {
    if (textOf(current.parentElement) !== text) break
    current = current.parentElement
  }
  return current
}

/** Text after a node in document order, within the content. */
function textAfter(node: Element, content: Element): number {
  let length = 0
  for (let current: Element | null = node; current && current !== content;) {
    for (let next = current.nextElementSibling; next; next = next.nextElementSibling) {
      length += textOf(next).length
    }
    current = current.parentElement
  }
  return length
}

/** Link text after a node in document order, within the content. */
function linksAfter(node: Element, content: Element): number {
  let length = 0
  for (let current: Element | null = node; current && current !== content;) {
    for (let next = current.nextElementSibling; next; next = next.nextElementSibling) {
      length += linkTextLength(next)
    }
    current = current.parentElement
  }
  return length
}

function removeEverythingAfter(node: Element, content: Element): void {
  for (let current: Element | null = node; current && current !== content;) {
    while (current.nextSibling) removeNode(current.nextSibling)
    current = current.parentElement
  }
}

// A heading in the last 30% of the article that opens a "related" list ends the article.
const relatedTailShare = 0.3

/** A block of links to other pages, or one short teaser with a link. */
function isTeaserBlock(element: Element): boolean {
  const text = textOf(element)
  if (!text) return true
  const links = linkTextLength(element)
  return links / text.length >= 0.5 || (links > 0 && text.length <= 200) || isHeadlineList(element)
}

// A teaser in a list is a headline, perhaps with a few words around its link.
const headlineItemLength = 150

/**
 * A list of headlines under a "related" heading: every item short and with a link, even when half
 * of each line is outside it ("YouTubers must unionize, <a>no matter what Google says</a>").
 */
function isHeadlineList(element: Element): boolean {
  if (element.tagName !== 'UL' && element.tagName !== 'OL') return false
  const items = Array.from(element.children)
  return (
    items.length > 0 &&
    items.every(
      (item) => textOf(item).length <= headlineItemLength && item.querySelector('a') !== null
    )
  )
}

/**
 * "Related stories", "Auch interessant", "相关阅读": the heading and the teasers under it. Near the
 * end of the article, when what follows is mostly links, everything after the heading goes;
 * elsewhere the following blocks go while they are teasers.
 */
function removeRelatedSections(content: Element): void {
  const total = textOf(content).length
  for (const { element, text } of leafBlocks(content)) {
    if (!content.contains(element) || text.length > 80) continue
    if (!relatedHeadingPattern.test(text)) continue
    const heading = outermostWrapper(element, content)
    const after = textAfter(heading, content)
    if (after < total * relatedTailShare && linksAfter(heading, content) >= after * 0.5) {
      removeEverythingAfter(heading, content)
    } else {
      let next = heading.nextElementSibling
      while (next && isTeaserBlock(next)) {
        const following = next.nextElementSibling
        removeNode(next)
        next = following
      }
    }
    removeNode(heading)
  }
}

/** "Read also: <headline>" lines between paragraphs. */
function removeReadAlsoLines(content: Element): void {
  for (const { element, text } of leafBlocks(content)) {
    if (text.length <= 250 && readAlsoPattern.test(text)) removeNode(element)
  }
}

const creditClassPattern =
  /(^|[\s_-])(credit|credits|copyright|photo-credit|image-credit|caption-credit|img-credit|media-credit|photographer)($|[\s_-])/i

function isCredit(text: string, element: Element): boolean {
  if (text.length > 100) return false
  if (creditPattern.test(text)) return true
  const words = text.split(/\s+/).length
  if (words <= 8 && agencyCreditPattern.test(text)) return true
  const inCaption = element.closest(captionSelector) !== null
  return inCaption && words <= 8 && slashCreditPattern.test(text)
}

const captionSelector = 'figure, figcaption, [class*="caption"]'

/**
 * Photo credits: lines outside captions ("Photo: AP", "Alex Wong | Getty Images") and elements
 * classed as a credit anywhere, captions included (the caption's own words stay). Measured and
 * left: credit lines inside captions by their words (+0.0007 F1 on scrapinghub, +0.0009 on
 * trafilatura-eval, −0.0010 on Readability's pages, whose expected output keeps them).
 */
function removeCredits(content: Element): void {
  const wanted = (element: Element): boolean => element.closest(captionSelector) === null
  for (const { element, text } of leafBlocks(content)) {
    if (isCredit(text, element) && wanted(element)) removeNode(element)
  }
  for (const element of Array.from(content.querySelectorAll('[class]'))) {
    if (!content.contains(element)) continue
    if (!creditClassPattern.test(element.getAttribute('class') ?? '')) continue
    if (textOf(element).length <= 100) removeNode(element)
  }
}

// How many lines at each end of the article are looked at for furniture.
const edgeLines = 8

function isEdgeFurniture(leaf: Leaf, atEnd: boolean): boolean {
  const { text, element } = leaf
  if (isDateLine(text) || isCredit(text, element)) return true
  if (text.length <= 120 && addressLinePattern.test(text)) return true
  if (text.length <= 60 && bylinePattern.test(text)) return true
  if (text.length <= 80 && postedPattern.test(text)) return true
  if (text.length <= 250 && endNotePattern.test(text)) return true
  if (atEnd && text.length <= 250 && closingNotePattern.test(text)) return true
  // A "More Business News" link left last, its list gone.
  if (atEnd && text.length <= 60 && relatedHeadingPattern.test(text)) return true
  return text.length <= (atEnd ? 250 : 120) && promoPattern.test(text)
}

// Notes after the article's last paragraph: its legal notice, where to reach the reporters, follow
// the coverage or hear more. Only at the end: "About the author" could head a section.
const closingNotePattern =
  /^(want more [\p{L} ]{1,30}\?|about the authors?$|citation\s*:|reach the (reporter|writer|author)s?\b|follow [\p{L}'’ ]{1,30} full coverage\b|listen to [\p{L} ]{1,30} live\b|the contents of this site\b|this (document|article|material) is subject to copyright\b)/iu

// "Posted on March 30, 2015 by Admin", "Published: 19.11.2019 | von Anna".
const postedPattern =
  /^(posted|published|updated|veröffentlicht|publicado|publié|pubblicato|diposting)\b.{0,60}\b(by|von|par|por|da|oleh)\s+\S+/i

/**
 * Datelines, bylines, credits, newsletter and app prompts, "Reporting by" notes: the lines that
 * frame an article at its start and its end. Removed from each end until the first line of text.
 */
function removeEdgeFurniture(content: Element): void {
  const leaves = leafBlocks(content)
  for (const leaf of leaves.slice(0, edgeLines)) {
    if (!isEdgeFurniture(leaf, false)) break
    removeNode(leaf.element)
  }
  for (const leaf of leaves.slice(-edgeLines).reverse()) {
    if (!content.contains(leaf.element)) break
    if (!isEdgeFurniture(leaf, true)) break
    removeNode(leaf.element)
  }
}

/** Interface text: "Sign In", "Continue Reading Below", "Text size", comment counters. */
function removeInterfaceLines(content: Element): void {
  for (const { element, text } of leafBlocks(content)) {
    if (text.length <= 60 && interfaceLinePattern.test(text)) removeNode(element)
  }
}

/** Lists of teasers: items of a short headline and a date each ("相关内容", "Latest news"). */
function removeTeaserLists(content: Element): void {
  for (const list of Array.from(content.querySelectorAll('ul, ol, div, section'))) {
    if (!content.contains(list)) continue
    const items = Array.from(list.children)
    if (items.length < 2) continue
    let teasers = 0
    for (const item of items) {
      const text = textOf(item)
      if (!text || text.length > 200) continue
      const dated = leafBlocks(item).some((leaf) => isDateLine(leaf.text) && leaf.text !== text)
      if (dated) teasers += 1
    }
    if (teasers >= 2 && teasers >= items.length * 0.7) removeNode(list)
  }
}

/** Lines that are only a date or a time. */
function removeDateLines(content: Element): void {
  for (const { element, text } of leafBlocks(content)) {
    // A table's dates are its data (release tables, schedules).
    if (isDateLine(text) && !element.closest('table')) removeNode(element)
  }
}

const authorBoxPattern =
  /(^|[\s_-])(author-bio|author-box|authorbox|about-author|about-the-author|author-description|author-info|author-card|author-details|author-wrap|post-author|entry-author|saboxplugin-wrap|abh|bio-box|m-a-box|entry-utility|postmetadata|post-meta|entry-meta|article-meta|post-ratings|ratings?|disclaimer|editorial-disclaimer|ad-disclosure)($|[\s_-])/i

/** Author boxes, post meta and rating widgets, named so by their class or id. */
function removeAuthorBoxes(content: Element): void {
  const limit = textOf(content).length / 3
  for (const element of Array.from(content.querySelectorAll('[class], [id]'))) {
    if (!content.contains(element)) continue
    const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`
    if (!authorBoxPattern.test(names)) continue
    const length = textOf(element).length
    if (length < 1000 && length < limit) removeNode(element)
  }
}

const teaserClassPattern =
  /(^|[\s_-])(teaser|teasers|post-teaser|listposts|rec-posts|related-posts|relatedposts|more-stories|recirc|read-next|readnext|up-next|next-post|nextstory|post-navigation|nav-links|pagination|yarpp|crp_related|sidebar)($|[\s_-])/i

/** Teaser cards, next/previous links and widgets, named so by their class or id, with links. */
function removeTeaserClasses(content: Element): void {
  const limit = textOf(content).length / 3
  for (const element of Array.from(content.querySelectorAll('[class], [id]'))) {
    if (!content.contains(element)) continue
    const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`
    if (!teaserClassPattern.test(names) || !element.querySelector('a')) continue
    const length = textOf(element).length
    if (length < 1500 && length < limit) removeNode(element)
  }
}

/** Later copies of a caption: galleries repeat each caption in a control panel or a lightbox. */
function removeRepeatedCaptions(content: Element): void {
  const seen = new Set<string>()
  for (const { element, text } of leafBlocks(content)) {
    if (text.length < 80 || !element.closest(captionSelector)) continue
    if (seen.has(text)) removeNode(element)
    seen.add(text)
  }
}

const printOnlyPattern =
  /(^|[\s_-])(print-header|print-footer|print-only|printonly|print-logo|visible-print|show-for-print|only-print)($|[\s_-])/i

/** Blocks shown only on paper: a print header with the page's URL, a print logo. */
function removePrintOnly(content: Element): void {
  for (const element of Array.from(content.querySelectorAll('[class]'))) {
    if (!content.contains(element)) continue
    if (!printOnlyPattern.test(element.getAttribute('class') ?? '')) continue
    if (textOf(element).length <= 300) removeNode(element)
  }
}

/** True when one link holds (nearly) all of a block's text: a linked headline, not prose. */
function isLinkLine(element: Element, text: string): boolean {
  if (text.length > linkLineMaximumLength || !/^(P|DIV)$/.test(element.tagName)) return false
  if (element.closest('li, table, figure, blockquote')) return false
  const links = element.querySelectorAll('a')
  if (links.length !== 1) return false
  return textOf(links[0]).length >= text.length * 0.85
}

// A linked line this long is a headline or a call to follow a link, never a paragraph.
const linkLineMaximumLength = 150

/**
 * Paragraphs that only send the reader elsewhere: "Hier geht es zur neuen Vorstandsstruktur",
 * "Lesen Sie hier einen weiteren Beitrag …", ">> Wegen Corona: … <<", wherever they stand.
 */
function removeLinkLines(content: Element): void {
  for (const { element, text } of leafBlocks(content)) {
    if (linkLeadInPattern.test(text) && isLinkLine(element, text)) removeNode(element)
  }
}

/**
 * A short heading, a bold line ending in a colon, or a line naming a furniture box: with nothing
 * under it at the article's end, it titled something that is gone.
 */
function isDanglingTitle(element: Element, text: string): boolean {
  if (text.length > 80) return false
  const titled =
    /^H[1-6]$/.test(element.tagName) || textOf(element.querySelector('strong, b')) === text
  if (/^H[1-6]$/.test(element.tagName) && text.length <= 60) return true
  return (
    (titled && /[:：]$/.test(text)) || (text.length <= 60 && furnitureHeadingPattern.test(text))
  )
}

/**
 * The article's tail after its last paragraph: linked teaser lines and headings whose box was
 * furniture and is gone ("Über den Autor", "Kontakt:", "Weiterführender Link").
 */
function removeTrailingLinks(content: Element): void {
  const leaves = leafBlocks(content)
  for (const leaf of leaves.slice(-edgeLines).reverse()) {
    if (!isDanglingTitle(leaf.element, leaf.text) && !isLinkLine(leaf.element, leaf.text)) break
    // A heading over a picture or a table titles it.
    if (mediaAfter(leaf.element, content)) break
    removeNode(leaf.element)
  }
}

const mediaSelector = 'img, picture, video, audio, iframe, svg, table, figure'

/** True when an image, a video or a table follows a node in document order, within the content. */
function mediaAfter(node: Element, content: Element): boolean {
  for (let current: Element | null = node; current && current !== content;) {
    for (let next = current.nextElementSibling; next; next = next.nextElementSibling) {
      if (next.matches(mediaSelector) || next.querySelector(mediaSelector)) return true
    }
    current = current.parentElement
  }
  return false
}

// Appeals are one or two sentences; a longer block that mentions subscribing is prose.
const readerAppealMaximumLength = 300

/** Removes the lines (leaf blocks) of at most `maximumLength` characters that match `pattern`. */
function removeLinesMatching(content: Element, pattern: RegExp, maximumLength: number): void {
  for (const { element, text } of leafBlocks(content)) {
    if (text.length <= maximumLength && pattern.test(text)) removeNode(element)
  }
}

/** "Subscribe now", "Hazte miembro", "Besuchen Sie unseren Fan-Shop!": the site talking to readers. */
function removeReaderAppeals(content: Element): void {
  removeLinesMatching(content, readerAppealPattern, readerAppealMaximumLength)
}

/** A post's metadata lines: category, publication date, author and view counts, by their label. */
function removeMetaLines(content: Element): void {
  for (const { element, text } of leafBlocks(content)) {
    if (text.length <= 120 && metaLinePattern.test(text) && !element.closest('table'))
      removeNode(element)
  }
}

/** Advertising, affiliate and rights notices: about the page, not part of the story. */
function removeDisclosures(content: Element): void {
  removeLinesMatching(content, disclosurePattern, readerAppealMaximumLength)
}

/** Log-in prompts, blocked-embed placeholders and loaders that Readability kept as text. */
function removeWidgetNotices(content: Element): void {
  removeLinesMatching(content, widgetNoticePattern, readerAppealMaximumLength)
}

/** "Dowiedz się więcej: <headline>", "À lire aussi » <headline>" lines between paragraphs. */
function removeMoreReadingLines(content: Element): void {
  removeLinesMatching(content, moreReadingPattern, 250)
}

/**
 * A bar of short items between pipes that names the page's tools or the post's date:
 * "Freitag | 14. Juni 2019 | 15:49 VON Sina Giebel IN Fashion | 0 COMMENTS".
 */
function isMetaBar(text: string): boolean {
  if (text.length > 150) return false
  const items = text.split(/\s\|\s?|\s?\|\s/).filter((item) => item.trim())
  if (items.length < 3 || items.some((item) => item.length > 45)) return false
  return items.some((item) => metaBarWordPattern.test(item) || isBarDate(item.trim()))
}

// A date in a bar has a month name, a time or two separators; a price ("11.499 €") is no date.
function isBarDate(item: string): boolean {
  return isDateLine(item) && /\p{L}|\d:\d|\d[./-]\d+[./-]\d/u.test(item)
}

/** Pipe-separated meta bars of a post: date, author, comment count, print and share tools. */
function removeMetaBars(content: Element): void {
  for (const { element, text } of leafBlocks(content)) {
    if (isMetaBar(text) && !element.closest('table')) removeNode(element)
  }
}

const hoverCardPattern =
  /(^|[\s_-])(rollover|popover|popup|hovercard|hover-card|tooltip)($|[\s_-])/i

/**
 * Cards that pop up over a name in the text (The Hill's "rollover-people-block": a photo, the
 * person's latest headlines, "MORE"): hidden until hovered, they cut the sentence in two.
 */
function removeHoverCards(content: Element): void {
  for (const element of Array.from(content.querySelectorAll('[class]'))) {
    if (!content.contains(element) || blockTags.has(element.tagName.toUpperCase())) continue
    if (!hoverCardPattern.test(element.getAttribute('class') ?? '')) continue
    // The card follows the name it hangs on (a link), in a paragraph, and links to more.
    if (element.previousSibling?.nodeType !== 1 || !element.closest('p')) continue
    if (!element.querySelector('a')) continue
    if (textOf(element).length >= 30) removeNode(element)
  }
}

// Headlines set in capitals between paragraphs: "TAYLOR SWIFT'S FORMER LABEL BOSS BLASTS HER".
const capitalTeaserMinimumWords = 4

/**
 * Links to other stories set as a paragraph in capitals (Fox News, the Express): the paragraph
 * is one link, its letters are all capitals.
 */
function removeCapitalTeasers(content: Element): void {
  for (const paragraph of Array.from(content.querySelectorAll('p'))) {
    if (!content.contains(paragraph)) continue
    const text = textOf(paragraph)
    if (text.length > 200 || text.split(/\s+/).length < capitalTeaserMinimumWords) continue
    if (/\p{Ll}/u.test(text) || !/\p{Lu}/u.test(text)) continue
    if (linkTextLength(paragraph) < text.length * 0.9) continue
    removeNode(paragraph)
  }
}

const titleText = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ').trim()

/** The page's title (set by postprocessArticle). */
let titleOfPage = ''

/** The first of leafBlocks(content), without walking the rest of the article. */
function firstLeafBlock(content: Element): Leaf | null {
  const visit = (element: Element): { leaf: Leaf | null; hasBlock: boolean } => {
    let hasBlock = false
    for (const child of Array.from(element.children)) {
      const found = visit(child)
      if (found.leaf) return found
      if (found.hasBlock) hasBlock = true
    }
    const isBlock = leafTags.has(element.tagName.toUpperCase())
    if (isBlock && !hasBlock && element !== content) {
      const text = textOf(element)
      if (text) return { leaf: { element, text }, hasBlock: true }
    }
    return { leaf: null, hasBlock: hasBlock || isBlock }
  }
  return visit(content).leaf
}

/**
 * The headline repeated as the article's first line (a `<p>` or `<h4>` Readability does not take
 * for a header): the reader shows the title above the text already. Only the first line, and only
 * when the page's title is that line, or that line and the site's name ("Headline - Site").
 */
function removeLeadingTitle(content: Element): void {
  const first = firstLeafBlock(content)
  if (!first || first.text.length > 200) return
  const line = titleText(first.text)
  if (line.length < 10 || !titleOfPage.startsWith(line)) return
  const rest = titleOfPage.slice(line.length)
  if (rest === '' || /^ ?[-|–—:·•»] /.test(rest))
    removeNode(outermostWrapper(first.element, content))
}

const rules: Record<string, Rule> = {
  'link-blocks': removeLinkBlocks,
  'boilerplate-lines': removeBoilerplateLines,
  'furniture-classes': removeFurnitureClasses,
  'related-sections': removeRelatedSections,
  'read-also': removeReadAlsoLines,
  'author-boxes': removeAuthorBoxes,
  'teaser-lists': removeTeaserLists,
  credits: removeCredits,
  'date-lines': removeDateLines,
  'edge-furniture': removeEdgeFurniture,
  'interface-lines': removeInterfaceLines,
  'teaser-classes': removeTeaserClasses,
  'repeated-captions': removeRepeatedCaptions,
  'print-only': removePrintOnly,
  'link-lines': removeLinkLines,
  'trailing-links': removeTrailingLinks,
  'reader-appeals': removeReaderAppeals,
  'meta-lines': removeMetaLines,
  disclosures: removeDisclosures,
  'widget-notices': removeWidgetNotices,
  'more-reading': removeMoreReadingLines,
  'meta-bars': removeMetaBars,
  'hover-cards': removeHoverCards,
  'capital-teasers': removeCapitalTeasers,
  'leading-title': removeLeadingTitle
}
export const postprocessRuleNames = Object.keys(rules)

export function postprocessArticle(
  content: Element,
  baseUrl: string,
  options: PostprocessOptions = {}
): void {
  // Only the article needs absolute URLs: resolving them here touches ~80 elements, not ~700.
  absolutizeUrls(content, baseUrl)
  sitesOfPage = pageSites(baseUrl, options.canonicalUrl)
  titleOfPage = titleText(options.title ?? '')
  forget()
  for (const [name, rule] of Object.entries(rules)) {
    if (!options.disabledRules?.includes(name)) rule(content)
  }
}
