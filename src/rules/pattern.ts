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
  /** The prefilter's literal groups, each as its test (see groupTest). */
  private readonly literalTests: readonly GroupTest[];

  constructor(source: string) {
    this.source = source;
    this.regex = compileSafePattern(source);
    const inline = INLINE_FLAGS.exec(source);
    const flags = inline?.[1] ?? '';
    this.prefilter = prefilterOf(inline ? source.slice(inline[0].length) : source, {
      ignoreCase: flags.includes('i'),
      multiline: flags.includes('m'),
    });
    this.literalTests = this.prefilter.literalGroups.map(groupTest);
    const first = this.prefilter.firstChars;
    this.firstChars = first && new Set([...first].map((c) => c.charCodeAt(0)));
  }

  /** Could `text` match at all? (A necessary condition, far cheaper than the regex.) */
  mayMatch(text: string): boolean {
    const firstChars = this.firstChars;
    if (firstChars && !firstChars.has(text.charCodeAt(0))) return false;
    const tests = this.literalTests;
    if (!tests.length) return true;
    const hay = this.prefilter.lowerCase ? lowerCased(text) : text;
    for (let i = 0; i < tests.length; i++) if (!holdsOne(hay, tests[i]!)) return false;
    return true;
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

/**
 * How a text is searched for one literal of a group: a plain search for each of a few, one regex
 * (an alternation of the literals, nothing but them) for more. V8 looks for many literals in one
 * scan far faster than it runs a search per literal: for the 24 of a decorative-image pattern, six
 * times faster, and each image's address meets it.
 */
type GroupTest = RegExp | readonly string[];
const MAX_SEARCHES = 3;

function groupTest(group: readonly string[]): GroupTest {
  return group.length <= MAX_SEARCHES ? group : new RegExp(group.map((l) => l.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|'));
}

function holdsOne(hay: string, test: GroupTest): boolean {
  if (test instanceof RegExp) return test.test(hay);
  for (let i = 0; i < test.length; i++) if (hay.includes(test[i]!)) return true;
  return false;
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
