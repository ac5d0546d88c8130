/**
 * A date line in the lead block of any source (`20/07/2020 - 13:56`, `日期：Mon, 20 Jul 2020 …`,
 * `Published: July 20, 2020`), read as the published time and taken out of the body. Packs say what
 * only data can: the labels a date line may carry (`dateLabels`) and a source's numeric date order
 * (`dateOrder`); the capture time rules out readings that cannot be.
 */
import type { ParsedDate } from '../dates/parse.js';
import { readWrittenDate } from '../dates/written.js';
import { valueKind } from '../rules/kind.js';
import type { RulePack } from '../rules/types.js';
import { Element, Text, isShownImage, type DomNode, type Fragment } from '../tree/dom.js';
import { isBlankText, normalizeSpace, textOf } from '../tree/text.js';
import { calendarDateIfAfterCapture } from './byline.js';
import { forEachEdgeBlock } from './edge-blocks.js';
import { excerpt } from './report.js';
import type { CleanContext, Stage } from './stage.js';

export const dateLabelsKind = valueKind<readonly string[]>({
  field: 'dateLabels',
  doc: 'labels a date line in the lead block may start with (`日期`, `Published`), each followed by an optional `:`/`：`',
  schema: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 40 }, maxItems: 200 },
  compile: (raw) => raw as readonly string[],
  names: (labels) => [...labels],
  namesAreIds: false,
  summary: (names) => `${names.length} labels (${names.slice(0, 4).join(', ')}${names.length > 4 ? ', …' : ''})`,
});

export const dateOrderKind = valueKind<'day-first' | 'month-first'>({
  field: 'dateOrder',
  doc: 'how the source writes numeric dates (`day-first`: 20/07/2020, `month-first`: 7/20/2020)',
  schema: { enum: ['day-first', 'month-first'] },
  compile: (raw) => raw as 'day-first' | 'month-first',
  names: (order) => [order],
  namesAreIds: false,
});

/** The rule id --explain names for a lead date read by this stage. */
export const LEAD_DATE_RULE = 'lead-date';
/** How far into the body a date line may stand: blocks before the article's first long one. */
const MAX_LEAD_BLOCKS = 4;
const MAX_DATE_LINE = 100;
/** A lead date is the item's own: more than a week before its capture, a reading is someone else's date. */
const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

const labelPatterns = new WeakMap<readonly string[], RegExp>();

function labelPattern(labels: readonly string[]): RegExp {
  let pattern = labelPatterns.get(labels);
  if (!pattern) {
    const alternatives = [...labels].sort((a, b) => b.length - a.length).map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    pattern = new RegExp(`^(?:${alternatives.join('|') || '(?!)'})\\s*(?:[:：]\\s*|\\s)`, 'i');
    labelPatterns.set(labels, pattern);
  }
  return pattern;
}

function dayFirstOf(ctx: CleanContext): boolean | null {
  const orders = ctx.rules.values('dateOrder');
  // A site's own order before anything a generic pack might say.
  const order = (orders.find((o) => o.pack.kind === 'site') ?? orders[0])?.rule;
  return order === undefined ? null : order === 'day-first';
}

interface Reading {
  date: ParsedDate;
  /** Said once the date is taken. */
  note?: string;
}

/**
 * The one reading that can be the item's date: not after its capture (a zone-less time that would
 * be is kept as its calendar date), and of two day/month readings the one in the week before it.
 */
function plausible(readings: ParsedDate[], ctx: CleanContext, text: string): Reading | 'ambiguous' | 'after-capture' | null {
  const captured = ctx.captured;
  if (captured === null) return readings.length === 1 ? { date: readings[0]! } : readings.length ? 'ambiguous' : null;
  const fitting: Reading[] = [];
  for (const date of readings) {
    // A bare date is a whole day: it is after the capture only if that day starts after it.
    if (date.ms <= captured + (date.timed ? 0 : DAY_MS - 1)) fitting.push({ date });
    else {
      // Read as UTC it is after the capture: a local time east of UTC, in a zone nobody named.
      const day = calendarDateIfAfterCapture(date, ctx);
      if (day !== null)
        fitting.push({
          date: { ms: day, zoned: false, timed: false },
          note: `"${text}" names no time zone, and read as UTC it falls after the capture: kept as a calendar date`,
        });
    }
  }
  if (!fitting.length) return readings.length ? 'after-capture' : null;
  if (fitting.length === 1) return fitting[0]!;
  const recent = fitting.filter((r) => captured - r.date.ms <= WEEK_MS);
  return recent.length === 1 ? recent[0]! : 'ambiguous';
}

/**
 * The lead block's nodes a date line may be: loose text opening the body, then the first blocks
 * (whatever wrapper holds them: edge-blocks.ts), images passed over, up to the first long block.
 */
function leadNodes(root: Fragment): DomNode[] {
  const out: DomNode[] = [];
  const opening = root.childNodes.find((n) => !isBlankText(n));
  if (opening instanceof Text) out.push(opening);
  forEachEdgeBlock(root, false, MAX_LEAD_BLOCKS * 2, (block, text) => {
    if (out.length >= MAX_LEAD_BLOCKS) return false;
    if (block.getElementsByTagName('img').some(isShownImage)) return true;
    if (text.length > MAX_DATE_LINE) return false;
    out.push(block);
    return true;
  });
  return out;
}

// A byline line of parts: `作者：张三 | 2020-07-20 13:56`, `By Jane Doe · July 20, 2020`.
const PART_SEPARATOR = /\s*[|｜丨·•]\s*|\s{2,}|\s+[-–—]\s+(?=\D)/;
const AUTHOR_LABEL = /^(?:作者|记者|記者|撰文|文|编辑|編輯|by)\s*[:：/]?\s+|^(?:作者|记者|記者|撰文|文|编辑|編輯)\s*[:：/]\s*/i;
const MAX_PART = 40;
/** The parts beside the date are names and labels, not a sentence: short, no sentence end. */
const isMetaPart = (part: string) => part.length <= 24 && !/[。.!?！？]$/.test(part);

interface LeadLine {
  /** The date part, its label taken off. */
  date: string;
  /** The pack whose label it carried, if any. */
  labelledBy: RulePack | null;
  /** Names an author part gives (`By Jane Doe`). */
  authors: string[];
}

function unlabelled(
  text: string,
  labels: ReadonlyArray<{ pack: RulePack; rule: readonly string[] }>,
): { text: string; pack: RulePack | null } {
  for (const { pack, rule } of labels) {
    const m = labelPattern(rule).exec(text);
    if (m) return { text: text.slice(m[0].length), pack };
  }
  return { text, pack: null };
}

/** The line as a date (maybe labelled), or as a few short parts of which one is a date. */
function leadLines(raw: string, labels: ReadonlyArray<{ pack: RulePack; rule: readonly string[] }>): LeadLine[] {
  const whole = unlabelled(normalizeSpace(raw), labels);
  const out: LeadLine[] = [{ date: whole.text, labelledBy: whole.pack, authors: [] }];
  // Split before collapsing: a run of spaces is one of the separators.
  const parts = raw.trim().split(PART_SEPARATOR).map(normalizeSpace).filter(Boolean);
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => p.length > MAX_PART)) return out;
  parts.forEach((part, i) => {
    const others = parts.filter((_, j) => j !== i);
    if (!others.every((o) => AUTHOR_LABEL.test(o) || isMetaPart(o))) return;
    const authors = others.flatMap((o) => {
      const m = AUTHOR_LABEL.exec(o);
      return m
        ? o
            .slice(m[0].length)
            .split(/\s*(?:[,，、;；&]|\band\b|和)\s*/)
            .filter(Boolean)
        : [];
    });
    const { text, pack } = unlabelled(part, labels);
    out.push({ date: text, labelledBy: pack, authors });
  });
  return out;
}

function readLeadDate(root: Fragment, ctx: CleanContext): void {
  const labels = ctx.rules.values('dateLabels');
  const dayFirst = dayFirstOf(ctx);
  for (const node of leadNodes(root)) {
    const line = normalizeSpace(node.textContent);
    let readings: ParsedDate[] = [];
    let found: LeadLine | null = null;
    for (const candidate of leadLines(node.textContent, labels)) {
      readings = readWrittenDate(candidate.date, { timeZone: ctx.timeZone, dayFirst });
      if (readings.length) {
        found = candidate;
        break;
      }
    }
    if (!found) continue;
    const rest = found.date;
    const labelled = found.labelledBy ? { pack: found.labelledBy } : null;
    const reading = plausible(readings, ctx, rest);
    if (reading === 'ambiguous') {
      ctx.report.warn(LEAD_DATE_RULE, 'date-ambiguous', `"${line}" could be day-first or month-first; published left empty`);
      return;
    }
    if (reading === 'after-capture') {
      // The line is a date, so it is not the article; but not this item's date either.
      ctx.report.warn(LEAD_DATE_RULE, 'date-after-capture', `date "${line}" at the top is after the capture time; published left empty`);
      return;
    }
    if (!reading) continue;
    const { date } = reading;
    ctx.findings.published = date.ms;
    ctx.findings.publishedTimed = date.timed;
    if (!ctx.findings.authors.length && found.authors.length) ctx.findings.authors = [...new Set(found.authors)];
    if (reading.note) ctx.report.warn(LEAD_DATE_RULE, 'zone-unknown', reading.note);
    else if (date.timed && !date.zoned && !ctx.timeZoneKnown)
      ctx.report.warn(LEAD_DATE_RULE, 'zone-guessed', `"${rest}" names no time zone and none is known for this source; read as UTC`);
    (node as Element | Text).remove();
    const pack = labelled?.pack ?? labels[0]?.pack ?? ctx.packs[0];
    if (pack)
      ctx.report.rule(pack, LEAD_DATE_RULE, {
        action: 'read',
        what: () => `date ${excerpt(textOf(node))} as the published time; removed from the body`,
      });
    return;
  }
}

export const leadDateStage: Stage = {
  id: 'lead-date',
  reads: 'dateLabels and dateOrder rules, the capture time; the first blocks of the body when no byline gave a date',
  leaves: 'the published time in the findings; the date line out of the body',
  when: (ctx) => ctx.findings.published === null,
  run: readLeadDate,
};
