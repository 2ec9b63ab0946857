// Reads the data providers of PHPUnit tests (SimplePie's): `public static function nameProvider()` returning
// an array literal, or yielding `'case' => [...]` entries, of strings (quoted, heredoc, nowdoc), numbers, null
// and nested arrays. Enough PHP to read test data, nothing more: anything else makes a case unreadable.

/** Tokens of a PHP source: strings, numbers, words, and the punctuation array literals use. */
function tokenize(src) {
  const out = [];
  let i = 0;
  const n = src.length;
  while (i < n) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
    } else if (src.startsWith('//', i) || c === '#') {
      const e = src.indexOf('\n', i);
      i = e === -1 ? n : e + 1;
    } else if (src.startsWith('/*', i)) {
      const e = src.indexOf('*/', i + 2);
      i = e === -1 ? n : e + 2;
    } else if (src.startsWith('<<<', i)) {
      const m = /^<<<[ \t]*(["']?)([A-Za-z_]\w*)\1\r?\n/.exec(src.slice(i, i + 80));
      if (!m) {
        out.push({ t: 'p', v: '<' });
        i++;
        continue;
      }
      const nowdoc = m[1] === "'";
      const label = m[2];
      const bodyStart = i + m[0].length;
      // The closing label: on its own line, maybe indented (PHP 7.3), followed by a non-word character.
      const close = new RegExp(`\\n([ \\t]*)${label}\\b`, 'g');
      close.lastIndex = bodyStart - 1;
      const hit = close.exec(src);
      if (!hit) throw new Error(`unterminated heredoc ${label}`);
      let body = src.slice(bodyStart, hit.index);
      const indent = hit[1];
      if (indent) body = body.split('\n').map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l)).join('\n');
      out.push({ t: 's', v: nowdoc ? body : unescapeDouble(body, true) });
      i = hit.index + hit[0].length;
    } else if (c === "'") {
      let j = i + 1;
      let s = '';
      while (j < n && src[j] !== "'") {
        if (src[j] === '\\' && (src[j + 1] === "'" || src[j + 1] === '\\')) {
          s += src[j + 1];
          j += 2;
        } else s += src[j++];
      }
      out.push({ t: 's', v: s });
      i = j + 1;
    } else if (c === '"') {
      let j = i + 1;
      while (j < n && src[j] !== '"') j += src[j] === '\\' ? 2 : 1;
      out.push({ t: 's', v: unescapeDouble(src.slice(i + 1, j), false) });
      i = j + 1;
    } else if (/[0-9]/.test(c) || (c === '-' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = /^-?(?:0x[0-9a-f]+|\d[\d_]*(?:\.\d+)?(?:e[+-]?\d+)?)/i.exec(src.slice(i, i + 40));
      out.push({ t: 'n', v: Number(m[0].replace(/_/g, '')) });
      i += m[0].length;
    } else if (/[A-Za-z_\\$]/.test(c)) {
      const m = /^[$\\A-Za-z_][\w\\]*/.exec(src.slice(i, i + 200));
      out.push({ t: 'w', v: m[0] });
      i += m[0].length;
    } else if (src.startsWith('=>', i)) {
      out.push({ t: 'p', v: '=>' });
      i += 2;
    } else {
      out.push({ t: 'p', v: c });
      i++;
    }
  }
  return out;
}

/** Double-quoted (and heredoc) escapes; "$var" interpolation is not data, and makes the value unreadable. */
function unescapeDouble(s, heredoc) {
  if (/\$[A-Za-z_{]/.test(s)) return { unreadable: true };
  const map = { n: '\n', t: '\t', r: '\r', v: '\v', e: '\x1b', f: '\f', '\\': '\\', $: '$', '"': heredoc ? '\\"' : '"' };
  return s.replace(/\\(x[0-9a-fA-F]{1,2}|u\{[0-9a-fA-F]+\}|[0-7]{1,3}|.)/g, (all, e) => {
    if (e[0] === 'x') return String.fromCharCode(parseInt(e.slice(1), 16));
    if (e[0] === 'u' && e[1] === '{') return String.fromCodePoint(parseInt(e.slice(2, -1), 16));
    if (/^[0-7]/.test(e)) return String.fromCharCode(parseInt(e, 8));
    return map[e] ?? all;
  });
}

/** One value at tokens[i]: returns [value, next index]. Concatenation with "." is joined. */
function value(tokens, i) {
  const tok = tokens[i];
  if (!tok) throw new Error('end of input');
  let v;
  let j = i + 1;
  if (tok.t === 's' || tok.t === 'n') v = tok.v;
  else if (tok.t === 'w' && /^null$/i.test(tok.v)) v = null;
  else if (tok.t === 'w' && /^(true|false)$/i.test(tok.v)) v = tok.v.toLowerCase() === 'true';
  else if (tok.t === 'p' && tok.v === '[') [v, j] = array(tokens, i + 1, ']');
  else if (tok.t === 'w' && tok.v === 'array' && tokens[i + 1]?.v === '(') [v, j] = array(tokens, i + 2, ')');
  else throw new Error(`not data: ${tok.v}`);
  while (tokens[j]?.t === 'p' && tokens[j].v === '.') {
    const [w, k] = value(tokens, j + 1);
    v = typeof v === 'string' && typeof w === 'string' ? v + w : { unreadable: true };
    j = k;
  }
  return [v, j];
}

function array(tokens, i, end) {
  const list = [];
  const keyed = {};
  let hasKeys = false;
  let j = i;
  while (tokens[j] && !(tokens[j].t === 'p' && tokens[j].v === end)) {
    let [v, k] = value(tokens, j);
    if (tokens[k]?.v === '=>') {
      const [w, k2] = value(tokens, k + 1);
      keyed[String(v)] = w;
      hasKeys = true;
      list.push(w);
      k = k2;
    } else list.push(v);
    if (tokens[k]?.v === ',') k++;
    j = k;
  }
  return [hasKeys ? Object.assign(list, { keys: keyed }) : list, j + 1];
}

/**
 * The data providers of one PHP test file: name → list of { name, args } cases. A provider that cannot be
 * read is left out; a case whose values are not all data has `unreadable`.
 */
export function phpProviders(src) {
  const tokens = tokenize(src);
  const providers = {};
  for (let i = 0; i < tokens.length; i++) {
    if (!(tokens[i].t === 'w' && tokens[i].v === 'function' && tokens[i + 1]?.t === 'w')) continue;
    const name = tokens[i + 1].v;
    let j = i + 2;
    while (tokens[j] && tokens[j].v !== '{' && tokens[j].v !== ';') j++;
    if (tokens[j]?.v !== '{') continue;
    // The body: up to the matching brace.
    let depth = 0;
    let k = j;
    for (; k < tokens.length; k++) {
      if (tokens[k].t !== 'p') continue;
      if (tokens[k].v === '{') depth++;
      else if (tokens[k].v === '}' && --depth === 0) break;
    }
    const body = tokens.slice(j + 1, k);
    const cases = [];
    try {
      if (body[0]?.v === 'return') {
        const [v] = value(body, 1);
        if (Array.isArray(v)) {
          const names = v.keys ? Object.keys(v.keys) : null;
          v.forEach((args, idx) => cases.push({ name: names?.[idx] ?? String(idx), args }));
        }
      } else {
        for (let p = 0; p < body.length; p++) {
          if (body[p].v !== 'yield') continue;
          let [first, q] = value(body, p + 1);
          let caseName = String(cases.length);
          if (body[q]?.v === '=>') {
            caseName = String(first);
            [first, q] = value(body, q + 1);
          }
          cases.push({ name: caseName, args: first });
          p = q - 1;
        }
      }
    } catch {
      continue;
    }
    if (cases.length > 0) providers[name] = cases;
    i = k;
  }
  return providers;
}
