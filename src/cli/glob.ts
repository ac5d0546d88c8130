/**
 * Shell-style globs for --include/--exclude: `*` and `?` within one path segment, `**` across
 * segments, `[abc]`/`[!a-z]` classes, `{a,b}` alternatives. A pattern without `/` matches the file's
 * name at any depth (as in .gitignore); one with `/` matches the path below the walked directory.
 * Compiled once into a regular expression with no nested quantifiers, so matching is linear.
 */
const SPECIAL = /[\\^$.*+?()[\]{}|/]/;
const literal = (c: string) => (SPECIAL.test(c) ? `\\${c}` : c);

function segmentClass(pattern: string, start: number): { source: string; end: number } | null {
  let i = start + 1;
  let negate = false;
  if (pattern[i] === '!' || pattern[i] === '^') {
    negate = true;
    i++;
  }
  let body = '';
  for (let first = true; i < pattern.length; i++, first = false) {
    const c = pattern[i]!;
    if (c === ']' && !first) return { source: `[${negate ? '^' : ''}${body}]`, end: i };
    body += c === '\\' || c === '^' || c === '[' || c === ']' ? `\\${c}` : c;
  }
  return null; // no closing bracket: a literal "["
}

export function globToRegExp(pattern: string): RegExp {
  const anchoredToPath = pattern.includes('/');
  const glob = pattern.replace(/^\.?\//, '');
  let source = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // `**/` is zero or more whole directories; a bare `**` anything at all.
        if (glob[i + 2] === '/') {
          source += '(?:[^/]*/)*';
          i += 2;
        } else {
          source += '.*';
          i += 1;
        }
      } else source += '[^/]*';
    } else if (c === '?') source += '[^/]';
    else if (c === '[') {
      const cls = segmentClass(glob, i);
      if (cls) {
        source += cls.source;
        i = cls.end;
      } else source += '\\[';
    } else if (c === '{') {
      braces++;
      source += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      source += ')';
    } else if (c === ',' && braces > 0) source += '|';
    else source += literal(c === '\\' && i + 1 < glob.length ? glob[++i]! : c);
  }
  source += ')'.repeat(braces);
  return new RegExp(anchoredToPath ? `^${source}$` : `(?:^|/)${source}$`);
}

/** Whether a path (relative, `/`-separated) matches any of the compiled patterns. */
export function matchesAny(path: string, patterns: readonly RegExp[]): boolean {
  return patterns.some((p) => p.test(path));
}
