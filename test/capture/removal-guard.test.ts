import { describe, expect, it } from 'vitest'
import { parseDocument } from '../../src/main/core/capture/extract/dom'
import { applyPostRules } from '../../src/main/core/capture/extract/rules'
import { createRuleContext } from '../../src/main/core/capture/extract/rules/context'
import type { PostRule } from '../../src/main/core/capture/extract/rules/rule'
import { blockText } from '../../src/main/core/capture/extract/text'

// Twenty paragraphs of the same length (two-digit numbers), so that each is 5% of the text.
const paragraphs = Array.from(
  { length: 20 },
  (_, index) =>
    `<p id="p${index}">Paragraph ${index + 10} of the report on the harbour, which the council read.</p>`
).join('')

function article(): Element {
  const document = parseDocument(`<html><body><div id="article">${paragraphs}</div></body></html>`)
  const content = document.getElementById('article')
  if (!content) throw new Error('no article element')
  return content
}

/** A rule that removes paragraphs `from` up to (not including) `to`, counted from 0. */
function removing(name: string, from: number, to: number): PostRule {
  return {
    name,
    stage: 'post',
    apply(content, context) {
      for (let index = from; index < to; index += 1) {
        const paragraph = content.querySelector(`#p${index}`)
        if (paragraph) context.remove(paragraph)
      }
    }
  }
}

const paragraph = (index: number): string => `Paragraph ${index + 10} `

function run(rules: PostRule[], disabledRules: string[] = []): string {
  const content = article()
  const context = createRuleContext({ baseUrl: 'https://news.example.com/', disabledRules })
  applyPostRules(rules, content, context)
  return blockText(content)
}

const whole = blockText(article())

describe('the removal guard of the post-processing rules', () => {
  it('keeps what a rule removes when it is a small share of the article', () => {
    const text = run([removing('small', 19, 20)])
    expect(text).not.toContain(paragraph(19))
    expect(text).toContain(paragraph(18))
  })

  it('puts back, in their places, the blocks of a rule that would remove over 60% of the text', () => {
    // 13 of 20 paragraphs: 65%.
    expect(run([removing('greedy', 3, 16)])).toBe(whole)
  })

  it('measures each rule against the text left when it runs', () => {
    // 6 of 20 (30%), then 9 of the 14 left (64%, though only 45% of the whole): it stands down.
    const text = run([removing('first', 0, 6), removing('second', 6, 15)])
    expect(text).not.toContain(paragraph(5))
    expect(text).toContain(paragraph(6))
    expect(text).toContain(paragraph(14))
  })

  it('stops the rule that would take the rules together over 75% of the article', () => {
    // 5 of 20, 5 of 15, 5 of 10 (75% in all, allowed), then 1 of the 5 left (80% in all).
    const text = run([
      removing('first', 0, 5),
      removing('second', 5, 10),
      removing('third', 10, 15),
      removing('fourth', 15, 16)
    ])
    expect(text).not.toContain(paragraph(14))
    expect(text).toContain(paragraph(15))
  })

  it('counts the text of a block removed inside one already removed once', () => {
    const content = article()
    const context = createRuleContext({ baseUrl: 'https://news.example.com/' })
    context.startRemovals()
    const first = content.querySelector('#p0')
    if (!first?.firstChild) throw new Error('no paragraph')
    const length = context.textOf(first).length
    context.remove(first)
    context.remove(first.firstChild)
    expect(context.removedLength()).toBe(length)
  })

  it('lets a rule remove what it wants when the guard is switched off', () => {
    const text = run([removing('greedy', 3, 16)], ['removal-guard'])
    expect(text).not.toContain(paragraph(3))
    expect(text).toContain(paragraph(16))
  })
})
