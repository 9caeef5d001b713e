/**
 * What the rules know of the page they clean, created once per page: the facts read before
 * Readability (its address, canonical address and title), the rules switched off, and the text
 * the post-processing rules remember between them.
 */
import { textOf as plainTextOf } from '../dom'
import { findLeafBlocks, type Leaf } from './blocks'

export interface PageFacts {
  /** The URL relative links resolve against. */
  baseUrl: string
  /**
   * The page's canonical URL (read before Readability, which can leave the page's document
   * without its head): links to its site are the site's own.
   */
  canonicalUrl?: string | null
  /** The page's title from its metadata. */
  title?: string | null
  /** Names of rules to skip, for measuring each rule's effect. */
  disabledRules?: readonly string[]
}

export interface RuleContext {
  readonly baseUrl: string
  readonly canonicalUrl: string | null
  readonly title: string | null
  isEnabled(name: string): boolean
  /** A node's text with whitespace collapsed, remembered until the next `remove`. */
  textOf(node: Node | null | undefined): string
  /** Blocks without blocks inside, in document order, with their text: the article's "lines". */
  leafBlocks(content: Element): readonly Leaf[]
  /** Removes a node; the only change the post-processing rules make to the article. */
  remove(node: ChildNode): void
  /** Drops what was remembered: the document changed other than by `remove` (Readability ran). */
  forget(): void
  /** Starts a new record of removals, so that one rule's can be measured and put back. */
  startRemovals(): void
  /** Characters of text removed since `startRemovals` (whitespace collapsed, as `textOf`). */
  removedLength(): number
  /** Puts back every node removed since `startRemovals`, where it was. */
  undoRemovals(): void
}

/** A removed node and where it was, to put it back. */
interface Removal {
  node: ChildNode
  parent: ParentNode | null
  next: ChildNode | null
}

/**
 * The rules read the same blocks' text many times over (~25 rules, each walking the article): the
 * text, and each element's list of leaf blocks, are remembered until the next removal, which is
 * the only change the post-processing rules make. Most rules remove nothing on most pages.
 */
export function createRuleContext(page: PageFacts): RuleContext {
  const disabled = new Set(page.disabledRules ?? [])
  let remembered = new WeakMap<Node, string>()
  let rememberedLeaves = new WeakMap<Element, readonly Leaf[]>()
  let removals: Removal[] = []
  let removedNodes = new Set<Node>()
  let removedLength = 0
  const context: RuleContext = {
    baseUrl: page.baseUrl,
    canonicalUrl: page.canonicalUrl ?? null,
    title: page.title ?? null,
    isEnabled: (name) => !disabled.has(name),
    textOf(node) {
      if (!node) return ''
      let text = remembered.get(node)
      if (text === undefined) {
        text = plainTextOf(node)
        remembered.set(node, text)
      }
      return text
    },
    leafBlocks(content) {
      let leaves = rememberedLeaves.get(content)
      if (!leaves) {
        leaves = findLeafBlocks(content, context)
        rememberedLeaves.set(content, leaves)
      }
      return leaves
    },
    remove(node) {
      // Text inside a node already removed counts once. (Readability's article element is not
      // attached to the page's document, so `isConnected` cannot tell.)
      if (!insideAny(node, removedNodes)) removedLength += context.textOf(node).length
      removedNodes.add(node)
      removals.push({ node, parent: node.parentNode, next: node.nextSibling })
      node.remove()
      context.forget()
    },
    startRemovals() {
      removals = []
      removedNodes = new Set()
      removedLength = 0
    },
    removedLength: () => removedLength,
    undoRemovals() {
      // Last removed first: each node's next sibling is back in place before the node returns.
      for (const { node, parent, next } of removals.reverse()) parent?.insertBefore(node, next)
      context.startRemovals()
      context.forget()
    },
    forget() {
      remembered = new WeakMap()
      rememberedLeaves = new WeakMap()
    }
  }
  return context
}

function insideAny(node: Node, removed: ReadonlySet<Node>): boolean {
  if (removed.size === 0) return false
  for (let ancestor = node.parentNode; ancestor; ancestor = ancestor.parentNode) {
    if (removed.has(ancestor)) return true
  }
  return false
}
