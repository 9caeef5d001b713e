/**
 * Words of page furniture in the languages of the corpora (English, German, French, Spanish,
 * Portuguese, Italian, Polish, Indonesian, Chinese), for the post-processing rules. Each pattern
 * is tested on the whole text of one short block, never on a paragraph of prose.
 */

// Headings that open a list of other articles: "Related stories", "Auch interessant", "相关阅读".
const relatedHeadings = [
  'related( articles?| stories| posts| content| coverage| news| reading| links| topics)?',
  'more (from [\\w ]{1,30}|stories|news|articles|great [\\w ]+ stories)',
  'more',
  'more [\\w ]{1,25} (news|stories|articles)',
  'read (more|next|also)',
  'also read',
  'see also',
  'further reading',
  'what to read next',
  'you (may|might) also (like|enjoy)',
  'you (may|might) like',
  'recommended( for you| stories| articles)?',
  '(most )?popular( this week| now| stories| articles)?',
  'most (read|viewed|shared)',
  'trending( now| stories)?',
  'latest (news|stories|articles|posts)',
  'recent (articles|posts|stories|news)',
  "don'?t miss",
  'top stories',
  'auch interessant',
  'das könnte (dich|sie) auch interessieren',
  'das thema könnte dich auch interessieren',
  'das könnte dich interessieren',
  'mehr (zum thema|zu diesem thema|dazu|aus dem ressort)\\b.*',
  '(lesen sie|lies) (auch|mehr|weiter)( die folgenden beiträge)?',
  'auch lesen',
  'weitere (artikel|beiträge|infos|informationen|themen|nachrichten|tourentipps)\\b.*',
  'siehe auch',
  'zum weiterlesen',
  'schon gelesen',
  'empfohlene (beiträge|artikel)',
  'beiträge zum thema',
  'neueste (artikel|beiträge)',
  'meistgelesen(e)?( artikel)?',
  'verwandte (artikel|themen|beiträge)',
  'ähnliche (artikel|beiträge)',
  'entdecke(n sie)? (jetzt|weitere)\\b.*',
  'noch mehr infos( für dich)?',
  'themen im artikel',
  'à lire aussi',
  'lire aussi',
  'voir aussi',
  'sur le même sujet',
  'articles similaires',
  'le? (puede|podría) interesar',
  'te (puede|podría) interesar',
  'también te (puede|podría) interesar',
  'lea (también|más)',
  'lee también',
  'vea también',
  'ver también',
  'mira también',
  'noticias relacionadas',
  'artículos relacionados',
  'leia (também|mais)',
  'veja também',
  'notícias relacionadas',
  'leggi anche',
  'articoli correlati',
  'czytaj (też|także|również)',
  'zobacz (też|także|również)',
  'przeczytaj (też|także|również)',
  'polecamy',
  'baca juga',
  '相关(阅读|内容|新闻|文章|推荐|资讯|链接|报道)',
  '(推荐|延伸|热门|扩展)阅读',
  '猜你喜欢',
  '(精彩|热门|为你|今日|app精彩)推荐',
  '热门(文章|新闻)',
  '更多精彩'
]
export const relatedHeadingPattern = new RegExp(
  `^[\\s[(]*(${relatedHeadings.join('|')})[\\s:：.!?？！…)\\]]*$`,
  'iu'
)

/** "Read also: <linked headline>" lines inside the article body. */
export const readAlsoPattern = new RegExp(
  `^[\\s[(]*(${[
    'related',
    'read (more|also|next)',
    'also read',
    'also on [\\w.]+',
    'see (more|also)',
    'more',
    'also',
    'watch',
    'lea( también| más)?',
    'lee también',
    'mire',
    'mira',
    'vea también',
    'ver también',
    'le puede interesar',
    'te puede interesar',
    'puedes ver',
    'leia também',
    'veja também',
    'leia mais',
    'à lire aussi',
    'lire aussi',
    'voir aussi',
    'lesen sie (auch|mehr)',
    'auch lesen',
    'mehr zum thema',
    'siehe auch',
    'czytaj (też|także|również)',
    'zobacz (też|także|również)',
    'leggi anche',
    'baca juga',
    '相关阅读',
    '延伸阅读',
    '推荐阅读'
  ].join('|')})\\s*[:：]`,
  'iu'
)

// Photo credits: "Photo: AP", "(Image: © NASA)", "Credit...Doug Mills", "Foto: dpa",
// "Image copyright Getty Images", "Bild: Jahr Media", "(crédito: X)".
export const creditPattern =
  /^[\s(]*((image|photo|picture|foto|fotos|bild|bilder|credit|credits|crédito|crédit|crédits photos?|imagen|photograph|fot|zdjęcie|titelbild|beitragsbild)(\s+(credit|copyright|by|via|courtesy))?\s*(:|\.\.\.|…|：)|image copyright\b|photo(graph)? (by|courtesy)\b|(bild|foto) via\b)/iu
// A credit line that ends with an agency: "Alex Wong | Getty Images", "TebNad/Shutterstock.com".
export const agencyCreditPattern =
  /(getty( images)?|shutterstock(\.com)?|istock(photo)?(\.com)?|reuters|ap photo|associated press|afp|dpa|epa|imago|picture alliance|picture-alliance|unsplash|pixabay|wenn\.com|bestimage|zuma( press)?|alamy|keystone|ANP|PAP|Télam)[\s/|)]*$/iu
// "Name / Agency" and "Name | Agency": short and without sentence punctuation.
export const slashCreditPattern = /^[\p{L}\p{M} .'’&-]{2,40}\s?[/|]\s?[\p{L}\p{M} .'’&/|-]{2,60}$/u

// Call-to-action blurbs at the article's edges: newsletters, apps, social follow prompts.
export const promoPattern =
  /\b(subscribe|subscribers?|newsletters?|sign up|sign-up|signing up|follow (us|him|her|me|them|[\p{Lu}][\p{L}]+) on|download (the|our)\b|get the [\w ]{1,30} app|click here|in your inbox|to your inbox|join (us|our)|share (this|it) with|like this story|tell us what you think|have a tip|abonnieren|abonnement|jetzt anmelden|folgen sie uns|unterstützen sie|suscr[ií]b|s[ií]guenos|abonnez|zapisz się|subskryp|únete)\b/iu

// Notes at the article's end that are about the article, not part of it.
export const endNotePattern =
  /(contributed (reporting|to this report)|^\(?(additional )?reporting by\b|^\(?editing by\b|^\(?writing by\b|^\(?compiled by\b|^(source|sources|quelle|fuente|źródło)\s*:|^filed under\b|^posted in\b|^tags?\s*[:|]|^tagged\b|^categor(y|ies)\s*:|^kategorie\s*:|^schlagw(ö|o)rter|^themen\s*:|^via [\w.]+$|^this (entry|article|post) was posted\b|^(der|dieser) beitrag wurde\b|^(last )?(modified|updated)\s*:?$|^(keine|no) (kommentare|comments)\b|^comments? (are )?closed|^kommentare (geschlossen|schreiben)|^(post|leave|write|add) a comment|^loading\b|^advert(isement)?$|^anzeige\s*:?$|^werbung$|^reklama$|^iklan$|^publicidad$|^publicité$|^\W*anzeige\W*$)/iu

// Bylines: "By Jane Doe", "von Sina Giebel", "por Juan Pérez".
export const bylinePattern = /^(by|von|par|por|di|door|av|przez|oleh)\s+\S/iu

const months =
  'jan(uary|\\.)?|feb(ruary|\\.)?|mar(ch|\\.)?|apr(il|\\.)?|may|june?|july?|aug(ust|\\.)?|sep(t|tember|\\.)?|oct(ober|\\.)?|nov(ember|\\.)?|dec(ember|\\.)?|januar|februar|märz|mai|juni|juli|oktober|dezember|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia|maret|mei|agustus|desember|ene|abr|ago|dic|gen|mag|giu|lug|set|ott|okt|dez|mär'
const weekdays =
  'mon(day)?|tue(s|sday)?|wed(nesday)?|thu(rs|rsday)?|fri(day)?|sat(urday)?|sun(day)?|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo|segunda-feira|terça-feira|quarta-feira|quinta-feira|sexta-feira|today|yesterday|heute|gestern'
const dateWords =
  'published|updated|posted|first published|last updated|modified|last modified|aktualisiert|veröffentlicht|erstellt|stand|publié|mis à jour|publicado|actualizado|pubblicato|opublikowano|publikacja|on|at|am|um|le|el|de|às|à|a las|uhr|h|et|est|edt|pst|pdt|cst|cdt|gmt|utc|cet|cest|ist|amt|bst|msk|am|pm|a\\.m\\.|p\\.m\\.|of|in'
const dateNamePattern = new RegExp(`(^|[^\\p{L}])(${months}|${weekdays})(?=$|[^\\p{L}])`, 'iu')
const dateWordPattern = new RegExp(
  `(^|[^\\p{L}])(${months}|${weekdays}|${dateWords})(?=$|[^\\p{L}])`,
  'giu'
)

/** A block that is only a date or time, maybe with "Published"/"Updated": "Nov. 20, 2019, 9:28 AM UTC". */
export function isDateLine(text: string): boolean {
  if (text.length > 80 || !/\d/.test(text)) return false
  // A month, a weekday, a time or a numeric date, not just numbers.
  dateWordPattern.lastIndex = 0
  const hasDate = /\d{1,4}[:/.\-年月]\d{1,2}/.test(text) || dateNamePattern.test(text)
  if (!hasDate) return false
  const rest = text
    .replace(dateWordPattern, ' ')
    .replace(/(\d)(st|nd|rd|th|er|e|º|ª)(?![\p{L}])/gu, '$1')
    .replace(/[\d年月日时分秒号]+/g, ' ')
    .replace(/[\s\p{P}\p{S}]+/gu, '')
  return rest.length === 0
}

// Whole lines of the page's interface that Readability kept: buttons, counters, reading times.
export const interfaceLinePattern =
  /^(sign in|log in|login|register|continue reading( below)?|text size|order reprints|today[’']?s paper|media playback is unsupported on your device|this slideshow requires javascript\.?|loading( content)?\s*(\.\.\.|…)?|breaking news|skip (to content|ad)|listen to (this|the) (article|story)|(reading time|tempo de leitura|tiempo de lectura|lesezeit|temps de lecture)\s*:?.{0,20}|ten tekst przeczytasz.{0,30}|\d+ min(ute)?s? read|advert|zurück|back to top|nach oben|drucken|drukuj|bild anzeigen|weiterlesen|mehr anzeigen|show more|load more|lade weitere inhalte|permalink|permalien|\(?noch keine bewertungen\)?|valora esta noticia|hier können sie den artikel bewerten|war der artikel nützlich\??|(möchten sie|artikel gefallen\?)? ?(den artikel|vergiss nicht zu) teilen[?!:]?|share (this|the) (article|story|post)[?!:]?|(\d+\s+)?(kommentare?|comments?|komentarz[ey]?|commentaires?|comentarios?)( insgesamt)?\s*:?\s*\d*|keine kommentare|no comments( yet)?|kommentare (geschlossen|schreiben)|comments (are )?closed)$/iu

// A line that is only an address: "paul.takahashi@chron.com", "twitter.com/name", "Write to X at …".
export const addressLinePattern =
  /^((write to|email|e-mail|contact|reach) [^@]{0,60} at )?(\S+@\S+\.\w+|(https?:\/\/|www\.)\S+|(twitter|facebook|instagram)\.com\/\S+|@\w+)$/iu

// A line that sends the reader to another page: "Hier geht es zur …", "Lesen Sie hier …", "» …".
export const linkLeadInPattern =
  /^\s*(>>|→|hier (geht('s| es)|gibt es|finden sie|findest du|das|die|der|zum|zur|zu)\b|lesen sie hier|mehr (dazu|zum thema|informationen|infos) (hier|unter|finden)|alles (über|zu) .{3,80} (findest du|finden sie) hier|zurück zur|weiter zu\b|(aquí|acá) (puedes|podrás|encontrarás)|pincha aquí|haz clic aquí|cliquez ici|kliknij tutaj)/iu

// Headings of boxes that are not the article: about the author, contact, sources, more links.
export const furnitureHeadingPattern =
  /^(über (den|die) autor(in)?|about the author|autor(en|in)?|authors?|kontakt|contact|ansprechpartner(in)?( zum thema)?|quellen(angaben)?|sources?|weiterführende?r? links?|weitere informationen|zusatzinformationen|more information|further information|teilnehmende blogs|mehr aus dem (channel|ressort)|empfehlung der redaktion|redaktionstipp|heute empfehlen wir|das könnte (dich|sie) auch interessieren)[\s:：.]*$/iu

// Calls to subscribe, donate, join or follow, addressed to the reader: never the article's prose.
// These long patterns run on every short block of every article: without the `u` flag V8 matches
// them case-insensitively some forty times faster (same matches; `\b` is ASCII either way).
export const readerAppealPattern = new RegExp(
  [
    '\\bplease subscribe\\b',
    '\\bsubscribe (now|today|to our|to us)\\b',
    '\\bsign up (for|to) (our|the( free)?( daily| weekly)? newsletter)\\b',
    '\\b(would you )?consider supporting\\b',
    '\\bsupport (our|independent) journalism\\b',
    '\\bfollow (us|the \\w+) on (twitter|facebook|instagram)',
    '\\bget the latest news straight to your\\b',
    '\\bwe want to hear what you think\\b',
    '\\bsubmit (a|your) letter to the editor\\b',
    '\\bnever miss (the latest|a story)\\b',
    '\\bbesuchen sie unseren\\b',
    '\\bgefällt (dir|ihnen) unser\\b',
    '\\bunterstützen sie (uns|unsere arbeit|unabhängigen journalismus)\\b',
    '\\bjetzt (abonnieren|mitglied werden|newsletter)\\b',
    '\\bnewsletter (abonnieren|bestellen)\\b',
    '\\bkennt ihr schon unse?re?n?\\b',
    '\\bhazte (miembro|socio)\\b',
    '\\bapoya(nos)? (el|nuestro)? ?periodismo\\b',
    '\\bnuestro canal de (youtube|telegram|whatsapp)\\b',
    '\\b(únete|suscríbete)\\b',
    '\\bzapraszamy (też )?do subskrypcji\\b',
    '\\babonnez-vous\\b'
  ].join('|'),
  'i'
)

// Lines of a post's metadata: "Kategorie: News", "Verfasst von: Anna | 31. Dezember 2008",
// "Publiziert: 03.04.2020, 12:35", after an optional date and time.
export const metaLinePattern =
  /^[\d\s.:/|,-]*(news date|kategorie|kategorien|category|categories|rubrik|publiziert|veröffentlichung|verfasst von|erstellt am|geschrieben von|aufrufe|hinzugefügt von|publikacja|aktualizacja|last modified|release date|fecha de publicación|publié le)\s*:?(?![\p{L}])/iu

// Notices about the page rather than the story: advertising and affiliate disclosures, rights and
// licence lines, disclaimers. Not "All rights reserved": agency copy ends with it and scrapinghub's
// reference text keeps that line.
export const disclosurePattern = new RegExp(
  [
    '\\bdieser (beitrag|artikel) enthält (werbung|affiliate)',
    '\\b(erhält|erhalten) \\S+ (ggf\\. )?eine provision\\b',
    '\\bprovision vom händler\\b',
    '\\b(this|the) (post|article|page) (may )?contains? affiliate links\\b',
    '\\bwe (may )?(earn|receive) (a )?(small )?commission\\b',
    '\\bcopyrighted property of\\b',
    '\\bwritten permission must be obtained\\b',
    '\\bmateriał chroniony prawem autorskim\\b',
    '\\bveröffentlicht unter der lizenz\\b',
    '\\bstehen inhalte dieser (website|seite) unter\\b',
    '^\\(?alle angaben ohne gewähr\\)?$'
  ].join('|'),
  'i'
)

// The page's own widgets in words: log-in prompts of comment forms, placeholders of blocked
// embeds, toggles and loaders.
export const widgetNoticePattern = new RegExp(
  [
    '\\bsie sind (aktuell |derzeit )?nicht (eingeloggt|angemeldet)\\b',
    '\\b(du musst|sie müssen) (eingeloggt|angemeldet) sein\\b',
    '\\byou must be logged in to (post|leave|write) a comment\\b',
    '\\bklicken sie auf den (unteren )?button,? um den inhalt\\b',
    '\\bmit dem laden des inhalts akzeptieren sie\\b',
    '\\bwir respektieren deine privatsphäre\\b',
    '\\bbesuchen sie die webseite,? um dieses element zu sehen\\b',
    '\\bmit diesem button kannst du\\b',
    '^(externer inhalt|inhalt laden|quellen (ausblenden|anzeigen)|lade weitere inhalte\\W*)$',
    '^den artikel (mit anderen )?teilen'
  ].join('|'),
  'i'
)

// "Read more" lead-ins that the read-also rule does not know, before a linked headline:
// "Dowiedz się więcej: …", "Lesen Sie hier: …", "À lire aussi » …", "Lue myös: …".
export const moreReadingPattern =
  /^[\s[(]*(dowiedz się więcej|przeczytaj więcej|lesen sie hier|à lire aussi|a lire aussi|lue myös|lue lisää|lue aiheesta lisää)\s*[:：»›]/iu

// Words of a post's meta bar: "Kommentarfeed | Kommentare geschlossen | Trackback-URL",
// "Druckansicht | Artikel versenden", "IMPRESSUM | DATENSCHUTZ".
export const metaBarWordPattern =
  /\b(comments?|kommentare?|kommentarfeed|trackback|permalink|impressum|datenschutz|druckansicht|drucken|artikel versenden|tippfehler melden|lesedauer|reading time|print|e-?mail|teilen|share)\b/iu
