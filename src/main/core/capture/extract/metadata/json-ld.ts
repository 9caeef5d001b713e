/** Article facts from schema.org JSON-LD blocks (`Article`, `NewsArticle`, `BlogPosting`, …). */

export interface JsonLdFacts {
  headline: string | null
  author: string | null
  datePublished: string | null
  dateCreated: string | null
  publisher: string | null
  image: string | null
  keywords: string[]
  language: string | null
  description: string | null
  /** A `Recipe`'s ingredient lines (`recipeIngredient`, or the older `ingredients`). */
  ingredients: string[]
}

type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue }
type JsonObject = { [key: string]: JsonValue }

const articleType = /Article|BlogPosting|Report|NewsArticle|Posting|Review|Recipe/i

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Every object of the blocks, flattening top-level arrays and `@graph`. */
function collectObjects(value: JsonValue, into: JsonObject[]): void {
  if (Array.isArray(value)) {
    for (const item of value) collectObjects(item, into)
  } else if (isObject(value)) {
    into.push(value)
    const graph = value['@graph']
    if (graph) collectObjects(graph, into)
  }
}

function typeOf(object: JsonObject): string {
  const type = object['@type']
  return Array.isArray(type) ? type.join(' ') : typeof type === 'string' ? type : ''
}

type Objects = Map<string, JsonObject>

/**
 * A name from a string, `{name}`, a reference to another object of the graph (Yoast writes
 * `"author": {"@id": "…#/schema/person/…"}`), or the names of an array of these.
 */
function nameOf(value: JsonValue | undefined, byId: Objects): string | null {
  if (typeof value === 'string') return value.trim() || null
  if (Array.isArray(value)) {
    const names = value.map((item) => nameOf(item, byId)).filter((name): name is string => !!name)
    return names.length ? names.join(', ') : null
  }
  if (isObject(value)) {
    const name = nameOf(value.name, byId)
    const referenced = typeof value['@id'] === 'string' ? byId.get(value['@id']) : undefined
    return name ?? (referenced && referenced !== value ? nameOf(referenced.name, byId) : null)
  }
  return null
}

function urlOf(value: JsonValue | undefined): string | null {
  if (typeof value === 'string') return value.trim() || null
  if (Array.isArray(value)) return value.length ? urlOf(value[0]) : null
  if (isObject(value)) return urlOf(value.url ?? value.contentUrl)
  return null
}

function keywordsOf(value: JsonValue | undefined): string[] {
  if (typeof value === 'string')
    return value
      .split(/[,，;；]/)
      .map((word) => word.trim())
      .filter(Boolean)
  if (Array.isArray(value)) return value.flatMap((item) => keywordsOf(item))
  return []
}

function stringOf(value: JsonValue | undefined): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null
}

function linesOf(value: JsonValue | undefined): string[] {
  const values = Array.isArray(value) ? value : [value]
  return values
    .map((item) => (typeof item === 'string' ? item.replace(/\s+/g, ' ').trim() : ''))
    .filter(Boolean)
}

export function parseJsonLd(document: Document): JsonLdFacts {
  const objects: JsonObject[] = []
  for (const script of Array.from(
    document.querySelectorAll('script[type="application/ld+json"]')
  )) {
    try {
      // CMSs wrap the JSON in CDATA sections, comments or trailing semicolons: parse from the
      // first bracket to the last.
      const text = (script.textContent ?? '').replace(/<!\[CDATA\[|\]\]>/g, '')
      const start = text.search(/[[{]/)
      const end = Math.max(text.lastIndexOf('}'), text.lastIndexOf(']'))
      const source = start >= 0 && end > start ? text.slice(start, end + 1) : text
      collectObjects(JSON.parse(source) as JsonValue, objects)
    } catch {
      // Broken JSON-LD is common; the other metadata sources still apply.
    }
  }
  const byId: Objects = new Map()
  for (const object of objects) {
    const id = object['@id']
    if (typeof id === 'string' && !byId.has(id)) byId.set(id, object)
  }
  const article = objects.find((object) => articleType.test(typeOf(object)))
  const withDate = [article, ...objects].find((object) => object && stringOf(object.datePublished))
  return {
    headline: stringOf(article?.headline) ?? stringOf(article?.name),
    author: nameOf(article?.author, byId) ?? nameOf(article?.creator, byId),
    datePublished: stringOf(withDate?.datePublished),
    dateCreated: stringOf(article?.dateCreated),
    publisher: nameOf(article?.publisher, byId),
    image: urlOf(article?.image) ?? urlOf(article?.thumbnailUrl),
    keywords: keywordsOf(article?.keywords),
    language: stringOf(article?.inLanguage),
    description: stringOf(article?.description),
    ingredients: ((recipe) => linesOf(recipe?.recipeIngredient ?? recipe?.ingredients))(
      objects.find((object) => /\bRecipe\b/.test(typeOf(object)))
    )
  }
}
