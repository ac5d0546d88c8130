/**
 * The mirror's byline/date block (`<div><i>author<br>date</i></div>`) at the top of the body: read
 * the authors and the published time from it, then remove it.
 */
import { parseDate, type ParsedDate } from '../dates/parse.js';
import { valueKind } from '../rules/kind.js';
import type { Pattern } from '../rules/pattern.js';
import { MAX_TESTED_TEXT } from '../rules/types.js';
import { Element, Text, type Fragment } from '../tree/dom.js';
import { compileSelector, matches, type Selector } from '../tree/select.js';
import { isBlankText, normalizeSpace, textOf } from '../tree/text.js';
import { excerpt } from './report.js';
import type { CleanContext, Stage } from './stage.js';

/** The mirror's byline/date block at the top of the body: `<div><i>author<br>date</i></div>`. */
export interface BylineRule {
  id: string;
  block: Selector;
  inner: Selector;
  /** Author list separators inside the author line. */
  authorSeparators: Pattern | RegExp;
  /** A lead-in before the names (`By `, `作者：`), removed. */
  authorPrefix?: Pattern;
  /** Author values that mean "none". */
  nullAuthors: readonly string[];
  /**
   * Accepted for packs written before the lead-date stage (clean/lead-date.ts), which now reads a
   * bare date line at the top of any item's body; it changes nothing.
   */
  leadDate?: boolean;
}

const DEFAULT_AUTHOR_SEPARATORS = /\s*[,，、;；]\s*/;

export const bylineKind = valueKind<BylineRule>({
  field: 'byline',
  doc: "the mirror's byline block (`block`/`inner` tags, `authorSeparators`, `authorPrefix`, `nullAuthors`; `leadDate` is still accepted and no longer needed: every item's lead date line is read)",
  schema: {
    type: 'object',
    required: ['id', 'block', 'inner'],
    additionalProperties: false,
    description: "The mirror's byline block at the top of the body: <block><inner>author<br>date</inner></block>.",
    properties: {
      id: { $ref: '#/definitions/id' },
      block: { $ref: '#/definitions/tag' },
      inner: { $ref: '#/definitions/tag' },
      authorSeparators: { $ref: '#/definitions/pattern' },
      authorPrefix: { $ref: '#/definitions/pattern' },
      nullAuthors: { type: 'array', items: { type: 'string' } },
      leadDate: { type: 'boolean' },
    },
  },
  compile: (raw, c, at) => {
    const b = raw as Record<string, unknown>;
    return {
      id: b.id as string,
      block: compileSelector(b.block as string),
      inner: compileSelector(b.inner as string),
      authorSeparators:
        b.authorSeparators !== undefined ? c.pattern(b.authorSeparators, `${at}/authorSeparators`) : DEFAULT_AUTHOR_SEPARATORS,
      ...(b.authorPrefix !== undefined ? { authorPrefix: c.pattern(b.authorPrefix, `${at}/authorPrefix`, { anchored: true }) } : {}),
      nullAuthors: (b.nullAuthors as string[] | undefined) ?? [],
      ...(b.leadDate !== undefined ? { leadDate: b.leadDate as boolean } : {}),
    };
  },
  names: (rule) => [rule.id],
  namesAreIds: true,
});

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
    else if (node instanceof Element) for (let c = node.lastChild; c; c = c.previousSibling) stack.push(c);
  }
  return out.map(normalizeSpace).filter(Boolean);
}

/** `text` split at every match of `separator` (a rule pattern: no global flag on that engine). */
function splitBy(text: string, separator: Pattern | RegExp): string[] {
  if (separator instanceof RegExp) return text.split(separator);
  const parts: string[] = [];
  let rest = text;
  for (let m = separator.exec(rest); m && m[0].length; m = separator.exec(rest)) {
    parts.push(rest.slice(0, m.index));
    rest = rest.slice(m.index + m[0].length);
  }
  parts.push(rest);
  return parts;
}

export function splitAuthors(line: string, rule: BylineRule): string[] {
  const nulls = new Set(rule.nullAuthors.map((s) => s.toLowerCase()));
  const seen = new Set<string>();
  const authors: string[] = [];
  if (line.length > MAX_TESTED_TEXT) return [normalizeSpace(line)]; // no author line is this long; left whole
  const prefix = rule.authorPrefix?.exec(line);
  const names = prefix && prefix.index === 0 ? line.slice(prefix[0].length) : line;
  for (const part of splitBy(names, rule.authorSeparators)) {
    const name = normalizeSpace(part);
    if (!name || nulls.has(name.toLowerCase()) || seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    authors.push(name);
  }
  return authors;
}

/**
 * A zone-less time read as UTC (no zone known) that would be after the capture is a local time
 * east of UTC: its calendar date is what can be known (null when the reading stands).
 */
export function calendarDateIfAfterCapture(date: ParsedDate, ctx: CleanContext): number | null {
  if (!date.timed || date.zoned || ctx.timeZoneKnown || ctx.captured === null || date.ms <= ctx.captured) return null;
  const d = new Date(date.ms);
  const day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  return day <= ctx.captured ? day : null;
}

/** A local time read in a zone nobody named is a guess worth saying. */
function noteZoneGuess(date: ParsedDate, ctx: CleanContext, text: string): void {
  if (date.timed && !date.zoned && !ctx.timeZoneKnown) {
    ctx.report.warn('byline', 'zone-guessed', `"${text}" names no time zone and none is known for this source; read as UTC`);
  }
}

function readByline(root: Fragment, ctx: CleanContext): void {
  for (const { pack, rule } of ctx.rules.values('byline')) {
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
        const day = calendarDateIfAfterCapture(date, ctx);
        published = day ?? date.ms;
        timed = day === null && date.timed;
        if (day !== null)
          ctx.report.warn(
            rule.id,
            'zone-unknown',
            `"${part}" names no time zone, and read as UTC it falls after the capture: kept as a calendar date`,
          );
        else noteZoneGuess(date, ctx, part);
      } else if (index === parts.length - 1 && /\d/.test(part) && hasBreak) unreadDate = part;
      else authors.push(...splitAuthors(part, rule));
    });
    // Only a block of the mirror's exact shape: a date (read or not), or nothing at all. An italic
    // editor's note at the top is not a byline.
    if (published === null && unreadDate === null && parts.length > 0) continue;
    if (unreadDate) ctx.report.warn(rule.id, 'date-unread', `byline date "${unreadDate}" is in no known form; published left empty`);
    ctx.findings.published = published;
    ctx.findings.publishedTimed = timed;
    ctx.findings.authors = [...new Set(authors)];
    block.remove();
    ctx.report.rule(pack, rule.id, {
      action: 'read',
      what: () => `byline "${excerpt(textOf(block))}" as authors and published time; removed from the body`,
      identifiesMirror: true,
    });
    return;
  }
}

export const bylineStage: Stage = {
  id: 'byline',
  reads:
    "byline rules; the first block of the body, invisible elements gone and the mirror's markup still as it was (before the sanitizer renames <i>)",
  leaves: 'authors and the published time in the findings; the byline block out of the body',
  when: (ctx) => ctx.rules.has('byline'),
  run: readByline,
};
