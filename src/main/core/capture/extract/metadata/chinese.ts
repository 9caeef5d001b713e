/** The "发布时间：… 作者：…" lines of Chinese news sites, GNE-style. */
import { parseDate } from './dates'

// GNE-style lines: "发布时间：2019-09-07 16:28", "作者：张三", "责任编辑：李四".
const chineseDatePattern =
  /(?:发布时间|发布日期|发表时间|时间|日期|发布于)\s*[:：]?\s*(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}[:：]\d{1,2}(?:[:：]\d{1,2})?)?)/
const looseDatePattern =
  /(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*\d{1,2}[:：]\d{1,2}(?:[:：]\d{1,2})?)/
// The label starts a word: "王文：中美贸易…" is the columnist 王文 and a title, not "文：" (text by);
// a role may sit between the label and the name ("文/观察者网专栏作者 王文").
// A label right after another ("作者：责任编辑：肖春芳") names nobody.
const chineseAuthorPattern =
  /(?<!\p{Script=Han})(?:作者|责任编辑|责编|编辑|记者|撰文|文)\s*[:：丨|/]\s*(?:[\u4e00-\u9fa5]{0,12}(?:作者|记者|通讯员)\s+)?(?!作者|责任编辑|责编|编辑|记者|来源)([\u4e00-\u9fa5·]{2,20}|[A-Za-z·]{2,20})/u

export function chineseByline(bodyText: () => string): string | null {
  return bodyText().match(chineseAuthorPattern)?.[1] ?? null
}

// "来源：新华网": the agency or paper a story comes from, which Chinese sites print where no
// journalist is named.
const chineseSourcePattern =
  /(?<!\p{Script=Han})来源\s*[:：]\s*(?!作者|责任编辑|责编|编辑|记者)([\u4e00-\u9fa5·]{2,20})/u

export function chineseSource(bodyText: () => string): string | null {
  return bodyText().match(chineseSourcePattern)?.[1] ?? null
}

export const isChinesePage = (document: Document): boolean =>
  /\p{Script=Han}{4}/u.test(document.title ?? '')

export function chineseDate(bodyText: () => string): number | null {
  const text = bodyText()
  return parseDate(text.match(chineseDatePattern)?.[1] ?? text.match(looseDatePattern)?.[1])
}
