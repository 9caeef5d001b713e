import { describe, expect, it } from 'vitest'
import { extractionRules, ruleNames } from '../../src/main/core/capture/extract/rules'

describe('the extraction rules', () => {
  it('keep the names that bench:extract --disable has measured them by, in their order', () => {
    expect(ruleNames).toEqual([
      'hidden',
      'noscript',
      'article-asides',
      'unlikely-wrappers',
      'leads',
      'furniture',
      'embedded-posts',
      'formulas',
      'link-blocks',
      'boilerplate-lines',
      'furniture-classes',
      'related-sections',
      'read-also',
      'author-boxes',
      'teaser-lists',
      'credits',
      'date-lines',
      'edge-furniture',
      'interface-lines',
      'teaser-classes',
      'repeated-captions',
      'print-only',
      'link-lines',
      'trailing-links',
      'reader-appeals',
      'meta-lines',
      'disclosures',
      'widget-notices',
      'more-reading',
      'meta-bars',
      'hover-cards',
      'capital-teasers',
      'leading-title',
      'comments',
      'removal-guard'
    ])
  })

  it('run every pre-processing rule before the first post-processing one', () => {
    const stages = extractionRules.map((rule) => rule.stage)
    expect(stages.lastIndexOf('pre')).toBeLessThan(stages.indexOf('post'))
  })
})
