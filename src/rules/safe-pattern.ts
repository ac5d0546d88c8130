/**
 * Regular expressions from user rule files, compiled so that no input can make them run long.
 *
 * A backtracking regex such as `(a+)+$` takes exponential time on a crafted text, and rule files
 * come from people we do not know, to run over text we did not write. So user patterns run on V8's
 * linear-time engine (the `l` flag, enabled here with `--enable-experimental-regexp-engine`): its
 * running time is linear in the text whatever the pattern. It refuses what it cannot run in linear
 * time — back-references, lookahead and lookbehind, counted repetition above 16 — and those
 * patterns are rejected with that reason; and its time is also proportional to the pattern's
 * compiled size, which is bounded (pattern-cost.ts). It also lacks the `i` flag, so a leading `(?i)` is
 * compiled here into explicit case classes (`a` → `[aA]`). A pattern that the backtracking engine
 * provably runs in linear time as well (anchored and deterministic: deterministic.ts) runs on it.
 */
import { nodeV8 } from '../lazy-node.js';
import { runsInLinearTime } from './deterministic.js';
import { MAX_PATTERN_STATES, patternStates } from './pattern-cost.js';

const MAX_PATTERN_LENGTH = 2_000;
const INLINE_FLAGS = /^\(\?([ims]+)\)/;

let linearEngine: boolean | null = null;

function hasLinearEngine(): boolean {
  if (linearEngine === null) {
    nodeV8().setFlagsFromString('--enable-experimental-regexp-engine');
    try {
      new RegExp('a', 'l');
      linearEngine = true;
    } catch {
      linearEngine = false;
    }
  }
  return linearEngine;
}

/**
 * Compiles a user pattern, or throws an Error whose message says what is wrong (the caller adds
 * the file and the place in it). Flags are written inline at the start: `(?i)`, `(?m)`, `(?s)`.
 */
export function compileSafePattern(pattern: string): RegExp {
  if (pattern.length > MAX_PATTERN_LENGTH) throw new Error(`pattern is longer than ${MAX_PATTERN_LENGTH} characters`);
  const inline = INLINE_FLAGS.exec(pattern);
  const flags = new Set(inline?.[1] ?? '');
  let source = inline ? pattern.slice(inline[0].length) : pattern;
  if (!source) throw new Error('pattern is empty (it would match everything)');
  try {
    new RegExp(source); // syntax first, with the engine's own message
  } catch (error) {
    throw new Error(`not a valid regular expression: ${(error as Error).message.replace(/^Invalid regular expression: /, '')}`, {
      cause: error,
    });
  }
  if (!hasLinearEngine())
    throw new Error('this Node.js has no linear-time regex engine, so user patterns cannot run safely; use Node.js 20 or later');
  if (flags.has('i')) source = withExplicitCase(source);
  // Linear in the text, but times the pattern's states (see pattern-cost.ts): those are bounded too.
  const states = patternStates(source);
  if (states > MAX_PATTERN_STATES)
    throw new Error(
      `pattern is too costly: it compiles to ${Number.isFinite(states) ? `about ${states.toLocaleString('en-US')}` : 'too many'} states, at most ${MAX_PATTERN_STATES} are allowed (a count {n} multiplies what it repeats; every character of a text may step through every state)`,
    );
  let linear: RegExp;
  try {
    linear = new RegExp(source, `${flags.has('m') ? 'm' : ''}${flags.has('s') ? 's' : ''}l`);
  } catch {
    throw new Error(
      'pattern cannot run in linear time: leave out back-references (\\1, \\k<name>), lookahead/lookbehind ((?=, (?!, (?<=, (?<!) and counts above 16 ({n,m})',
    );
  }
  // What the linear engine takes is what a pack may say; one the backtracking engine provably runs
  // in linear time too (deterministic.ts) runs there, 10–20× faster.
  return !flags.has('m') && runsInLinearTime(source, flags.has('s')) ? new RegExp(source, flags.has('s') ? 's' : '') : linear;
}

/**
 * ECMAScript's Canonicalize for a non-Unicode `i` regex: the upper case of a unit when it is one
 * unit, and never a non-ASCII unit folded onto ASCII.
 */
function canonical(unit: number): number {
  const upper = String.fromCharCode(unit).toUpperCase();
  if (upper.length !== 1) return unit;
  const folded = upper.charCodeAt(0);
  return unit >= 128 && folded < 128 ? unit : folded;
}

let equivalents: Map<number, number[]> | null = null;

/**
 * Scripts without case: Han, kana, Hangul, CJK punctuation and compatibility forms. No unit there
 * has another case, and none is another unit's upper case; nor is any unit that is its own upper and
 * lower case (test/rules/safe-pattern.test.ts checks every unit against the full table), so only a
 * pattern with a cased letter beyond ASCII ever needs the table.
 */
const CASELESS: ReadonlyArray<readonly [number, number]> = [
  [0x2e80, 0xa4cf],
  [0xac00, 0xd7ff],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
];

/** Every other unit that an `i` regex treats as `unit` (`s` → `S`; `Σ` → `σ`, `ς`). */
export function otherCases(unit: number): readonly number[] {
  // ASCII folds only onto ASCII (see canonical()), so a letter's one twin is its other case.
  if (unit < 128) {
    const lower = unit | 0x20;
    return lower >= 0x61 && lower <= 0x7a ? [unit ^ 0x20] : [];
  }
  if (CASELESS.some(([from, to]) => unit >= from && unit <= to)) return [];
  // A unit that is its own upper and lower case (punctuation, symbols, most scripts) has no twin.
  const ch = String.fromCharCode(unit);
  if (ch.toUpperCase() === ch && ch.toLowerCase() === ch) return [];
  return otherCasesByTable(unit);
}

/** The same, from the table of every unit (built once, on the first unit outside the fast paths). */
export function otherCasesByTable(unit: number): readonly number[] {
  if (!equivalents) {
    // Built once, on the first `(?i)` pattern: one pass over the Basic Multilingual Plane.
    const byCanonical = new Map<number, number[]>();
    for (let u = 0; u <= 0xffff; u++) {
      const c = canonical(u);
      if (c === u && String.fromCharCode(u).toLowerCase() === String.fromCharCode(u)) continue;
      const group = byCanonical.get(c) ?? [];
      if (!group.length && c !== u) group.push(c);
      group.push(u);
      byCanonical.set(c, group);
    }
    equivalents = new Map();
    for (const group of byCanonical.values()) {
      const unique = [...new Set(group)];
      if (unique.length > 1)
        for (const u of unique)
          equivalents.set(
            u,
            unique.filter((v) => v !== u),
          );
    }
  }
  return equivalents.get(unit) ?? [];
}

const hex4 = (unit: number) => `\\u${unit.toString(16).padStart(4, '0')}`;

/**
 * Rewrites `source` so that it matches as `source` with the `i` flag would: every letter outside a
 * class becomes a class of both cases, every class gains the other case of its letters and ranges.
 * Escapes and group syntax (`(?<name>`) are copied as they are.
 */
export function withExplicitCase(source: string): string {
  let out = '';
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === '\\') {
      const end = escapeEnd(source, i);
      const escape = source.slice(i, end);
      const unit = literalOfEscape(escape);
      const twins = unit === null ? [] : otherCases(unit);
      out += twins.length ? `[${escape}${twins.map(hex4).join('')}]` : escape;
      i = end;
    } else if (ch === '[') {
      const end = classEnd(source, i);
      out += caseFoldClass(source.slice(i, end));
      i = end;
    } else if (ch === '(' && source[i + 1] === '?' && source[i + 2] === '<' && source[i + 3] !== '=' && source[i + 3] !== '!') {
      const close = source.indexOf('>', i);
      out += source.slice(i, close + 1); // a group name is not text to match
      i = close + 1;
    } else {
      const twins = otherCases(ch.charCodeAt(0));
      out += twins.length ? `[${ch}${twins.map(hex4).join('')}]` : ch;
      i++;
    }
  }
  return out;
}

/** Index just past the escape starting at `at` (a backslash). */
function escapeEnd(source: string, at: number): number {
  const next = source[at + 1];
  if (next === 'x') return at + 4;
  if (next === 'u') return at + 6;
  if (next === 'c') return at + 3;
  if (next === 'k' && source[at + 2] === '<') return source.indexOf('>', at) + 1;
  return at + 2;
}

/** Index just past the class starting at `at` (an opening bracket). */
function classEnd(source: string, at: number): number {
  let i = at + 1;
  if (source[i] === '^') i++;
  if (source[i] === ']')
    i++; // `[]` and `[^]` are complete classes in JavaScript; `[]]` is not
  else return closeOf(source, i);
  return i;
}

function closeOf(source: string, from: number): number {
  for (let i = from; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === ']') return i + 1;
  }
  return source.length;
}

/** `[a-c_]` → `[a-c_A-C]`: the class plus the other case of every letter it holds. */
function caseFoldClass(cls: string): string {
  const negated = cls[1] === '^';
  const body = cls.slice(negated ? 2 : 1, -1);
  const extra = new Set<number>();
  let i = 0;
  while (i < body.length) {
    let lo: number | null;
    if (body[i] === '\\') {
      const end = escapeEnd(body, i);
      lo = literalOfEscape(body.slice(i, end));
      i = end;
    } else {
      lo = body.charCodeAt(i);
      i++;
    }
    let hi = lo;
    if (body[i] === '-' && i + 1 < body.length && lo !== null) {
      let next: number | null;
      let end: number;
      if (body[i + 1] === '\\') {
        end = escapeEnd(body, i + 1);
        next = literalOfEscape(body.slice(i + 1, end));
      } else {
        next = body.charCodeAt(i + 1);
        end = i + 2;
      }
      if (next !== null) {
        hi = next;
        i = end;
      }
    }
    if (lo === null || hi === null) continue;
    for (let unit = lo; unit <= hi; unit++) for (const twin of otherCases(unit)) extra.add(twin);
  }
  if (!extra.size) return cls;
  return `[${negated ? '^' : ''}${body}${asRanges([...extra])}]`;
}

/** Units written as class members, runs of three or more as ranges (`\u0041-\u005a`). */
function asRanges(units: number[]): string {
  units.sort((a, b) => a - b);
  let out = '';
  for (let i = 0; i < units.length;) {
    let j = i;
    while (j + 1 < units.length && units[j + 1] === units[j]! + 1) j++;
    out +=
      j - i >= 2
        ? `${hex4(units[i]!)}-${hex4(units[j]!)}`
        : units
            .slice(i, j + 1)
            .map(hex4)
            .join('');
    i = j + 1;
  }
  return out;
}

/** The character a `\xHH` or `\uHHHH` escape stands for; null for class escapes such as `\d`. */
function literalOfEscape(escape: string): number | null {
  if (/^\\x[0-9a-f]{2}$/i.test(escape) || /^\\u[0-9a-f]{4}$/i.test(escape)) return parseInt(escape.slice(2), 16);
  return null;
}
