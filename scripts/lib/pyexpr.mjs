// A small evaluator for the Python expressions in feedparser's `Expect:` lines: literals (str with
// u/r/b prefixes, numbers, None/True/False, tuples, lists, dicts), names, subscripts, attributes,
// calls to len/ord and .get/.keys/.has_key, comparisons (== != < > <= >= in, not in, is, is not)
// and and/or/not. Anything else throws Unsupported, so a case is reported "not applicable" rather
// than guessed. Test tooling only; not shipped.

export class Unsupported extends Error {}
export class PyError extends Error {}

const TOKEN =
  /\s*(?:(?<str>[uUrRbB]{0,2}(?:'''[\s\S]*?'''|"""[\s\S]*?"""|'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"))|(?<num>\d+\.\d*|\d*\.\d+|\d+)|(?<name>[A-Za-z_]\w*)|(?<op>==|!=|<=|>=|[<>()[\]{},:.+-]))/y;

function unescape(body, raw) {
  if (raw) return body;
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|N\{[^}]+\}|[0-7]{1,3}|.)/g, (_, e) => {
    if (e[0] === 'x' || e[0] === 'u' || e[0] === 'U') return String.fromCodePoint(parseInt(e.slice(1), 16));
    if (/^[0-7]+$/.test(e)) return String.fromCodePoint(parseInt(e, 8));
    if (e[0] === 'N') throw new Unsupported('named unicode escape');
    return { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', v: '\v', '\n': '' }[e] ?? `\\${e}`;
  });
}

function tokenize(src) {
  const tokens = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < src.length) {
    if (/^\s*$/.test(src.slice(TOKEN.lastIndex))) break;
    const start = TOKEN.lastIndex;
    const m = TOKEN.exec(src);
    if (!m || m.index !== start) throw new Unsupported(`cannot read "${src.slice(start, start + 20)}"`);
    const g = m.groups;
    if (g.str) {
      const prefix = /^[uUrRbB]*/.exec(g.str)[0].toLowerCase();
      if (prefix.includes('b')) throw new Unsupported('bytes literal');
      const quoted = g.str.slice(prefix.length);
      const q = quoted.startsWith("'''") || quoted.startsWith('"""') ? 3 : 1;
      tokens.push({ t: 'str', v: unescape(quoted.slice(q, -q), prefix.includes('r')) });
    } else if (g.num) tokens.push({ t: 'num', v: Number(g.num) });
    else if (g.name) tokens.push({ t: 'name', v: g.name });
    else tokens.push({ t: 'op', v: g.op });
  }
  return tokens;
}

export function parse(src) {
  const tokens = tokenize(src);
  let i = 0;
  const peek = (v) => tokens[i] && tokens[i].v === v && (tokens[i].t === 'op' || tokens[i].t === 'name');
  const eat = (v) => {
    if (!peek(v)) throw new Unsupported(`expected ${v}`);
    i++;
  };
  const orTest = () => {
    let left = andTest();
    while (peek('or')) {
      i++;
      left = { k: 'or', a: left, b: andTest() };
    }
    return left;
  };
  const andTest = () => {
    let left = notTest();
    while (peek('and')) {
      i++;
      left = { k: 'and', a: left, b: notTest() };
    }
    return left;
  };
  const notTest = () => (peek('not') ? (i++, { k: 'not', a: notTest() }) : comparison());
  const comparison = () => {
    const first = arith();
    const pairs = [];
    for (;;) {
      let op = null;
      if (['==', '!=', '<', '>', '<=', '>='].some((o) => peek(o))) op = tokens[i++].v;
      else if (peek('in')) {
        i++;
        op = 'in';
      } else if (peek('not') && tokens[i + 1]?.v === 'in') {
        i += 2;
        op = 'not in';
      } else if (peek('is')) {
        i++;
        op = peek('not') ? (i++, 'is not') : 'is';
      }
      if (!op) break;
      pairs.push([op, arith()]);
    }
    return pairs.length ? { k: 'cmp', first, pairs } : first;
  };
  const arith = () => {
    let left = unary();
    while (peek('+') || peek('-')) {
      const op = tokens[i++].v;
      left = { k: 'arith', op, a: left, b: unary() };
    }
    return left;
  };
  const unary = () => (peek('-') ? (i++, { k: 'neg', a: unary() }) : postfix());
  const postfix = () => {
    let node = atom();
    for (;;) {
      if (peek('[')) {
        i++;
        const index = orTest();
        eat(']');
        node = { k: 'sub', a: node, index };
      } else if (peek('.')) {
        i++;
        const name = tokens[i++];
        if (name?.t !== 'name') throw new Unsupported('attribute');
        node = { k: 'attr', a: node, name: name.v };
      } else if (peek('(')) {
        i++;
        const args = [];
        while (!peek(')')) {
          args.push(orTest());
          if (!peek(')')) eat(',');
        }
        eat(')');
        node = { k: 'call', f: node, args };
      } else return node;
    }
  };
  const atom = () => {
    const tok = tokens[i++];
    if (!tok) throw new Unsupported('unexpected end');
    if (tok.t === 'num') return { k: 'lit', v: tok.v };
    if (tok.t === 'str') {
      let v = tok.v;
      while (tokens[i]?.t === 'str') v += tokens[i++].v; // implicit concatenation
      return { k: 'lit', v };
    }
    if (tok.t === 'name') {
      if (tok.v === 'None') return { k: 'lit', v: null };
      if (tok.v === 'True') return { k: 'lit', v: true };
      if (tok.v === 'False') return { k: 'lit', v: false };
      if (['lambda', 'for', 'if', 'else'].includes(tok.v)) throw new Unsupported(tok.v);
      return { k: 'name', v: tok.v };
    }
    if (tok.v === '(') {
      const items = [];
      let tuple = false;
      while (!peek(')')) {
        items.push(orTest());
        if (peek(',')) {
          i++;
          tuple = true;
        } else break;
      }
      eat(')');
      return tuple || items.length === 0 ? { k: 'list', items } : items[0];
    }
    if (tok.v === '[') {
      const items = [];
      while (!peek(']')) {
        items.push(orTest());
        if (peek(',')) i++;
        else break;
      }
      eat(']');
      return { k: 'list', items };
    }
    if (tok.v === '{') {
      const entries = [];
      while (!peek('}')) {
        const key = orTest();
        eat(':');
        entries.push([key, orTest()]);
        if (peek(',')) i++;
        else break;
      }
      eat('}');
      return { k: 'dict', entries };
    }
    throw new Unsupported(`token ${tok.v}`);
  };
  const tree = orTest();
  if (i !== tokens.length) throw new Unsupported(`trailing ${tokens[i].v}`);
  return tree;
}

/** Python truthiness. */
export function truthy(v) {
  if (v === null || v === undefined || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object' && !(v instanceof TextValue)) return Object.keys(v).length > 0;
  return true;
}

/** A string that compares by its visible text (feedparser keeps HTML where feedclean gives text). */
export class TextValue {
  constructor(text, normalize) {
    this.text = text;
    this.normalize = normalize;
  }
  toString() {
    return this.text;
  }
}

function equal(a, b) {
  if (a instanceof TextValue || b instanceof TextValue) {
    const tv = a instanceof TextValue ? a : b;
    const other = tv === a ? b : a;
    const otherText = other instanceof TextValue ? other.text : other;
    if (typeof otherText !== 'string') return false;
    // Either side may be markup or already plain text (where a literal `<b>` is text): equal when
    // some reading of each gives the same visible text.
    const readings = (t) => [t.replace(/\s+/g, ' ').trim(), tv.normalize(t)];
    const mine = readings(tv.text);
    return readings(otherText).some((r) => mine.includes(r));
  }
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, k) => equal(x, b[k]));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => equal(a[k], b[k]));
  }
  if (typeof a === 'boolean' || typeof b === 'boolean') return Number(a) === Number(b);
  return a === b;
}

export function evaluate(node, scope) {
  const ev = (n) => evaluate(n, scope);
  switch (node.k) {
    case 'lit':
      return node.v;
    case 'list':
      return node.items.map(ev);
    case 'dict':
      return Object.fromEntries(node.entries.map(([k, v]) => [ev(k), ev(v)]));
    case 'name':
      if (!(node.v in scope)) throw new Unsupported(`name ${node.v}`);
      return scope[node.v];
    case 'not':
      return !truthy(ev(node.a));
    case 'and': {
      const a = ev(node.a);
      return truthy(a) ? ev(node.b) : a;
    }
    case 'or': {
      const a = ev(node.a);
      return truthy(a) ? a : ev(node.b);
    }
    case 'neg':
      return -ev(node.a);
    case 'arith': {
      const a = ev(node.a);
      const b = ev(node.b);
      return node.op === '+' ? a + b : a - b;
    }
    case 'sub': {
      const target = ev(node.a);
      const index = ev(node.index);
      const value = Array.isArray(target) || typeof target === 'string' ? target.at(index) : target?.[index];
      if (value === undefined) throw new PyError(`KeyError ${JSON.stringify(index)}`);
      return value;
    }
    case 'attr': {
      const target = ev(node.a);
      if (target && typeof target === 'object' && !Array.isArray(target) && node.name in target) return target[node.name];
      if (['get', 'keys', 'has_key'].includes(node.name)) return { method: node.name, target };
      throw new PyError(`AttributeError ${node.name}`);
    }
    case 'call': {
      const f = node.f.k === 'name' ? node.f.v : ev(node.f);
      const args = node.args.map(ev);
      if (f === 'len') {
        const x = args[0];
        return Array.isArray(x) || typeof x === 'string' ? [...x].length : Object.keys(x).length;
      }
      if (f === 'ord') return String(args[0]).codePointAt(0);
      if (f && typeof f === 'object' && f.method === 'get') return f.target?.[args[0]] ?? args[1] ?? null;
      if (f && typeof f === 'object' && f.method === 'keys') return Object.keys(f.target ?? {});
      if (f && typeof f === 'object' && f.method === 'has_key') return args[0] in (f.target ?? {});
      throw new Unsupported(`call ${typeof f === 'string' ? f : f?.method}`);
    }
    case 'cmp': {
      let left = ev(node.first);
      for (const [op, rightNode] of node.pairs) {
        const right = ev(rightNode);
        let ok;
        switch (op) {
          case '==':
            ok = equal(left, right);
            break;
          case '!=':
            ok = !equal(left, right);
            break;
          case 'is':
            ok = left === right || (left === undefined && right === null);
            break;
          case 'is not':
            ok = !(left === right || (left === undefined && right === null));
            break;
          case 'in':
          case 'not in': {
            const hay = right instanceof TextValue ? right.text : right;
            const has =
              typeof hay === 'string'
                ? hay.includes(String(left))
                : Array.isArray(hay)
                  ? hay.some((x) => equal(x, left))
                  : hay && typeof hay === 'object'
                    ? String(left) in hay
                    : false;
            ok = op === 'in' ? has : !has;
            break;
          }
          default:
            ok = op === '<' ? left < right : op === '>' ? left > right : op === '<=' ? left <= right : left >= right;
        }
        if (!ok) return false;
        left = right;
      }
      return true;
    }
    default:
      throw new Unsupported(node.k);
  }
}

/** Subscript/attribute key chains under each root name, for deciding applicability. */
export function keyPaths(node, out = []) {
  const chain = (n) => {
    if (n.k === 'name') return [n.v];
    if (n.k === 'sub') {
      const base = chain(n.a);
      if (!base) return null;
      return [...base, n.index.k === 'lit' && typeof n.index.v === 'string' ? n.index.v : '*'];
    }
    if (n.k === 'attr') {
      const base = chain(n.a);
      return base ? [...base, n.name] : null;
    }
    return null;
  };
  const c = chain(node);
  if (c && (node.k === 'sub' || node.k === 'attr' || node.k === 'name')) out.push(c);
  for (const value of Object.values(node)) {
    if (Array.isArray(value))
      value.forEach((v) => (Array.isArray(v) ? v.forEach((w) => w?.k && keyPaths(w, out)) : v?.k && keyPaths(v, out)));
    else if (value && typeof value === 'object' && value.k) keyPaths(value, out);
  }
  return out;
}
