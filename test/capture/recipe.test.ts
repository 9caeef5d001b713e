import { describe, expect, it } from 'vitest'
import { extractArticle } from '../../src/main/core/capture/extract/extract'

const story = Array.from(
  { length: 8 },
  (_, index) =>
    `<p>Step ${index + 1}: mix everything slowly in a large bowl and let it rest for a while, then bake it until golden and fragrant.</p>`
).join('')

function recipePage(body: string, lang = 'en'): string {
  const jsonLd = JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'Recipe',
    name: 'Lemon cake',
    recipeIngredient: ['200 g flour', '3 eggs', '1 lemon, zested']
  })
  return `<!doctype html><html lang="${lang}"><head><title>Lemon cake</title>
    <script type="application/ld+json">${jsonLd}</script></head>
    <body><article><h1>Lemon cake</h1>${body}</article></body></html>`
}

describe('recipes', () => {
  it('adds the ingredients a script would have drawn, from the JSON-LD, before the steps', () => {
    const article = extractArticle({
      html: recipePage(`<div id="ingredients-widget"></div>${story}`),
      url: 'https://example.com/cake'
    })
    expect(article.text.startsWith('Ingredients\n\n200 g flour\n\n3 eggs\n\n1 lemon, zested')).toBe(
      true
    )
    expect(article.contentHtml).toContain('<li>1 lemon, zested</li>')
  })

  it('names the list in the language of the page', () => {
    const article = extractArticle({ html: recipePage(story, 'de-DE'), url: 'https://example.de/' })
    expect(article.text.startsWith('Zutaten\n\n200 g flour')).toBe(true)
  })

  it('leaves a page that shows its ingredients as it is', () => {
    const article = extractArticle({
      html: recipePage(
        `<ul><li>200 g flour</li><li>3 eggs</li><li>1 lemon, zested</li></ul>${story}`
      ),
      url: 'https://example.com/cake'
    })
    expect(article.text).not.toContain('Ingredients')
    expect(article.text.match(/3 eggs/g)).toHaveLength(1)
  })
})
