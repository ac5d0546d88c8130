/**
 * What a pattern costs on V8's linear-time engine. That engine runs an automaton over the text,
 * one step per character, and a step can visit every state the compiled pattern has: its time is
 * (states × text length), linear in each but their product unbounded by the text bound alone. A
 * 2,000-character `(?:.?.?…){16}` compiles to some 16,000 states and took 25 s and 5 GB on one
 * paragraph. So the states are counted here, from the source the engine is given (counted
 * repetition unrolled, as the engine does), and a pattern with too many is refused at load time.
 */

/**
 * The most states a rule pattern may compile to. Patterns are tested on at most 2,048 characters
 * (a URL; text is cut at 2,000 or 500), so one test takes at most about a million automaton steps:
 * well under a second on this machine even for the worst text (measured in test/rules/pattern-cost.test.ts
 * without a timer's verdict; see the README's Limits).
 */
export const MAX_PATTERN_STATES = 500;

/** The states (about: one per character, class, assertion or group, repetition unrolled) of a regex source. */
export function patternStates(source: string): number {
  const parser = new StateCounter(source);
  const states = parser.alternation();
  return parser.done() ? states : Number.POSITIVE_INFINITY;
}

class StateCounter {
  private at = 0;
  constructor(private readonly source: string) {}

  done(): boolean {
    return this.at >= this.source.length;
  }

  /** `a|b|c` up to the end or an unmatched `)`: every branch, and one split state between two. */
  alternation(): number {
    let states = this.sequence();
    while (this.source[this.at] === '|') {
      this.at++;
      states += 1 + this.sequence();
    }
    return states;
  }

  private sequence(): number {
    let states = 0;
    while (this.at < this.source.length && this.source[this.at] !== '|' && this.source[this.at] !== ')') {
      const atom = this.atom();
      states += this.quantified(atom);
    }
    return states;
  }

  private atom(): number {
    const ch = this.source[this.at]!;
    if (ch === '\\') {
      this.at += this.escapeLength();
      return 1;
    }
    if (ch === '[') {
      this.skipClass();
      return 1;
    }
    if (ch === '(') {
      this.at++;
      if (this.source[this.at] === '?') {
        // `(?:`, `(?=`, `(?<=`, `(?<name>`: the group's own syntax is no state.
        const named = this.source[this.at + 1] === '<' && !'=!'.includes(this.source[this.at + 2] ?? '');
        if (named) this.at = this.after('>', this.at);
        else this.at += this.source[this.at + 1] === '<' ? 3 : 2;
      }
      const inner = this.alternation();
      if (this.source[this.at] === ')') this.at++;
      return inner + 2; // the group's entry and exit (capture registers for a capturing one)
    }
    this.at++;
    return 1;
  }

  /** The atom's states times its repetition: `x?`/`x*` one more state, `x+` twice, `x{n,m}` m copies. */
  private quantified(atom: number): number {
    const ch = this.source[this.at];
    let states = atom;
    if (ch === '?' || ch === '*') {
      this.at++;
      states = atom + 1;
    } else if (ch === '+') {
      this.at++;
      states = 2 * atom + 1;
    } else if (ch === '{') {
      const count = /^\{(\d+)(?:(,)(\d*))?\}/.exec(this.source.slice(this.at));
      if (count) {
        this.at += count[0].length;
        const least = Number(count[1]);
        const most = count[2] ? (count[3] ? Number(count[3]) : least + 1) : least;
        states = Math.max(most, least, 1) * atom + (most - least + 1);
      }
    }
    if (states !== atom && this.source[this.at] === '?') this.at++; // lazy: the same states
    return states;
  }

  private escapeLength(): number {
    const next = this.source[this.at + 1];
    if (next === 'x') return 4;
    if ((next === 'u' || next === 'p' || next === 'P') && this.source[this.at + 2] === '{') return this.after('}', this.at) - this.at;
    if (next === 'u') return 6;
    if (next === 'c') return 3;
    return 2;
  }

  /** Just past the next `ch` from `from`, or the end (the source is valid: the engine parsed it first). */
  private after(ch: string, from: number): number {
    const at = this.source.indexOf(ch, from);
    return at < 0 ? this.source.length : at + 1;
  }

  private skipClass(): void {
    this.at++;
    if (this.source[this.at] === '^') this.at++;
    if (this.source[this.at] === ']') this.at++;
    while (this.at < this.source.length && this.source[this.at] !== ']') this.at += this.source[this.at] === '\\' ? 2 : 1;
    this.at++;
  }
}
