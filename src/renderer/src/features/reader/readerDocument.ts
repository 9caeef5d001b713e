import type { Article } from '../../../../shared/types'
import type { Preferences, ShownTheme } from './preferences'

/** The article runs in a sandboxed frame with no scripts and a CSP of its own (DESIGN.md §5). */
function readerCsp(imageSources: string): string {
  return `default-src 'none'; img-src ${imageSources}; style-src 'unsafe-inline'`
}

const latinStacks = {
  serif: "'Iowan Old Style', Charter, 'Source Serif 4', Georgia, 'Noto Serif', 'DejaVu Serif'",
  sans: "Inter, 'Source Sans 3', 'Helvetica Neue', Arial, 'Noto Sans', 'DejaVu Sans'",
  system: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans'"
} as const

/** CJK faces per script; Latin text in the same article keeps the Latin face listed first. */
const cjkStacks: Record<'zh-hans' | 'zh-hant' | 'ja' | 'ko', { serif: string; sans: string }> = {
  'zh-hans': {
    serif: "'Songti SC', 'Noto Serif CJK SC', 'Source Han Serif SC', 'SimSun'",
    sans: "'PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC', 'Microsoft YaHei', 'WenQuanYi Zen Hei'"
  },
  'zh-hant': {
    serif: "'Songti TC', 'Noto Serif CJK TC', 'Source Han Serif TC', 'PMingLiU'",
    sans: "'PingFang TC', 'Noto Sans CJK TC', 'Microsoft JhengHei', 'WenQuanYi Zen Hei'"
  },
  ja: {
    serif: "'Hiragino Mincho ProN', 'Yu Mincho', 'Noto Serif CJK JP', 'Source Han Serif JP'",
    sans: "'Hiragino Sans', 'Yu Gothic', 'Noto Sans CJK JP', 'Meiryo', 'WenQuanYi Zen Hei'"
  },
  ko: {
    serif: "'AppleMyungjo', 'Noto Serif CJK KR', 'Source Han Serif KR', 'Batang'",
    sans: "'Apple SD Gothic Neo', 'Noto Sans CJK KR', 'Malgun Gothic', 'WenQuanYi Zen Hei'"
  }
}

export function cjkScript(lang: string | null): keyof typeof cjkStacks | null {
  const tag = (lang ?? '').toLowerCase()
  if (/^zh-(hant|tw|hk|mo)/.test(tag)) return 'zh-hant'
  if (tag.startsWith('zh')) return 'zh-hans'
  if (tag.startsWith('ja')) return 'ja'
  if (tag.startsWith('ko')) return 'ko'
  return null
}

export function fontStack(font: Preferences['font'], lang: string | null): string {
  const script = cjkScript(lang)
  const cjk = script ? cjkStacks[script][font === 'serif' ? 'serif' : 'sans'] + ', ' : ''
  const generic = font === 'serif' ? 'serif' : 'sans-serif'
  return `${latinStacks[font]}, ${cjk}'WenQuanYi Zen Hei', ${generic}`
}

export const readerColors: Record<
  ShownTheme,
  { bg: string; fg: string; muted: string; link: string; rule: string }
> = {
  light: { bg: '#fbfaf8', fg: '#1f1d1a', muted: '#6f6a62', link: '#9a4a1f', rule: '#e2ded7' },
  dark: { bg: '#1b1a18', fg: '#e4dfd6', muted: '#a39d93', link: '#e0935f', rule: '#34312d' },
  sepia: { bg: '#f4ecd8', fg: '#3b2f20', muted: '#7a6a52', link: '#8a4a17', rule: '#e0d4b8' }
}

/** The rules that follow the reader's settings; swapped in place so the frame never reloads. */
export function preferenceCss(
  preferences: Preferences,
  theme: ShownTheme,
  lang: string | null
): string {
  const colors = readerColors[theme]
  return `:root{--bg:${colors.bg};--fg:${colors.fg};--muted:${colors.muted};--link:${colors.link};--rule:${colors.rule};color-scheme:${theme === 'dark' ? 'dark' : 'light'}}
body{font-family:${fontStack(preferences.font, lang)};font-size:${preferences.fontSize}px;line-height:${preferences.lineHeight}}`
}

const baseCss = `html{background:var(--bg);color:var(--fg);-webkit-text-size-adjust:100%}
body{margin:0 auto;padding:0 0 8px;overflow-wrap:break-word;text-rendering:optimizeLegibility;-webkit-font-smoothing:antialiased}
:lang(zh),:lang(ja),:lang(ko){line-break:strict;word-break:normal;text-align:justify;hanging-punctuation:allow-end}
:lang(zh) body,:lang(ja) body{letter-spacing:.02em}
p,ul,ol,blockquote,figure,pre,table{margin:0 0 1em}
h1,h2,h3,h4{line-height:1.25;margin:1.6em 0 .6em;font-weight:650}
h1{font-size:1.6em}h2{font-size:1.35em}h3{font-size:1.15em}
a{color:var(--link);text-decoration-thickness:1px;text-underline-offset:2px}
img,video,svg{max-width:100%;height:auto}img[data-missing]{display:none}
figure{margin-inline:0}figcaption{color:var(--muted);font-size:.85em;margin-top:.4em}
blockquote{margin-inline:0;padding-inline-start:1em;border-inline-start:3px solid var(--rule);color:var(--muted)}
pre{overflow-x:auto;padding:.8em 1em;background:color-mix(in srgb,var(--fg) 6%,transparent);border-radius:6px;font-size:.85em;line-height:1.5}
code{font-family:ui-monospace,'SF Mono',Menlo,Consolas,'DejaVu Sans Mono',monospace;font-size:.9em}
table{border-collapse:collapse;display:block;overflow-x:auto}td,th{border:1px solid var(--rule);padding:.3em .6em}
hr{border:0;border-top:1px solid var(--rule);margin:2em 0}`

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
}

/**
 * The frame's whole document. Links open outside the frame (`<base target>`); the parent fills
 * the `folio-preferences` style and reads the height, which needs the frame's origin but no script.
 */
export function readerDocumentHtml(
  article: Article,
  contentHtml: string,
  imageSources: string
): string {
  const lang = article.lang ? ` lang="${escapeAttribute(article.lang)}"` : ''
  const dir = article.dir ? ` dir="${article.dir}"` : ''
  return `<!doctype html><html${lang}${dir}><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${readerCsp(imageSources)}"><base target="_blank"><style>${baseCss}</style><style id="folio-preferences"></style></head><body>${contentHtml}</body></html>`
}
