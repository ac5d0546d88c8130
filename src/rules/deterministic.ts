/**
 * Which rule patterns the backtracking engine runs in linear time, so they need not pay for the
 * linear-time one (which is 10–20× slower per test: ~1.7 µs against ~0.1 µs for a DW link).
 *
 * A backtracking engine is slow only when it can go on from one place in two ways that both take
 * the next character, and then has to try the other after the first failed far on. A pattern
 * anchored at the text's start (`^`, no `m`) in which that never happens — the two ways on at every
 * choice (a repetition's "once more" and "done", an alternation's branches) start with different
 * characters, as an LL(1) grammar's do — goes back only to choices whose other ways fail on the
 * character at hand: its time is linear in the text (times a power of the pattern's size, which is
 * bounded). Anything the analysis does not read for certain (a class escape it does not know, a
 * loop that can match nothing, a back-reference, a lookaround) counts as not deterministic: the
 * pattern then runs on the linear-time engine, as every pattern did before.
 */

/** A set of UTF-16 units: sorted, disjoint, inclusive ranges [lo0, hi0, lo1, hi1, …]. */
type Units = readonly number[];

const NONE: Units = [];
const ALL: Units = [0, 0xffff];

function union(a: Units, b: Units): Units {
  if (!a.length) return b;
  if (!b.length) return a;
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < a.length; i += 2) pairs.push([a[i]!, a[i + 1]!]);
  for (let i = 0; i < b.length; i += 2) pairs.push([b[i]!, b[i + 1]!]);
  return merged(pairs);
}

function merged(pairs: Array<[number, number]>): Units {
  pairs.sort((x, y) => x[0] - y[0]);
  const out: number[] = [];
  for (const [lo, hi] of pairs) {
    if (out.length && lo <= out[out.length - 1]! + 1) out[out.length - 1] = Math.max(out[out.length - 1]!, hi);
    else out.push(lo, hi);
  }
  return out;
}

function intersects(a: Units, b: Units): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i + 1]! < b[j]!) i += 2;
    else if (b[j + 1]! < a[i]!) j += 2;
    else return true;
  }
  return false;
}

function complement(a: Units): Units {
  const out: number[] = [];
  let next = 0;
  for (let i = 0; i < a.length; i += 2) {
    if (a[i]! > next) out.push(next, a[i]! - 1);
    next = a[i + 1]! + 1;
  }
  if (next <= 0xffff) out.push(next, 0xffff);
  return out;
}

const range = (lo: number, hi = lo): Units => [lo, hi];
const DIGIT = range(0x30, 0x39);
const WORD = merged([
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x5f, 0x5f],
  [0x61, 0x7a],
]);
// What `\s` matches: WhiteSpace and LineTerminator as ECMAScript defines them.
const SPACE = merged([
  [0x09, 0x0d],
  [0x20, 0x20],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
]);
const LINE_TERMINATORS = merged([
  [0x0a, 0x0a],
  [0x0d, 0x0d],
  [0x2028, 0x2029],
]);
const CLASS_ESCAPES: Record<string, Units> = {
  d: DIGIT,
  D: complement(DIGIT),
  w: WORD,
  W: complement(WORD),
  s: SPACE,
  S: complement(SPACE),
};
const CONTROL_ESCAPES: Record<string, number> = { n: 0x0a, r: 0x0d, t: 0x09, f: 0x0c, v: 0x0b };

/** A pattern as the analysis reads it. */
export type Node =
  | { kind: 'units'; units: Units }
  | { kind: 'assertion' }
  | { kind: 'sequence'; items: Node[] }
  | { kind: 'alternation'; branches: Node[] }
  | { kind: 'repeat'; body: Node; min: number; max: number; lazy: boolean };

/** Thrown by the reader for what it does not read for certain. */
class Unread extends Error {}

class Reader {
  private at = 0;
  constructor(
    private readonly src: string,
    private readonly dotAll: boolean,
  ) {}

  read(): Node {
    const node = this.alternation();
    if (this.at !== this.src.length) throw new Unread();
    return node;
  }

  private alternation(): Node {
    const branches = [this.sequence()];
    while (this.src[this.at] === '|') {
      this.at++;
      branches.push(this.sequence());
    }
    return branches.length === 1 ? branches[0]! : { kind: 'alternation', branches };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.at < this.src.length && this.src[this.at] !== '|' && this.src[this.at] !== ')') items.push(this.quantified(this.atom()));
    return { kind: 'sequence', items };
  }

  private quantified(body: Node): Node {
    const q = /^(?:([*+?])|\{(\d+)(?:(,)(\d*))?\})/.exec(this.src.slice(this.at, this.at + 16));
    if (!q) {
      if (this.src[this.at] === '{') throw new Unread(); // a literal brace: rare, not worth reading
      return body;
    }
    this.at += q[0].length;
    const lazy = this.src[this.at] === '?';
    if (lazy) this.at++;
    if (body.kind === 'assertion') throw new Unread();
    const [min, max] = q[1]
      ? q[1] === '*'
        ? [0, Infinity]
        : q[1] === '+'
          ? [1, Infinity]
          : [0, 1]
      : [Number(q[2]), q[3] === undefined ? Number(q[2]) : q[4] ? Number(q[4]) : Infinity];
    return { kind: 'repeat', body, min, max, lazy };
  }

  private atom(): Node {
    const ch = this.src[this.at]!;
    if (ch === '(') {
      const head = /^\((?:\?:|\?<[A-Za-z_$][\w$]*>)?/.exec(this.src.slice(this.at))![0];
      if (this.src[this.at + 1] === '?' && head === '(') throw new Unread(); // a lookaround
      this.at += head.length;
      const inner = this.alternation();
      if (this.src[this.at] !== ')') throw new Unread();
      this.at++;
      return inner;
    }
    this.at++;
    if (ch === '^' || ch === '$') return { kind: 'assertion' };
    if (ch === '.') return { kind: 'units', units: this.dotAll ? ALL : complement(LINE_TERMINATORS) };
    if (ch === '[') return { kind: 'units', units: this.charClass() };
    if (ch === '\\') {
      const next = this.src[this.at];
      if (next === 'b' || next === 'B') {
        this.at++;
        return { kind: 'assertion' };
      }
      return { kind: 'units', units: this.escape(false) };
    }
    if (ch === '*' || ch === '+' || ch === '?' || ch === ')' || ch === ']' || ch === '{' || ch === '}') throw new Unread();
    return { kind: 'units', units: range(ch.charCodeAt(0)) };
  }

  /** The units of the escape after a backslash (already read); inside a class `\b` is a backspace. */
  private escape(inClass: boolean): Units {
    const next = this.src[this.at];
    if (next === undefined) throw new Unread();
    this.at++;
    if (next in CLASS_ESCAPES) return CLASS_ESCAPES[next]!;
    if (next in CONTROL_ESCAPES) return range(CONTROL_ESCAPES[next]!);
    if (inClass && next === 'b') return range(0x08);
    if (next === 'x' || next === 'u') {
      const digits = next === 'x' ? 2 : 4;
      const hex = this.src.slice(this.at, this.at + digits);
      if (!new RegExp(`^[0-9a-fA-F]{${digits}}$`).test(hex)) throw new Unread();
      this.at += digits;
      return range(parseInt(hex, 16));
    }
    if (next === '0' && !/\d/.test(this.src[this.at] ?? '')) return range(0);
    // Back-references, \c, \k, \p and the rest are not read (an identity escape of a letter is rare).
    if (/[A-Za-z0-9]/.test(next)) throw new Unread();
    return range(next.charCodeAt(0));
  }

  private charClass(): Units {
    const negated = this.src[this.at] === '^';
    if (negated) this.at++;
    const pairs: Array<[number, number]> = [];
    const add = (units: Units) => {
      for (let i = 0; i < units.length; i += 2) pairs.push([units[i]!, units[i + 1]!]);
    };
    while (this.src[this.at] !== ']') {
      if (this.at >= this.src.length) throw new Unread();
      const lo = this.classAtom();
      if (this.src[this.at] === '-' && this.src[this.at + 1] !== ']' && this.at + 1 < this.src.length) {
        this.at++;
        const hi = this.classAtom();
        // A range needs a single unit at each end (`[\d-x]` is three items in JavaScript: not read).
        if (lo.length !== 2 || hi.length !== 2 || lo[0] !== lo[1] || hi[0] !== hi[1] || lo[0]! > hi[0]!) throw new Unread();
        pairs.push([lo[0]!, hi[0]!]);
      } else add(lo);
    }
    this.at++;
    const units = merged(pairs);
    return negated ? complement(units) : units;
  }

  private classAtom(): Units {
    const ch = this.src[this.at]!;
    this.at++;
    return ch === '\\' ? this.escape(true) : range(ch.charCodeAt(0));
  }
}

interface Facts {
  /** The units a match of the node can start with. */
  first: Units;
  /** Can it match the empty string? */
  nullable: boolean;
}

const facts = new WeakMap<Node, Facts>();

function factsOf(node: Node): Facts {
  let found = facts.get(node);
  if (found) return found;
  switch (node.kind) {
    case 'units':
      found = { first: node.units, nullable: false };
      break;
    case 'assertion':
      found = { first: NONE, nullable: true };
      break;
    case 'sequence': {
      let first = NONE;
      let nullable = true;
      for (const item of node.items) {
        const f = factsOf(item);
        first = union(first, f.first);
        if (!f.nullable) {
          nullable = false;
          break;
        }
      }
      found = { first, nullable };
      break;
    }
    case 'alternation':
      found = node.branches.map(factsOf).reduce((a, b) => ({ first: union(a.first, b.first), nullable: a.nullable || b.nullable }));
      break;
    case 'repeat': {
      const body = factsOf(node.body);
      found = node.max === 0 ? { first: NONE, nullable: true } : { first: body.first, nullable: node.min === 0 || body.nullable };
      break;
    }
  }
  facts.set(node, found);
  return found;
}

/** How many spellings (sequences of unit sets) of a branch are compared at most. */
const MAX_SPELLINGS = 64;

/**
 * The spellings of a node without loops or assertions: each a sequence of unit sets (`a|bc` →
 * [a], [b, c]; `s?` → [], [s]); null for anything else, or too many.
 */
function spellings(node: Node): Units[][] | null {
  switch (node.kind) {
    case 'units':
      return [[node.units]];
    case 'assertion':
      return null;
    case 'alternation': {
      const out: Units[][] = [];
      for (const b of node.branches) {
        const own = spellings(b);
        if (!own || out.length + own.length > MAX_SPELLINGS) return null;
        out.push(...own);
      }
      return out;
    }
    case 'sequence': {
      let out: Units[][] = [[]];
      for (const item of node.items) {
        const own = spellings(item);
        if (!own || out.length * own.length > MAX_SPELLINGS) return null;
        out = out.flatMap((head) => own.map((tail) => [...head, ...tail]));
      }
      return out;
    }
    case 'repeat': {
      if (node.max === Infinity || node.max > 4) return null;
      const body = spellings(node.body);
      if (!body) return null;
      let out: Units[][] = node.min === 0 ? [[]] : [];
      let run: Units[][] = [[]];
      for (let times = 1; times <= node.max; times++) {
        if (run.length * body.length > MAX_SPELLINGS) return null;
        run = run.flatMap((head) => body.map((tail) => [...head, ...tail]));
        if (times >= node.min) out = [...out, ...run];
        if (out.length > MAX_SPELLINGS) return null;
      }
      return out;
    }
  }
}

/**
 * Two branches that start alike (`我们的标准|我們的標準`) are still one way on when both are spelled
 * out without loops and no text either matches starts a text the other matches: the engine tries
 * the first, fails within its few characters, and the second is the only one that can succeed.
 */
function neitherStartsTheOther(a: Node, b: Node): boolean {
  const as = spellings(a);
  const bs = spellings(b);
  if (!as || !bs) return false;
  const startsAlike = (x: Units[], y: Units[]) => {
    const [short, long] = x.length <= y.length ? [x, y] : [y, x];
    return short.every((units, i) => intersects(units, long[i]!));
  };
  return as.every((x) => bs.every((y) => !startsAlike(x, y)));
}

/** Does every choice in `node` have ways on that start differently, given what may follow it? */
function deterministic(node: Node, follow: Units): boolean {
  switch (node.kind) {
    case 'units':
    case 'assertion':
      return true;
    case 'sequence': {
      let after = follow;
      for (let i = node.items.length - 1; i >= 0; i--) {
        const item = node.items[i]!;
        if (!deterministic(item, after)) return false;
        const f = factsOf(item);
        after = f.nullable ? union(f.first, after) : f.first;
      }
      return true;
    }
    case 'alternation': {
      const all = node.branches.map(factsOf);
      if (all.filter((f) => f.nullable).length > 1) return false;
      for (let i = 0; i < all.length; i++) {
        for (let j = i + 1; j < all.length; j++)
          if (intersects(all[i]!.first, all[j]!.first) && !neitherStartsTheOther(node.branches[i]!, node.branches[j]!)) return false;
        if (all[i]!.nullable && all.some((f, j) => j !== i && intersects(f.first, follow))) return false;
      }
      return node.branches.every((b) => deterministic(b, follow));
    }
    case 'repeat': {
      if (node.max === 0) return true;
      const body = factsOf(node.body);
      const chooses = node.max > node.min;
      // A loop that can match nothing makes the engine's empty-check decide: not read.
      if (chooses && (body.nullable || intersects(body.first, follow))) return false;
      return deterministic(node.body, node.max > 1 ? union(body.first, follow) : follow);
    }
  }
}

/** The pattern as the analysis reads it, or null when it does not read it for certain. */
export function readPattern(source: string, dotAll: boolean): Node | null {
  try {
    return new Reader(source, dotAll).read();
  } catch (error) {
    if (error instanceof Unread) return null;
    throw error;
  }
}

/**
 * Is `source` (explicit-case syntax, flags `s` or none; never `m`) anchored at the start and
 * deterministic, so that the backtracking engine runs it in linear time?
 */
export function runsInLinearTime(source: string, dotAll: boolean): boolean {
  if (!startsAnchored(source)) return false;
  const node = readPattern(source, dotAll);
  return node !== null && deterministic(node, NONE);
}

/** A leading `^` before everything: no `|` outside every group and class (`^a|b` anchors only `a`). */
function startsAnchored(source: string): boolean {
  if (!source.startsWith('^')) return false;
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') i++;
    else if (ch === '[') {
      i++;
      if (source[i] === '^') i++;
      // `[]` and `[^]` are whole classes in JavaScript; otherwise the class runs to its `]`.
      if (source[i] !== ']') while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
    } else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) return false;
  }
  return true;
}
