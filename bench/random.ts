/** A small seeded generator (mulberry32), so every run of a benchmark builds the same data. */
export function mulberry32(seed: number): () => number {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state)
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296
  }
}

/** Mixed-script words (Latin, CJK, Arabic, Cyrillic) for generated titles, tags and text. */
const words = (
  'model language archive reading history design policy climate energy network privacy data ' +
  'markets science 大模型 研究 言語 東京 مرحبا Москва research software security health cities'
).split(' ')

/** A seeded picker and phrase maker over those words, the same for every run of a benchmark. */
export function seededWords(seed: number): {
  random: () => number
  pick: <T>(list: T[]) => T
  word: () => string
  phrase: (count: number) => string
} {
  const random = mulberry32(seed)
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]
  const phrase = (count: number): string =>
    Array.from({ length: count }, () => pick(words)).join(' ')
  return { random, pick, word: () => pick(words), phrase }
}
