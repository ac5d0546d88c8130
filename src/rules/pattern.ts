/**
 * A rule pattern as stages use it: the linear-time regex (safe-pattern.ts) behind a prefilter
 * (prefilter.ts) that answers most texts without running it. Built-in and user packs alike.
 */
import { prefilterOf, type Prefilter } from './prefilter.js';
import { compileSafePattern } from './safe-pattern.js';

const INLINE_FLAGS = /^\(\?([ims]+)\)/;

export class Pattern {
  /** The pattern as written in the pack (`(?i)^copyright`). */
  readonly source: string;
  /** For a pattern anchored at the start: the UTF-16 units a matching text can start with. */
  readonly firstChars: ReadonlySet<number> | null;
  private readonly regex: RegExp;
  private readonly prefilter: Prefilter;

  constructor(source: string) {
    this.source = source;
    this.regex = compileSafePattern(source);
    const inline = INLINE_FLAGS.exec(source);
    const flags = inline?.[1] ?? '';
    this.prefilter = prefilterOf(inline ? source.slice(inline[0].length) : source, {
      ignoreCase: flags.includes('i'),
      multiline: flags.includes('m'),
    });
    const first = this.prefilter.firstChars;
    this.firstChars = first && new Set([...first].map((c) => c.charCodeAt(0)));
  }

  /** Could `text` match at all? (A necessary condition, far cheaper than the regex.) */
  mayMatch(text: string): boolean {
    const { literalGroups, lowerCase } = this.prefilter;
    const firstChars = this.firstChars;
    if (firstChars && !firstChars.has(text.charCodeAt(0))) return false;
    if (!literalGroups.length) return true;
    const hay = lowerCase ? lowerCased(text) : text;
    return literalGroups.every((group) => group.some((literal) => hay.includes(literal)));
  }

  test(text: string): boolean {
    return this.mayMatch(text) && this.regex.test(text);
  }

  exec(text: string): RegExpExecArray | null {
    return this.mayMatch(text) ? this.regex.exec(text) : null;
  }

  /** How many capture groups the pattern has (for templates that name them). */
  get groups(): number {
    return new RegExp(`${this.regex.source}|`).exec('')!.length - 1;
  }
}

// Stages try many patterns on one text in a row: it is lower-cased once for all of them.
let lastText = '';
let lastLower = '';
function lowerCased(text: string): string {
  if (text !== lastText) {
    lastText = text;
    lastLower = text.toLowerCase();
  }
  return lastLower;
}

/** `(?i)foo|bar` → `(?i)^(?:foo|bar)`: markers and prefixes are matched at the start of a text. */
export function anchored(source: string): string {
  const flags = INLINE_FLAGS.exec(source)?.[0] ?? '';
  return `${flags}^(?:${source.slice(flags.length)})`;
}
