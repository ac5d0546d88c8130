/**
 * The mirror's byline/date block (`<div><i>author<br>date</i></div>`) at the top of the body: read
 * the authors and the published time from it, then remove it.
 */
import { parseDate, type ParsedDate } from '../dates/parse.js';
import { MAX_TESTED_TEXT, type BylineRule } from '../rules/types.js';
import { Element, Text, isShownImage, type DomNode, type Fragment } from '../tree/dom.js';
import { matches } from '../tree/select.js';
import { isBlankText, normalizeSpace, textOf } from '../tree/text.js';
import { excerpt, fired, type CleanContext } from './context.js';

function firstElement(root: Fragment): Element | null {
  for (const child of root.childNodes) {
    if (child instanceof Element) return child;
    if (!isBlankText(child)) return null;
  }
  return null;
}

/** The only element child of `el`, when everything else in it is blank text. */
function soleElementChild(el: Element): Element | null {
  let found: Element | null = null;
  for (const child of el.childNodes) {
    if (child instanceof Element) {
      if (found) return null;
      found = child;
    } else if (!isBlankText(child)) {
      return null;
    }
  }
  return found;
}

/** Text of `el` split at its `<br>`s. */
function lines(el: Element): string[] {
  const out: string[] = [''];
  const stack = [...el.childNodes].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (node instanceof Text) out[out.length - 1] += node.data;
    else if (node instanceof Element && node.tagName === 'br') out.push('');
    else if (node instanceof Element) stack.push(...[...node.childNodes].reverse());
  }
  return out.map(normalizeSpace).filter(Boolean);
}

export function splitAuthors(line: string, rule: BylineRule): string[] {
  const nulls = new Set(rule.nullAuthors.map((s) => s.toLowerCase()));
  const seen = new Set<string>();
  const authors: string[] = [];
  if (line.length > MAX_TESTED_TEXT) return [normalizeSpace(line)]; // no author line is this long; left whole
  for (const part of line.replace(rule.authorPrefix ?? /^$/, '').split(rule.authorSeparators)) {
    const name = normalizeSpace(part);
    if (!name || nulls.has(name.toLowerCase()) || seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    authors.push(name);
  }
  return authors;
}

/** A date stamp opening the body: leading text, or a first paragraph, that is nothing but a date. */
function readLeadDate(root: Fragment, ctx: CleanContext): { node: DomNode; ms: number; timed: boolean } | null {
  const first = root.childNodes.find((n) => !isBlankText(n));
  if (!first) return null;
  // Whatever holds it (a paragraph, a <time>, a <figure> the mirror misused): what counts is that
  // the reader sees nothing but a date first — the same test when our Markdown is read again.
  // (An image counts only with an address: one without is dropped by the sanitizer, unseen.)
  const hasImage = first instanceof Element && first.getElementsByTagName('img').some(isShownImage);
  const candidate = first instanceof Text || (first instanceof Element && !hasImage) ? normalizeSpace(first.textContent) : '';
  const date = candidate.length <= 40 ? parseDate(candidate, ctx.timeZone) : null;
  if (date) noteZoneGuess(date, ctx, candidate);
  return date ? { node: first, ms: date.ms, timed: date.timed } : null;
}

/** A local time read in a zone nobody named is a guess worth saying. */
function noteZoneGuess(date: ParsedDate, ctx: CleanContext, text: string): void {
  if (date.timed && !date.zoned && !ctx.timeZoneKnown)
    ctx.warnings.push(`"${text}" names no time zone and none is known for this source; read as UTC`);
}

export function readByline(root: Fragment, ctx: CleanContext): void {
  for (const pack of ctx.packs) {
    const rule = pack.byline;
    if (!rule) continue;
    const block = firstElement(root);
    if (!block || !matches(block, rule.block)) continue;
    const inner = soleElementChild(block);
    if (!inner || !matches(inner, rule.inner)) continue;
    const hasBreak = inner.getElementsByTagName('br').length > 0;
    const parts = lines(inner);
    let published: number | null = null;
    let timed = true;
    let unreadDate: string | null = null;
    const authors: string[] = [];
    parts.forEach((part, index) => {
      const date = published === null ? parseDate(part, ctx.timeZone) : null;
      if (date) {
        published = date.ms;
        timed = date.timed;
        noteZoneGuess(date, ctx, part);
      } else if (index === parts.length - 1 && /\d/.test(part) && hasBreak) unreadDate = part;
      else authors.push(...splitAuthors(part, rule));
    });
    // Only a block of the mirror's exact shape: a date (read or not), or nothing at all. An italic
    // editor's note at the top is not a byline.
    if (published === null && unreadDate === null && parts.length > 0) continue;
    if (unreadDate) ctx.warnings.push(`byline date "${unreadDate}" is in no known form; published left empty`);
    ctx.findings.published = published;
    ctx.findings.publishedTimed = timed;
    ctx.findings.authors = [...new Set(authors)];
    block.remove();
    fired(ctx, pack, rule.id, {
      action: 'read',
      what: () => `byline "${excerpt(textOf(block))}" as authors and published time; removed from the body`,
      identifiesMirror: true,
    });
    return;
  }
  // No byline block of the mirror's shape: a bare date at the very start is the item's date.
  for (const pack of ctx.packs) {
    const lead = pack.byline?.leadDate ? readLeadDate(root, ctx) : null;
    if (lead) {
      ctx.findings.published = lead.ms;
      ctx.findings.publishedTimed = lead.timed;
      lead.node.remove();
      fired(ctx, pack, `${pack.byline!.id}-lead-date`, {
        action: 'read',
        what: () => `date ${excerpt(textOf(lead.node))} as the published time; removed from the body`,
      });
      return;
    }
  }
}
