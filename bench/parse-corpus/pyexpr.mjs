// A reader for the small subset of Python expressions that feedparser's test files use in their
// "Expect:" header (comparisons of subscripts against literals, joined with and/or/not). It builds an AST;
// the harness decides which comparisons talk about a field cyberread has. Nothing here is ever executed.

const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'is', 'None', 'True', 'False']);

function tokenize(src) {
  const out = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const str = /^([uUrRbB]{0,2})("""|'''|"|')/.exec(src.slice(i, i + 5));
    if (str && (str[1] === '' || /[A-Za-z]/.test(c))) {
      const prefix = str[1].toLowerCase();
      const quote = str[2];
      let j = i + str[0].length;
      let value = '';
      const raw = prefix.includes('r');
      for (;;) {
        if (j >= src.length) throw new Error(`unterminated string in ${src}`);
        if (src.startsWith(quote, j)) {
          j += quote.length;
          break;
        }
        const ch = src[j];
        if (ch === '\\' && !raw) {
          const e = src[j + 1];
          const simple = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', 0: '\0', a: '\x07', b: '\b', f: '\f', v: '\v' };
          if (e === 'x') {
            value += String.fromCharCode(parseInt(src.slice(j + 2, j + 4), 16));
            j += 4;
          } else if (e === 'u') {
            value += String.fromCharCode(parseInt(src.slice(j + 2, j + 6), 16));
            j += 6;
          } else if (e === 'U') {
            value += String.fromCodePoint(parseInt(src.slice(j + 2, j + 10), 16));
            j += 10;
          } else if (e === '\n') {
            j += 2;
          } else if (e !== undefined && e in simple) {
            value += simple[e];
            j += 2;
          } else {
            value += '\\';
            j += 1;
          }
          continue;
        }
        if (ch === '\\' && raw && src[j + 1] === quote[0]) {
          value += '\\' + quote[0];
          j += 2;
          continue;
        }
        value += ch;
        j++;
      }
      out.push({ t: 'str', v: value });
      i = j;
      continue;
    }
    const num = /^\d+(?:\.\d+)?(?:[eE][+-]?\d+)?[lL]?/.exec(src.slice(i));
    if (num) {
      out.push({ t: 'num', v: Number(num[0].replace(/[lL]$/, '')) });
      i += num[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (name) {
      out.push(KEYWORDS.has(name[0]) ? { t: 'kw', v: name[0] } : { t: 'name', v: name[0] });
      i += name[0].length;
      continue;
    }
    const op = /^(==|!=|<=|>=|[<>()[\]{},.:+\-*%])/.exec(src.slice(i));
    if (op) {
      out.push({ t: 'op', v: op[0] });
      i += op[0].length;
      continue;
    }
    throw new Error(`cannot read ${JSON.stringify(src.slice(i, i + 10))}`);
  }
  return out;
}

/** Parses one expression into nodes: {k:'and'|'or', items}, {k:'not', x}, {k:'cmp', ops, items}, {k:'sub', x, key},
 * {k:'attr', x, name}, {k:'call', f, args}, {k:'name', v}, {k:'lit', v}, {k:'tuple'|'list', items}, {k:'dict', entries}. */
export function parsePy(src) {
  const toks = tokenize(src);
  let p = 0;
  const peek = () => toks[p];
  const is = (t, v) => toks[p] !== undefined && toks[p].t === t && (v === undefined || toks[p].v === v);
  const take = (t, v) => {
    if (!is(t, v)) throw new Error(`expected ${v ?? t} at ${p} in ${src}`);
    return toks[p++];
  };

  function orExpr() {
    const items = [andExpr()];
    while (is('kw', 'or')) {
      p++;
      items.push(andExpr());
    }
    return items.length === 1 ? items[0] : { k: 'or', items };
  }
  function andExpr() {
    const items = [notExpr()];
    while (is('kw', 'and')) {
      p++;
      items.push(notExpr());
    }
    return items.length === 1 ? items[0] : { k: 'and', items };
  }
  function notExpr() {
    if (is('kw', 'not')) {
      p++;
      return { k: 'not', x: notExpr() };
    }
    return comparison();
  }
  function comparison() {
    const items = [arith()];
    const ops = [];
    for (;;) {
      let op = null;
      if (is('op', '==') || is('op', '!=') || is('op', '<') || is('op', '>') || is('op', '<=') || is('op', '>=')) op = toks[p++].v;
      else if (is('kw', 'in')) {
        p++;
        op = 'in';
      } else if (is('kw', 'not') && toks[p + 1]?.t === 'kw' && toks[p + 1]?.v === 'in') {
        p += 2;
        op = 'not in';
      } else if (is('kw', 'is')) {
        p++;
        op = 'is';
        if (is('kw', 'not')) {
          p++;
          op = 'is not';
        }
      }
      if (op === null) break;
      ops.push(op);
      items.push(arith());
    }
    return ops.length === 0 ? items[0] : { k: 'cmp', ops, items };
  }
  function arith() {
    let x = unary();
    while (is('op', '+') || is('op', '*') || is('op', '%') || (is('op', '-') && true)) {
      const op = toks[p++].v;
      x = { k: 'bin', op, a: x, b: unary() };
    }
    return x;
  }
  function unary() {
    if (is('op', '-')) {
      p++;
      const x = unary();
      if (x.k === 'lit' && typeof x.v === 'number') return { k: 'lit', v: -x.v };
      return { k: 'neg', x };
    }
    return postfix();
  }
  function postfix() {
    let x = atom();
    for (;;) {
      if (is('op', '[')) {
        p++;
        const key = orExpr();
        if (is('op', ':')) {
          p++;
          const end = is('op', ']') ? null : orExpr();
          take('op', ']');
          x = { k: 'slice', x, from: key, to: end };
          continue;
        }
        take('op', ']');
        x = { k: 'sub', x, key };
      } else if (is('op', '.')) {
        p++;
        x = { k: 'attr', x, name: take('name').v };
      } else if (is('op', '(')) {
        p++;
        const args = [];
        while (!is('op', ')')) {
          args.push(orExpr());
          if (is('op', ',')) p++;
        }
        take('op', ')');
        x = { k: 'call', f: x, args };
      } else {
        return x;
      }
    }
  }
  function atom() {
    const t = peek();
    if (!t) throw new Error(`unexpected end of ${src}`);
    if (t.t === 'str') {
      p++;
      let v = t.v;
      while (is('str')) v += toks[p++].v;
      return { k: 'lit', v };
    }
    if (t.t === 'num') {
      p++;
      return { k: 'lit', v: t.v };
    }
    if (t.t === 'kw' && (t.v === 'None' || t.v === 'True' || t.v === 'False')) {
      p++;
      return { k: 'lit', v: t.v === 'None' ? null : t.v === 'True' };
    }
    if (t.t === 'name') {
      p++;
      return { k: 'name', v: t.v };
    }
    if (is('op', '(') || is('op', '[')) {
      const close = t.v === '(' ? ')' : ']';
      p++;
      const items = [];
      let comma = false;
      while (!is('op', close)) {
        items.push(orExpr());
        if (is('op', ',')) {
          p++;
          comma = true;
        }
      }
      p++;
      if (close === ')' && items.length === 1 && !comma) return items[0];
      return { k: close === ')' ? 'tuple' : 'list', items };
    }
    if (is('op', '{')) {
      p++;
      const entries = [];
      while (!is('op', '}')) {
        const key = orExpr();
        take('op', ':');
        entries.push([key, orExpr()]);
        if (is('op', ',')) p++;
      }
      p++;
      return { k: 'dict', entries };
    }
    throw new Error(`unexpected ${t.v} in ${src}`);
  }

  const tree = orExpr();
  if (p !== toks.length) throw new Error(`trailing tokens in ${src}`);
  return tree;
}

/** The literal value of a node made only of literals (tuples become arrays), or undefined. */
export function literal(node) {
  if (node.k === 'lit') return node.v;
  if (node.k === 'tuple' || node.k === 'list') {
    const out = node.items.map(literal);
    return out.includes(undefined) ? undefined : out;
  }
  if (node.k === 'dict') return node.entries.length === 0 ? {} : undefined;
  return undefined;
}

/**
 * A subscript chain as a path (['entries', 0, 'title']) when the node is one, else null. `x.y` counts
 * as `x['y']` (feedparser's dicts allow both); `x.get('k')` too.
 */
export function pathOf(node) {
  if (node.k === 'name') return [node.v];
  if (node.k === 'sub') {
    const base = pathOf(node.x);
    const key = literal(node.key);
    if (base === null || (typeof key !== 'string' && typeof key !== 'number')) return null;
    return [...base, key];
  }
  if (node.k === 'attr') {
    const base = pathOf(node.x);
    return base === null ? null : [...base, node.name];
  }
  if (node.k === 'call' && node.f.k === 'attr' && node.f.name === 'get' && node.args.length >= 1) {
    const base = pathOf(node.f.x);
    const key = literal(node.args[0]);
    if (base === null || typeof key !== 'string') return null;
    return [...base, key];
  }
  return null;
}
