// What "clean" means for a real mirror dump, checked from the raw dump itself and not from any
// rule pack: the header fields as the dump states them, the date the body shows near its top,
// nothing of the mirror, proxies, rights lines or site chrome left in the body, and no paragraph
// or image of the article lost. Shared by test/corpus/real-items.test.ts and
// scripts/evaluate-real.mjs (which also scores peers' extractions with the same checks).

const WEEK_MS = 7 * 86_400_000;

/** Text that is never the article: the mirror, proxies, rights lines, chrome, leftover markup. */
export const FORBIDDEN = [
  ['mirror', /获取更多RSS|feedx\.(?:net|best|cc)/],
  ['proxy', /images\.weserv\.nl|wsrv\.nl|\/unsafe\/\d+x\d+\/|i[0-3]\.wp\.com\//],
  ['rights', /©|版[权權][声聲]明|版[权權]所有|all rights reserved|图片版权|圖片版權/i],
  [
    'chrome',
    /我们的标准|我們的標準|信任原则|trust principles|appeared first on|feed enhanced by|Image caption|(?:点击|點擊)此[处處]\s*(?:订阅|訂閱)|sign up for our/i,
  ],
  ['markup', /<(?:div|img|span|br|p)\b/i],
  ['null author', /^null\b|\bnull$/],
];

const decodeEntities = (s) =>
  s
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
const plain = (html) =>
  decodeEntities(html.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
/** Text compared without white space (CJK has none, and renderers move it). */
const squash = (s) => s.replace(/\s+/g, '');

/** The dump's header: capture time, title, link; and its body HTML. */
export function readDump(raw) {
  const m = /^<!--(\d+)-->\r?\n\[(.*)\]\((\S+)\)\r?\n-+\r?\n/.exec(raw);
  if (!m) return null;
  return { captured: Number(m[1]), title: m[2], url: m[3], body: raw.slice(m[0].length) };
}

// A date as a lead line shows it: 2020-07-20T06:44:37, 20/07/2020 - 13:56, 2020年7月20日.
const SHOWN_DATE = /\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2})?|\b\d{1,2}\/\d{1,2}\/\d{4}\b|\d{4}年\s*\d{1,2}月\s*\d{1,2}日/;

/** Does the body show a date in its first blocks (before the first long paragraph)? */
export function showsLeadDate(body) {
  const blocks = body
    .split(/<\/(?:p|div|i|h\d)>|<br\s*\/?>/i)
    .map((b) => plain(b).trim())
    .filter(Boolean);
  for (const block of blocks.slice(0, 4)) {
    if (block.length <= 60 && SHOWN_DATE.test(block)) return true;
    if (block.length > 100) return false;
  }
  return false;
}

/** The article's paragraphs in the raw body (`<p>` blocks of some length), as text. */
export function rawParagraphs(body) {
  return [...body.matchAll(/<p\b[^>]*>([\s\S]*?)<\/p>/gi)]
    .map((m) => plain(m[1]).replace(/\s+/g, ' ').trim())
    .filter((t) => t.length >= 30);
}

/** The article's images in the raw body, as their original addresses (proxies seen through). */
export function rawImages(body) {
  const out = new Set();
  for (const m of body.matchAll(/<img\b[^>]*?\ssrc="([^"]+)"/gi)) {
    let url = decodeEntities(m[1]);
    const weserv = /^https?:\/\/(?:images\.)?(?:weserv\.nl|wsrv\.nl)\/?\?url=([^&]+)/.exec(url);
    if (weserv) url = /^https?:/.test(weserv[1]) ? weserv[1] : `https://${weserv[1].replace(/^\/+/, '')}`;
    const thumbor = /^https?:\/\/[^/]+\/unsafe\/(?:[^/]+\/)*?(https?:\/\/.+)$/.exec(url);
    if (thumbor) url = thumbor[1];
    // Dividers and spacers are layout, not the article's images.
    if (/[/_-]line\d*(?:-nc)?\.(?:png|jpe?g)$|spacer|1x1|pixel\.gif/i.test(url)) continue;
    if (/^https?:\/\//.test(url)) out.add(url);
  }
  return [...out];
}

/**
 * The problems of one extraction of a dump. `item`: { title, url, published, captured, authors,
 * rights, text, images: [url] } — published and captured as epoch ms or null. `boilerplate`:
 * paragraphs a human reads as not the article (rights lines and chrome the extraction removed),
 * which are not counted as lost.
 */
export function problemsOf(raw, item) {
  const dump = readDump(raw);
  if (!dump) return ['not a dump'];
  const problems = [];
  if (item.title !== undefined && item.title !== dump.title.replace(/\\([!-/:-@[-`{-~])/g, '$1').replace(/&amp;/g, '&'))
    problems.push('title');
  if (item.url !== undefined && item.url !== dump.url && decodeURI(item.url) !== decodeURI(dump.url)) problems.push('url');
  if (item.captured !== undefined && item.captured !== dump.captured) problems.push('captured');
  if (item.published !== undefined && showsLeadDate(dump.body)) {
    if (item.published === null) problems.push('date unread');
    else if (item.published > dump.captured || dump.captured - item.published > WEEK_MS) problems.push('date implausible');
  }
  for (const [kind, pattern] of FORBIDDEN) {
    if (kind === 'null author') {
      if ((item.authors ?? []).some((a) => pattern.test(a))) problems.push(kind);
    } else if (pattern.test(item.text)) problems.push(kind);
  }
  const text = squash(item.text);
  const kept = (p) => text.includes(squash(p).slice(0, 40));
  const removedOnPurpose = (p) =>
    FORBIDDEN.some(([, pattern]) => pattern.test(p)) || (item.rights ?? []).some((r) => squash(r) === squash(p));
  const paragraphs = rawParagraphs(dump.body);
  if (paragraphs.some((p) => !kept(p) && !removedOnPurpose(p))) problems.push('paragraph lost');
  // A rights line is not the article, but it is not to be lost either.
  const rights = (item.rights ?? []).map(squash);
  if (item.rights && paragraphs.some((p) => /^(?:©|\(c\)|copyright\b)/i.test(p) && !rights.includes(squash(p))))
    problems.push('rights lost');
  if (item.images && rawImages(dump.body).some((url) => !item.images.includes(url))) problems.push('image lost');
  return problems;
}

/** What the checks read of a feedclean item: its times as epoch ms, every image it carries. */
export function checkedFields(item) {
  return {
    title: item.title,
    url: item.url,
    captured: item.captured ? Date.parse(item.captured) : null,
    published: item.published ? Date.parse(item.published) : null,
    authors: item.authors,
    rights: item.rights,
    text: `${item.text}\n${item.markdown}`,
    images: [...item.images, ...item.galleries.flatMap((g) => g.images), ...(item.image ? [item.image] : [])].map((i) => i.url),
  };
}
