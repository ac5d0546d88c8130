/**
 * The learned rules as a rules file (YAML, valid for `--rules` and `schema/rules.schema.json`): one
 * site pack per source, scoped to its host, each rule with an id and a comment saying how many
 * items it was seen in and what it removes, for a person to review. Every string is written as a
 * JSON string (a YAML double-quoted scalar), so nothing in the text can change the file's shape.
 */
import { fixedZone, type DateFinding } from './dates.js';
import type { LearnedSource } from './learner.js';
import type { Proposal, Thresholds } from './propose.js';

const EXAMPLE_CHARS = 80;
const MAX_ID = 64;

const q = (s: string) => JSON.stringify(s);
export const count = (n: number, noun: string) => `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;

/** One line, short, safe in a comment. */
function short(text: string): string {
  const flat = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ');
  return flat.length > EXAMPLE_CHARS ? `${flat.slice(0, EXAMPLE_CHARS - 1)}…` : flat;
}

/** `learned.<host>`, within the id limit (a long host keeps its end, the part that names it). */
export function packId(host: string): string {
  const id = `learned.${host}`;
  return id.length <= MAX_ID - 4 ? id : `learned.${host.slice(host.length - (MAX_ID - 12))}`;
}

const where = (p: Proposal) => (p.end === 'start' ? 'at the start' : 'at the end');

function dateLines(host: string, items: number, date: DateFinding): string[] {
  const lines = [
    `  # date line at the top of ${date.count} of ${items} items, left unread by the general reader: ${q(short(date.example))}`,
    `  # (shape ${q(date.shape)}, read ${date.order ? date.order.toUpperCase() : 'in no one order (day and month both fit)'})`,
  ];
  if (date.offsetHours === null) {
    lines.push('  # no single zone offset makes every reading fall just before its capture: no timeZone proposed');
    return lines;
  }
  const sign = date.offsetHours >= 0 ? '+' : '−';
  lines.push(
    `  # read at UTC${sign}${Math.abs(date.offsetHours)}, every one falls before its capture (the only whole-hour offset that fits);`,
    `  # a fixed offset: if ${host} keeps summer time, put its IANA zone (Europe/Paris, say) here instead`,
    `  timeZone: ${q(fixedZone(date.offsetHours))}`,
  );
  return lines;
}

function packLines(source: LearnedSource): string[] {
  const id = packId(source.host);
  const lines = [`- id: ${q(id)}`, '  kind: "site"', `  hosts: [${q(source.host)}]`];
  lines.push(`  description: ${q(`learned from ${count(source.items, 'item')} of ${source.host}`)}`);
  if (source.date) lines.push(...dateLines(source.host, source.items, source.date));
  const texts = source.proposals.filter((p) => p.kind === 'dropText');
  const images = source.proposals.filter((p) => p.kind === 'decorativeImages');
  if (texts.length) {
    lines.push('  dropText:');
    texts.forEach((p, i) => {
      lines.push(
        `    # ${where(p)} of ${p.count} of ${source.items} items, removes: ${q(short(p.example))}`,
        `    - id: ${q(`${id}.${i + 1}`)}`,
        `      pattern: ${q(p.pattern)}`,
      );
    });
  }
  if (images.length) {
    // Decorative images have no ids of their own: --explain names them `<pack>/decorative-image`.
    lines.push('  decorativeImages:');
    for (const p of images)
      lines.push(`    # ${where(p)} of ${p.count} of ${source.items} items: image ${q(short(p.example))}`, `    - ${q(p.pattern)}`);
  }
  return lines;
}

/** The rules file.  */
export function renderLearned(sources: readonly LearnedSource[], totals: { sources: number; items: number }, t: Thresholds): string {
  const head = [
    `# Learned by feedclean learn from ${count(totals.items, 'item')} of ${count(totals.sources, 'source')}`,
    `# (a block counts when it stands at the same end of the body in at least ${Math.round(t.minShare * 1000) / 10}% of a source's items and in at least ${t.minItems}).`,
    '# Review every rule, then: feedclean --rules learned.yaml -o clean/ archive/',
  ];
  // A file --rules accepts even so: one pack with no rules.
  if (!sources.length)
    return `${[...head, '# Nothing repeats often enough to be learned.', '- id: "learned.nothing"', '  kind: "generic"'].join('\n')}\n`;
  return `${[...head, ...sources.flatMap((s) => ['', ...packLines(s)])].join('\n')}\n`;
}
