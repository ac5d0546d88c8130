/**
 * Shell-style globs for --include/--exclude: `*` and `?` within one path segment, `**` across
 * segments, `[abc]`/`[!a-z]` classes, `{a,b}` alternatives, `\` to quote. A pattern without `/`
 * matches the file's name at any depth (as in .gitignore); one with `/` matches the path below the
 * walked directory.
 *
 * Matched by simulating the pattern as a set of states, one character at a time, not by a regular
 * expression: `*a*a*a*b` against a long name would make a backtracking engine take exponential
 * time; here it is at most (path length × pattern length).
 */
type Token =
  | { kind: 'char'; c: string }
  | { kind: 'one' }
  | { kind: 'class'; negate: boolean; ranges: Array<[string, string]> }
  | { kind: 'star' }
  | { kind: 'globstar' };

export interface Glob {
  readonly source: string;
  /** `isDirectory`: a pattern ending in "/" matches directories only. */
  test(path: string, isDirectory?: boolean): boolean;
}

/** Expansions of one pattern `{a,b}` alternatives, bounded so a pattern cannot explode. */
const MAX_EXPANSIONS = 256;

function expandBraces(pattern: string, budget = { left: MAX_EXPANSIONS }): string[] {
  let depth = 0;
  let open = -1;
  const commas: number[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '{' && depth++ === 0) open = i;
    else if (c === ',' && depth === 1) commas.push(i);
    else if (c === '}' && depth > 0 && --depth === 0) {
      if (!commas.length)
        return expandBraces(pattern.slice(0, open) + '\\{' + pattern.slice(open + 1, i) + '\\}' + pattern.slice(i + 1), budget);
      const cuts = [open, ...commas, i];
      const out: string[] = [];
      for (let k = 0; k + 1 < cuts.length; k++) {
        for (const tail of expandBraces(pattern.slice(cuts[k]! + 1, cuts[k + 1]) + pattern.slice(i + 1), budget)) {
          out.push(pattern.slice(0, open) + tail);
        }
      }
      // Checked as the expansion grows, so a pattern of many {a,b} groups stops early, not late.
      budget.left -= out.length;
      if (budget.left < 0) throw new RangeError(`more than ${MAX_EXPANSIONS} alternatives`);
      return out;
    }
  }
  return [pattern]; // no (balanced) braces left: they are literal
}

function tokenize(pattern: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length) tokens.push({ kind: 'char', c: pattern[++i]! });
    else if (c === '*') {
      if (pattern[i + 1] === '*') {
        i++;
        tokens.push({ kind: 'globstar' });
        // `**/` also matches no directory at all: the slash is then optional (see globstarSlash).
        if (pattern[i + 1] === '/') {
          i++;
          tokens.push({ kind: 'char', c: '/' });
        }
      } else if (tokens[tokens.length - 1]?.kind !== 'star') tokens.push({ kind: 'star' });
    } else if (c === '?') tokens.push({ kind: 'one' });
    else if (c === '[') {
      // A "]" first in the class (after any "!") is a member, as in the shell: []a] and [!]a].
      const negate = pattern[i + 1] === '!' || pattern[i + 1] === '^';
      const bodyStart = i + 1 + (negate ? 1 : 0);
      const end = pattern.indexOf(']', bodyStart + 1);
      if (end < 0) {
        tokens.push({ kind: 'char', c });
        continue;
      }
      const body = pattern.slice(bodyStart, end);
      const ranges: Array<[string, string]> = [];
      for (let k = 0; k < body.length; k++) {
        if (body[k + 1] === '-' && k + 2 < body.length) {
          ranges.push([body[k]!, body[k + 2]!]);
          k += 2;
        } else ranges.push([body[k]!, body[k]!]);
      }
      tokens.push({ kind: 'class', negate, ranges });
      i = end;
    } else tokens.push({ kind: 'char', c });
  }
  return tokens;
}

function step(token: Token, c: string): boolean {
  switch (token.kind) {
    case 'char':
      return token.c === c;
    case 'one':
      return c !== '/';
    case 'class':
      return c !== '/' && token.ranges.some(([lo, hi]) => c >= lo && c <= hi) !== token.negate;
    default:
      return false;
  }
}

/** Does the token list match the whole of `text`? State-set simulation, no backtracking. */
function matchTokens(tokens: readonly Token[], text: string): boolean {
  const n = tokens.length;
  let states = new Uint8Array(n + 1);
  let next = new Uint8Array(n + 1);
  const close = (set: Uint8Array) => {
    for (let i = 0; i < n; i++) {
      if (!set[i]) continue;
      const t = tokens[i]!;
      if (t.kind === 'star' || t.kind === 'globstar') set[i + 1] = 1;
      // `**/` may match nothing: skip its slash too.
      if (
        t.kind === 'globstar' &&
        tokens[i + 1]?.kind === 'char' &&
        (tokens[i + 1] as { c: string }).c === '/' &&
        (i === 0 || (tokens[i - 1] as { c?: string }).c === '/')
      )
        set[i + 2] = 1;
    }
  };
  states[0] = 1;
  close(states);
  for (const c of text) {
    next.fill(0);
    let any = false;
    for (let i = 0; i < n; i++) {
      if (!states[i]) continue;
      const t = tokens[i]!;
      if ((t.kind === 'star' && c !== '/') || t.kind === 'globstar') next[i] = 1;
      else if (step(t, c)) next[i + 1] = 1;
      else continue;
      any = true;
    }
    if (!any) return false;
    close(next);
    [states, next] = [next, states];
  }
  return states[n] === 1;
}

export function compileGlob(pattern: string): Glob {
  if (pattern === '') throw new RangeError('an empty pattern matches nothing');
  const directoriesOnly = pattern.endsWith('/');
  // A leading "/" or "./" anchors the pattern to the directory given (as in .gitignore).
  const rooted = /^\.?\//.test(pattern);
  const body = pattern.replace(/^\.?\//, '').replace(/\/+$/, '');
  // Each alternative is anchored on its own: {a/*.md,*.txt} is a path pattern or a name pattern.
  const alternatives = expandBraces(body).map((alternative) => ({
    anchored: rooted || alternative.includes('/'),
    tokens: tokenize(alternative),
  }));
  return {
    source: pattern,
    test(path: string, isDirectory = false): boolean {
      if (directoriesOnly && !isDirectory) return false;
      return alternatives.some(({ anchored, tokens }) => {
        if (matchTokens(tokens, path)) return true;
        if (anchored) return false;
        // A name pattern: what follows any slash.
        for (let i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) if (matchTokens(tokens, path.slice(i + 1))) return true;
        return false;
      });
    },
  };
}

/** Whether a path (relative, `/`-separated) matches any of the patterns. */
export function matchesAny(path: string, patterns: readonly Glob[], isDirectory = false): boolean {
  return patterns.some((p) => p.test(path, isDirectory));
}
