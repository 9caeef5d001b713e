/** Formulas kept in their sentence. */
import { textOf } from '../dom'
import type { PreRule } from './rule'

/**
 * MathJax wraps each formula in custom elements (`<mjx-container class="MathJax
 * CtxtMenu_Attached_0">`) that Readability drops: their class says "menu", and it does not take
 * an unknown element for text inside a paragraph. Wrappers that hold only a formula become plain
 * `<span>`s, so the formula stays in its sentence.
 */
export function keepFormulas(document: Document): void {
  for (const math of Array.from(document.querySelectorAll('math'))) {
    const text = textOf(math)
    let wrapper = math.parentElement
    while (wrapper && wrapper.tagName !== 'BODY' && textOf(wrapper) === text) {
      const parent = wrapper.parentElement
      if (wrapper.tagName.includes('-')) {
        const span = document.createElement('span')
        span.append(...Array.from(wrapper.childNodes))
        wrapper.replaceWith(span)
      } else {
        wrapper.removeAttribute('class')
        wrapper.removeAttribute('id')
      }
      wrapper = parent
    }
  }
}

export const formulas: PreRule = { name: 'formulas', stage: 'pre', apply: keepFormulas }
