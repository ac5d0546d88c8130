/**
 * What a rule pattern needs of a text before it can match, read off the pattern's source: the
 * characters an anchored pattern can start with, and literals one of which any match contains.
 *
 * Rule patterns run on V8's linear-time engine, which is safe but slow: it scans the whole text on
 * every test, even for `^©…` against a paragraph that starts with 今. Most texts fail a cheap
 * necessary condition (a first character, an `includes`), and only the rest reach the engine. The
 * conditions are necessary, never sufficient: when in doubt the analysis says nothing (ANY), so a
 * prefilter can only spare work, never change an answer.
 */

/** A set of characters, or ANY (too many to list, or unknown). */
type Chars = ReadonlySet<string> | null;
const ANY: Chars = null;

interface Info {
  /** Every string the node can match, when few and short enough to list; null otherwise. */
  exact: ReadonlySet<string> | null;
  /** Literals one of which every match contains (null: none known). */
  factor: ReadonlySet<string> | null;
  /** Sets of literals, every one of which a match holds one of (the pieces of a sequence). */
  factors: readonly ReadonlySet<string>[];
  /** The characters a match can start with (ANY when unknown). */
  first: Chars;
  /** Can it match the empty string? */
  nullable: boolean;
  /** Does every match start at the start of the text (a leading `^`)? */
  anchored: boolean;
}

export interface Prefilter {
  /** For a pattern anchored at the start: the characters a matching text can start with. */
  firstChars: ReadonlySet<string> | null;
  /**
   * Groups of literals: a matching text contains one literal of every group (lower case when
   * `lowerCase`). The most telling group first; empty when none is known.
   */
  literalGroups: readonly (readonly string[])[];
  /** The literals are compared with the text lower-cased (the pattern ignores case). */
  lowerCase: boolean;
}

const MAX_SET = 32;
const MAX_LITERAL = 24;

const EMPTY: Info = { exact: new Set(['']), factor: null, factors: [], first: new Set(), nullable: true, anchored: false };
const OPAQUE: Info = { exact: null, factor: null, factors: [], first: ANY, nullable: false, anchored: false };

function unionChars(a: Chars, b: Chars): Chars {
  if (a === null || b === null) return ANY;
  const out = new Set([...a, ...b]);
  return out.size > 256 ? ANY : out;
}

function cross(a: ReadonlySet<string>, b: ReadonlySet<string>): ReadonlySet<string> | null {
  if (a.size * b.size > MAX_SET) return null;
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  for (const s of out) if (s.length > MAX_LITERAL) return null;
  return out;
}

/** Without the literals that contain another one of the set (a text holding `ab` holds `a`). */
function minimal(set: ReadonlySet<string>): ReadonlySet<string> {
  const all = [...set];
  return new Set(all.filter((s) => !all.some((t) => t !== s && s.includes(t))));
}

/**
 * At most this many literals of a group are tried on a text, and this many groups: `includes` over
 * a short text costs tens of nanoseconds, the linear engine microseconds.
 */
const MAX_LITERALS = 24;
const MAX_GROUPS = 3;

/**
 * The better of two factors: the one whose shortest literal is longest (it rules out most texts),
 * among those few enough to try.
 */
const score = (f: ReadonlySet<string> | null) => (f && f.size && f.size <= MAX_LITERALS ? Math.min(...[...f].map((s) => s.length)) : 0);

function better(a: ReadonlySet<string> | null, b: ReadonlySet<string> | null): ReadonlySet<string> | null {
  const [x, y] = [a && fitted(minimal(a)), b && fitted(minimal(b))];
  const best = score(x) >= score(y) ? x : y;
  return score(best) > 0 ? best : null;
}

function seq(items: readonly Info[]): Info {
  let exact: ReadonlySet<string> | null = new Set(['']);
  let factor: ReadonlySet<string> | null = null;
  const factors: ReadonlySet<string>[] = [];
  let run: ReadonlySet<string> | null = new Set(['']);
  let first: Chars = new Set();
  let nullable = true;
  let anchored = false;
  items.forEach((item, i) => {
    if (nullable) first = unionChars(first, item.first);
    if (i === 0 || (nullable && !anchored)) anchored = anchored || item.anchored;
    nullable = nullable && item.nullable;
    factor = better(factor, item.factor);
    factors.push(...item.factors);
    const joined: ReadonlySet<string> | null = run && item.exact ? cross(run, item.exact) : null;
    if (joined) run = joined;
    else {
      factor = better(factor, run);
      if (run) factors.push(run);
      run = item.exact ?? new Set(['']);
    }
    exact = exact && item.exact ? cross(exact, item.exact) : null;
  });
  factor = better(factor, run);
  if (run) factors.push(run);
  return { exact, factor, factors, first: nullable ? ANY : first, nullable, anchored };
}

function alt(branches: readonly Info[]): Info {
  if (branches.length === 1) return branches[0]!;
  let exact: Set<string> | null = new Set();
  let factor: Set<string> | null = new Set();
  let first: Chars = new Set();
  for (const b of branches) {
    exact = exact && b.exact ? new Set([...exact, ...b.exact]) : null;
    const own = better(b.factor, b.exact);
    factor = factor && own ? new Set([...factor, ...own]) : null;
    first = unionChars(first, b.first);
  }
  if (exact && exact.size > MAX_SET) exact = null;
  if (factor && factor.size > MAX_LITERALS) factor = score(fitted(factor)) ? new Set(fitted(factor)) : null;
  return {
    exact,
    factor,
    factors: factor ? [factor] : [],
    first,
    nullable: branches.some((b) => b.nullable),
    anchored: branches.every((b) => b.anchored),
  };
}

function repeat(item: Info, min: number, max: number): Info {
  if (max === 0) return EMPTY;
  if (min === 0)
    return {
      exact: max === 1 && item.exact ? new Set([...item.exact, '']) : null,
      factor: null,
      factors: [],
      first: item.first,
      nullable: true,
      anchored: false,
    };
  const exact = min === 1 && max === 1 ? item.exact : null;
  return {
    exact,
    factor: better(item.factor, item.exact),
    factors: item.exact ? [...item.factors, item.exact] : item.factors,
    first: item.first,
    nullable: item.nullable,
    anchored: item.anchored,
  };
}

/**
 * One character of a set. `lower` is the set as literals are compared (lower-cased under (?i),
 * where the text is lower-cased too); `chars` as a text's first character is compared.
 */
function charInfo(chars: ReadonlySet<string> | null, lower: ReadonlySet<string> | null = chars): Info {
  if (!chars || !lower) return OPAQUE;
  return { exact: lower.size <= MAX_SET ? lower : null, factor: null, factors: [], first: chars, nullable: false, anchored: false };
}

/** A small parser for the pattern syntax rules may use (what the linear engine accepts). */
class Reader {
  private i = 0;
  constructor(
    private readonly src: string,
    private readonly ignoreCase: boolean,
  ) {}

  parse(): Info {
    const info = this.alternation();
    if (this.i < this.src.length) throw new Error('unbalanced');
    return info;
  }

  private alternation(): Info {
    const branches = [this.sequence()];
    while (this.src[this.i] === '|') {
      this.i++;
      branches.push(this.sequence());
    }
    return alt(branches);
  }

  private sequence(): Info {
    const items: Info[] = [];
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') items.push(this.quantified(this.atom()));
    return seq(items);
  }

  private quantified(atom: Info): Info {
    const src = this.src;
    const q = /^(?:([*+?])|\{(\d+)(,(\d*))?\})\??/.exec(src.slice(this.i, this.i + 24));
    if (!q) return atom;
    this.i += q[0].length;
    if (q[1]) return repeat(atom, q[1] === '+' ? 1 : 0, q[1] === '?' ? 1 : Infinity);
    const min = Number(q[2]);
    const max = q[3] === undefined ? min : q[4] ? Number(q[4]) : Infinity;
    return repeat(atom, min, max);
  }

  private atom(): Info {
    const src = this.src;
    const ch = src[this.i]!;
    if (ch === '(') {
      const head = /^\((?:\?:|\?<[A-Za-z_$][\w$]*>)?/.exec(src.slice(this.i))![0];
      if (/^\(\?[=!<]/.test(src.slice(this.i)) && head === '(') throw new Error('lookaround');
      this.i += head.length;
      const inner = this.alternation();
      if (src[this.i] !== ')') throw new Error('unbalanced');
      this.i++;
      return inner;
    }
    if (ch === '^') {
      this.i++;
      return { ...EMPTY, anchored: true };
    }
    if (ch === '$') {
      this.i++;
      return EMPTY;
    }
    if (ch === '.') {
      this.i++;
      return OPAQUE;
    }
    if (ch === '[') {
      const chars = this.charClass();
      return charInfo(chars, chars && this.ignoreCase ? new Set([...chars].map((c) => c.toLowerCase())) : chars);
    }
    if (ch === '\\') return this.escape();
    this.i += 1;
    return this.charOf(ch);
  }

  private charOf(ch: string): Info {
    const cases = this.literal(ch);
    return charInfo(cases, cases && this.ignoreCase ? new Set([...cases].map((c) => c.toLowerCase())) : cases);
  }

  /** One literal character, in both cases when the pattern ignores case (ASCII only: see below). */
  private literal(ch: string): ReadonlySet<string> | null {
    if (!this.ignoreCase) return new Set([ch]);
    // Case folding beyond ASCII (final sigma, dotted I …) is not what lower-casing the text does,
    // so a non-ASCII letter under (?i) tells us nothing certain.
    if (ch.charCodeAt(0) > 127) return ch.toLowerCase() === ch.toUpperCase() ? new Set([ch]) : null;
    return new Set([ch.toLowerCase(), ch.toUpperCase()]);
  }

  private escape(): Info {
    const src = this.src;
    const next = src[this.i + 1];
    if (next === undefined) throw new Error('trailing backslash');
    if ('bB'.includes(next)) {
      this.i += 2;
      return EMPTY;
    }
    const unit = this.escapedUnit();
    return unit === null ? OPAQUE : this.charOf(unit);
  }

  /** The character an escape stands for, or null for a class escape (`\d`) or one we do not read. */
  private escapedUnit(): string | null {
    const src = this.src;
    const next = src[this.i + 1]!;
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', '0': '\0' };
    const hex = /^\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4}))/.exec(src.slice(this.i, this.i + 6));
    if (hex) {
      this.i += hex[0].length;
      return String.fromCharCode(parseInt(hex[1] ?? hex[2]!, 16));
    }
    this.i += 2;
    if (next in simple && !(next === '0' && /\d/.test(src[this.i] ?? ''))) return simple[next]!;
    if (/[A-Za-z0-9]/.test(next)) return null; // \d \w \s \p \cX \1 …: a class or something rarer
    return next; // an identity escape: \. \/ \( …
  }

  private charClass(): ReadonlySet<string> | null {
    const src = this.src;
    this.i++; // [
    const negated = src[this.i] === '^';
    if (negated) this.i++;
    const chars = new Set<string>();
    let known = !negated;
    let firstItem = true;
    while (this.i < src.length && (src[this.i] !== ']' || firstItem)) {
      firstItem = false;
      let lo: string | null;
      if (src[this.i] === '\\') {
        lo = this.escapedUnit();
      } else {
        lo = src[this.i]!;
        this.i++;
      }
      if (src[this.i] === '-' && src[this.i + 1] !== ']' && this.i + 1 < src.length) {
        this.i++;
        let hi: string | null;
        if (src[this.i] === '\\') hi = this.escapedUnit();
        else {
          hi = src[this.i]!;
          this.i++;
        }
        if (lo === null || hi === null || hi.charCodeAt(0) - lo.charCodeAt(0) > 64) known = false;
        else for (let c = lo.charCodeAt(0); c <= hi.charCodeAt(0); c++) known = this.addTo(chars, String.fromCharCode(c)) && known;
      } else if (lo === null) known = false;
      else known = this.addTo(chars, lo) && known;
    }
    if (src[this.i] !== ']') throw new Error('unbalanced class');
    this.i++;
    return known && chars.size <= 256 ? chars : null;
  }

  /** Adds a character (in both cases under (?i)); false when it cannot be known (see literal()). */
  private addTo(chars: Set<string>, ch: string): boolean {
    const cases = this.literal(ch);
    if (cases) for (const c of cases) chars.add(c);
    return cases !== null;
  }
}

/**
 * The prefilter of a pattern source in rule syntax (inline flags `(?ims)` already taken off).
 * A source it cannot read gives no conditions at all.
 */
export function prefilterOf(source: string, flags: { ignoreCase: boolean; multiline: boolean }): Prefilter {
  let info: Info;
  try {
    info = new Reader(source, flags.ignoreCase).parse();
  } catch {
    return { firstChars: null, literalGroups: [], lowerCase: false };
  }
  const first = info.first !== ANY && !info.nullable && !flags.multiline && info.anchored ? info.first : null;
  const lowerCase = flags.ignoreCase;
  const lower = (set: ReadonlySet<string>) => [...new Set([...set].map((s) => (lowerCase ? s.toLowerCase() : s)))];
  return { firstChars: first, literalGroups: chosenGroups([...(info.exact ? [info.exact] : []), ...info.factors]).map(lower), lowerCase };
}

/**
 * A group with too many literals to try, made shorter: a text holding a literal holds its start,
 * so the literals cut to a common length (and then fewer) still say something of a text.
 */
function fitted(group: ReadonlySet<string>): ReadonlySet<string> {
  if (group.size <= MAX_LITERALS) return group;
  const longest = Math.max(...[...group].map((s) => s.length));
  for (let length = longest - 1; length >= 3; length--) {
    const cut = minimal(new Set([...group].map((s) => s.slice(0, length))));
    if (cut.size <= MAX_LITERALS) return cut;
  }
  return group;
}

/**
 * The most telling groups worth trying, best first, without a group another chosen one implies
 * (when every literal of a chosen group holds one of it, a text holding the first holds it too).
 */
function chosenGroups(candidates: readonly ReadonlySet<string>[]): ReadonlySet<string>[] {
  const ranked = candidates
    .map((g) => fitted(minimal(g)))
    .filter((g) => score(g) > 0)
    .sort((a, b) => score(b) - score(a));
  const chosen: ReadonlySet<string>[] = [];
  for (const group of ranked) {
    if (chosen.length === MAX_GROUPS) break;
    const implied = chosen.some((c) => [...c].every((s) => [...group].some((t) => s.includes(t))));
    if (!implied) chosen.push(group);
  }
  return chosen;
}
