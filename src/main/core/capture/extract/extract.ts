/**
 * Article extraction (DESIGN.md §3 steps 4–5): parse with linkedom, read metadata, pre-process,
 * run Readability, post-process, sanitize, and derive text, word count and images.
 */
import { Readability } from '@mozilla/readability'
import { FolioError } from '../../../../shared/errors'
import { parseDocument, textOf } from './dom'
import { resolveLazyImages } from './images'
import { chooseByline } from './metadata/byline'
import { signatureByline } from './metadata/byline-credits'
import { readMetadata } from './metadata/metadata'
import { createRuleContext, type RuleContext } from './rules/context'
import type { ExtractedArticle } from './protocol'
import { postprocessArticle, preprocessDocument } from './rules'
import { sanitizeArticleHtml, trimForSanitizer } from './sanitize'
import { blockText, textMeasures } from './text'

// Bumped in version.ts, which the main thread reads without loading the extractor.
export { extractorVersion } from './version'

/** What extraction returns: declared once, as the schema the worker's answers are checked with. */
export type { ExtractedArticle } from './protocol'

export interface ExtractInput {
  html: string
  url: string
}

function failed(url: string, reason: string): FolioError {
  return new FolioError(
    'extract_failed',
    `Could not find a readable article at ${url} (${reason}).`
  )
}

function cleanDirection(value: string | null | undefined): 'ltr' | 'rtl' | null {
  return value === 'rtl' || value === 'ltr' ? value : null
}

const cjkRun = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu

/** A language guess from the text when the page declares none: only scripts that are unambiguous. */
function guessLanguage(text: string): string | null {
  const sample = text.slice(0, 2000)
  const cjk = sample.match(cjkRun)?.length ?? 0
  // A page is CJK when over a fifth of its characters are (English pages quote the odd name).
  if (cjk < sample.length / 5) return null
  if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(sample)) return 'ja'
  if (/\p{Script=Hangul}/u.test(sample)) return 'ko'
  return 'zh'
}

export function extractArticle(input: ExtractInput): ExtractedArticle {
  return extractArticleWith(input, {})
}

export interface ExtractOptions {
  /** Pre- and post-processing rules to skip; the benchmark measures each rule this way. */
  disabledRules?: readonly string[]
}

interface ArticleContent {
  content: Element
  title: string | null
  byline: string | null
  siteName: string | null
  lang: string | null
  dir: string | null
  excerpt: string | null
}

// Page furniture that the fallback drops; Readability does its own, finer, version of this.
const fallbackJunk =
  'nav, header, footer, aside, form, [role="navigation"], [role="banner"], [role="contentinfo"]'

/**
 * When Readability finds no article (short pages, unusual markup), the page's main region is
 * still better than nothing: `articleBody`, `<article>`, `<main>`, else the body.
 */
function fallbackContent(html: string, context: RuleContext): ArticleContent | null {
  const document = parseDocument(html)
  resolveLazyImages(document)
  preprocessDocument(document, context)
  // The most specific region first: a page's <main> often holds its <article> and a sidebar.
  const root =
    document.querySelector('[itemprop="articleBody"]') ??
    document.querySelector('article') ??
    document.querySelector('main, [role="main"]') ??
    document.body
  if (!root) return null
  for (const junk of Array.from(root.querySelectorAll(fallbackJunk))) junk.remove()
  const fields = { title: null, byline: null, siteName: null, lang: null, dir: null, excerpt: null }
  return { content: root, ...fields }
}

function readabilityContent(document: Document): ArticleContent | null {
  // The serializer hands back the content element itself: post-processing works on it directly
  // instead of re-parsing Readability's HTML string.
  const readability = new Readability<Element>(document, {
    // Classes stay for the post-processing rules; the sanitizer drops them.
    keepClasses: true,
    serializer: (node) => node as Element
  })
  const article = readability.parse()
  if (!article?.content) return null
  return {
    content: article.content,
    title: article.title?.trim() || null,
    byline: article.byline?.trim() || null,
    siteName: article.siteName ?? null,
    lang: article.lang ?? null,
    dir: article.dir ?? null,
    excerpt: article.excerpt ?? null
  }
}

/**
 * Sites truncate or break their title metadata (an unescaped quote in `og:title` cuts it short,
 * as on 163.com); when the page's headline begins with the chosen title and goes on, it is the
 * whole title.
 */
function completeTitle(title: string, headline: string): string {
  const whole = headline.trim()
  return whole.length > title.length && whole.length <= 300 && whole.startsWith(title)
    ? whole
    : title
}

/**
 * Recipe sites often draw the ingredient list with scripts or in a widget Readability drops, while
 * their JSON-LD lists it: when most of those lines are missing from the article, they go first.
 */
// The heading in the page's language where we know the word; English otherwise.
const ingredientsHeading: Record<string, string> = {
  de: 'Zutaten',
  es: 'Ingredientes',
  fr: 'Ingrédients',
  it: 'Ingredienti',
  ja: '材料',
  nl: 'Ingrediënten',
  pl: 'Składniki',
  pt: 'Ingredientes',
  zh: '配料'
}

function addMissingIngredients(content: Element, ingredients: string[], lang: string | null): void {
  if (ingredients.length === 0) return
  const text = textOf(content).toLowerCase()
  const missing = ingredients.filter((line) => !text.includes(line.toLowerCase()))
  if (missing.length <= ingredients.length / 2) return
  const document = content.ownerDocument
  const heading = document.createElement('h2')
  heading.textContent = ingredientsHeading[lang?.slice(0, 2).toLowerCase() ?? ''] ?? 'Ingredients'
  const list = document.createElement('ul')
  for (const line of ingredients) {
    const item = document.createElement('li')
    item.textContent = line
    list.append(item)
  }
  content.prepend(heading, list)
}

/** extractArticle with rules switched off, for measuring them. */
export function extractArticleWith(input: ExtractInput, options: ExtractOptions): ExtractedArticle {
  const { html, url } = input
  const document = parseDocument(html)
  if (!document.body) throw failed(url, 'the page has no body')
  const metadata = readMetadata(document, url)
  const context = createRuleContext({
    baseUrl: metadata.baseUrl,
    canonicalUrl: metadata.canonicalUrl,
    title: metadata.title,
    disabledRules: options.disabledRules
  })
  resolveLazyImages(document)
  const fallbackTitle = textOf(document.querySelector('h1'))
  preprocessDocument(document, context)
  const article = readabilityContent(document) ?? fallbackContent(html, context)
  if (!article) throw failed(url, 'no article content was found')
  postprocessArticle(article.content, context)
  const signature = signatureByline(article.content)
  addMissingIngredients(article.content, metadata.ingredients, metadata.lang)
  trimForSanitizer(article.content)
  const { root, contentHtml } = sanitizeArticleHtml(article.content.innerHTML)
  const text = blockText(root)
  if (!text) throw failed(url, 'the article has no text')
  const images = Array.from(
    root.querySelectorAll('img'),
    (image) => image.getAttribute('src') ?? ''
  )
  return {
    title: completeTitle(article.title || metadata.title || fallbackTitle || url, fallbackTitle),
    byline: chooseByline(metadata, article.byline, signature),
    siteName: metadata.siteName ?? article.siteName,
    lang: metadata.lang ?? article.lang ?? guessLanguage(text),
    dir: cleanDirection(article.dir) ?? metadata.dir,
    excerpt: metadata.excerpt ?? article.excerpt,
    publishedAt: metadata.publishedAt,
    canonicalUrl: metadata.canonicalUrl,
    leadImageUrl: metadata.leadImageUrl ?? images[0] ?? null,
    keywords: metadata.keywords,
    contentHtml,
    text,
    ...textMeasures(text),
    images: Array.from(new Set(images.filter(Boolean)))
  }
}
