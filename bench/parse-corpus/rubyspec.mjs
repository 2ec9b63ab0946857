// Reads the expectations of feedjira's RSpec files: which sample feed a variable holds (`@feed =
// Feedjira::Parser::Atom.parse(sample_atom_feed)`, `.entries.first`), and `expect(@entry.title).to eq "…"`
// with the value a literal, a variable holding one, a `%w[…]` list, a sample file or a parsed time. Enough
// Ruby for those lines; anything else is not read.

const RUBY_ESC = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\', "'": "'", e: '\x1b', s: ' ', 0: '\0' };

/** A Ruby string literal at the start of `s`: [value, rest] or null. Interpolation makes it unreadable. */
function rubyString(s) {
  const q = s[0];
  if (q !== '"' && q !== "'") return null;
  let out = '';
  let i = 1;
  for (; i < s.length && s[i] !== q; i++) {
    if (s[i] === '\\') {
      const c = s[++i];
      out += q === '"' ? (RUBY_ESC[c] ?? c) : c === "'" || c === '\\' ? c : `\\${c}`;
    } else if (q === '"' && s[i] === '#' && s[i + 1] === '{') return null;
    else out += s[i];
  }
  if (i >= s.length) return null;
  return [out, s.slice(i + 1).trim()];
}

const ACCESSORS = {
  entry: { title: 'title', url: 'link', author: 'author', summary: 'summary', content: 'content', published: 'published', updated: 'updated', categories: 'categories', id: 'guid', entry_id: 'guid', image: 'image', enclosure_url: 'enclosure.url', enclosure_type: 'enclosure.type', enclosure_length: 'enclosure.length' },
  feed: { title: 'feed.title', url: 'feed.link', language: 'feed.lang' },
};

/**
 * Expectations of one spec file: [{ sample, check }] where sample is a file name (via `samples`, the
 * `sample_x` → file table of spec/sample_feeds.rb) and check has the shape of suites.mjs.
 */
export function rubySpecChecks(src, samples, readSample) {
  const out = [];
  let na = 0;
  const ivars = new Map();
  let locals = new Map();
  const docOf = (expr) => {
    const e = expr.trim().replace(/^\(|\)$/g, '').trim();
    let m = /^load_sample\(\s*["']([^"']+)["']\s*\)$/.exec(e);
    if (m) return m[1];
    m = /^(sample_\w+)$/.exec(e);
    if (m && samples[m[1]]) return samples[m[1]];
    const v = locals.get(e) ?? ivars.get(e);
    return v?.kind === 'doc' ? v.sample : null;
  };
  /** What an expression holds: a parsed feed, one entry, a document, a string, a time, a list. */
  const evaluate = (expr) => {
    const e = expr.trim();
    const str = rubyString(e);
    if (str && str[1] === '') return { kind: 'value', value: str[0] };
    let m = /^%w\[([^\]]*)\]$/.exec(e);
    if (m) return { kind: 'value', value: m[1].trim().split(/\s+/).filter(Boolean) };
    m = /^(?:Feedjira::Util::ParseTime\.call|Time\.parse_safely|Time\.parse)\s*\(?\s*(["'].*)$/.exec(e);
    if (m) {
      const s = rubyString(m[1]);
      const t = s ? Date.parse(s[0].replace(/\bUTC\b/, 'GMT')) : NaN;
      return Number.isNaN(t) ? null : { kind: 'value', value: t, time: true };
    }
    m = /^(?:[\w:]+)\.parse[\s(]\s*([^)]*?)\s*\)?((?:\.entries(?:\.first|\.last|\[\d+\])?)?)$/.exec(e);
    if (m) {
      const sample = docOf(m[1]);
      if (!sample) return null;
      return entriesStep({ kind: 'feed', sample }, m[2]);
    }
    m = /^(@?\w+)((?:\.entries(?:\.first|\.last|\[\d+\])?)?)$/.exec(e);
    if (m) {
      const v = locals.get(m[1]) ?? ivars.get(m[1]);
      if (v) return entriesStep(v, m[2]);
      const sample = docOf(m[1]);
      if (sample) return { kind: 'doc', sample };
    }
    return null;
  };
  const entriesStep = (v, chain) => {
    if (!chain) return v;
    if (v.kind !== 'feed') return null;
    const m = /^\.entries(?:\.(first|last)|\[(\d+)\])?$/.exec(chain);
    if (!m) return null;
    if (m[1] === undefined && m[2] === undefined) return { kind: 'entries', sample: v.sample };
    return { kind: 'entry', sample: v.sample, index: m[1] === 'last' ? -1 : Number(m[2] ?? 0) };
  };
  // An example that sets a field (`@entry.title = "Foobar"`, `feed.url = new_url`) tests the setter: its
  // expectations are about what it wrote, not about the feed.
  let mutated = false;
  for (const raw of src.split('\n')) {
    const line = raw.trim();
    if (/^it\s/.test(line)) {
      locals = new Map();
      mutated = false;
    }
    if (/(?:^|\{\s*)[@\w.]+(?:\.\w+|\[[^\]]+\])\s*=[^=]/.test(line) || /\.\w+=\(/.test(line) || /\.sanitize_entries!|\.update_from_feed|\.each\b/.test(line)) mutated = true;
    if (mutated && /^expect/.test(line)) continue;
    let m = /^(@?\w+)\s*=\s*(.+)$/.exec(line);
    if (m && !/^(?:expect|it)\b/.test(line)) {
      const v = evaluate(m[2]);
      if (v) (m[1].startsWith('@') ? ivars : locals).set(m[1], v);
      else if (m[1].startsWith('@')) ivars.delete(m[1]);
      else locals.delete(m[1]);
      continue;
    }
    m = /^expect\((.+?)\)\.to eq[\s(]\s*(.+?)\)?$/.exec(line);
    if (!m) continue;
    // entries.size: the item count
    const countMatch = /^(.+)\.entries\.(size|length|count)$/.exec(m[1]);
    if (countMatch) {
      const feed = evaluate(countMatch[1]);
      const n = Number(m[2]);
      if (feed?.kind === 'feed' && Number.isInteger(n)) out.push({ sample: feed.sample, check: { scope: 'count', field: 'items', op: 'eq', expected: n } });
      continue;
    }
    const target = /^(.+)\.(\w+)$/.exec(m[1]);
    if (!target) continue;
    const holder = evaluate(target[1]);
    const acc = target[2];
    if (!holder || (holder.kind !== 'feed' && holder.kind !== 'entry')) continue;
    const field = ACCESSORS[holder.kind][acc];
    let value = evaluate(m[2]);
    if (value?.kind === 'doc') value = { kind: 'value', value: readSample(value.sample) };
    if (!field || !value || value.kind !== 'value') {
      na++;
      continue;
    }
    if (holder.kind === 'feed') {
      out.push({ sample: holder.sample, check: { scope: 'feed', field, op: 'eq', expected: value.value } });
      continue;
    }
    if (holder.kind !== 'entry') continue;
    const base = { scope: 'item', index: holder.index };
    if (field === 'categories') {
      if (Array.isArray(value.value)) out.push({ sample: holder.sample, check: { ...base, field, op: 'eq', expected: value.value } });
    } else if (field.startsWith('enclosure.')) {
      const part = field.slice(10);
      out.push({ sample: holder.sample, check: { ...base, field: 'enclosures', enc: 0, part, op: 'eq', expected: part === 'length' ? Number(value.value) : value.value } });
    } else if (field === 'published' || field === 'updated') {
      if (value.time) out.push({ sample: holder.sample, check: { ...base, field, op: 'eq', expected: value.value } });
    } else if (typeof value.value === 'string') {
      out.push({ sample: holder.sample, check: { ...base, field, op: 'eq', expected: value.value } });
    }
  }
  return { checks: out, na };
}
