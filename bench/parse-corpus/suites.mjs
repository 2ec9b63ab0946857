// Loads the public feed-parser test suites from a local mirror and turns the expectations each one ships
// into checks on the fields cyberread's ParsedFeed has. A check is
//   { scope: 'feed' | 'item' | 'count' | 'date', index, field, op: 'eq' | 'absent' | 'present', expected, input? }
// Expectations about things cyberread does not keep (text-construct types, xml:base values, contributors,
// itunes flags, geo, feed descriptions …) are counted as "not applicable" and left out of the agreement.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadHeldOut, walk } from './heldout.mjs';
import { literal, parsePy, pathOf } from './pyexpr.mjs';

/** struct_time-like tuple (UTC) → epoch ms. */
function tupleMs(t) {
  if (!Array.isArray(t) || t.length < 6) return undefined;
  const [y, mo, d, h, mi, s] = t;
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, 0);
  return date.getTime();
}

// ---------------------------------------------------------------------------------------------------------
// feedparser (kurtmckee/feedparser, BSD-2-Clause): "Expect:" Python expressions in a header comment.

/** feedparser result path → check target, or null when cyberread has no such field. */
function mapFeedparserPath(path) {
  const [root, ...rest] = path;
  if (root === 'feed') {
    const [k, k2] = rest;
    if (k === 'title' && rest.length === 1) return { scope: 'feed', field: 'feed.title' };
    if (k === 'title_detail' && k2 === 'value') return { scope: 'feed', field: 'feed.title' };
    if (k === 'link' && rest.length === 1) return { scope: 'feed', field: 'feed.link' };
    if (k === 'language' && rest.length === 1) return { scope: 'feed', field: 'feed.lang' };
    // The language of one text construct (title_detail.language …) is not a field cyberread keeps: it has
    // one language per feed and one per item, the language of the body.
    return null;
  }
  if (root !== 'entries' || typeof rest[0] !== 'number') return null;
  const index = rest[0];
  const [k, k2, k3] = rest.slice(1);
  const n = rest.length - 1;
  const at = (field, extra = {}) => ({ scope: 'item', index, field, ...extra });
  if (k === 'title' && n === 1) return at('title');
  if (k === 'title_detail' && k2 === 'value') return at('title');
  if (k === 'link' && n === 1) return at('link');
  if ((k === 'id' || k === 'guid') && n === 1) return at('guid');
  if (k === 'author' && n === 1) return at('author', { authorString: true });
  if (k === 'author_detail' && k2 === 'name') return at('author');
  if (k === 'authors' && k2 === 0 && k3 === 'name') return at('author');
  if (k === 'published_parsed' && n === 1) return at('published');
  if (k === 'updated_parsed' && n === 1) return at('updated');
  if ((k === 'summary' || k === 'description') && n === 1) return at('summary');
  if ((k === 'summary_detail' || k === 'description_detail') && k2 === 'value') return at('summary');
  if (k === 'content' && typeof k2 === 'number' && k3 === 'value') return at('content');
  if (k === 'content' && typeof k2 === 'number' && k3 === 'language') return at('lang');
  if (k === 'tags' && typeof k2 === 'number' && k3 === 'term') return at('categories', { member: true });
  if (k === 'category' && n === 1) return at('categories', { member: true });
  if (k === 'enclosures' && typeof k2 === 'number' && (k3 === 'href' || k3 === 'url')) return at('enclosures', { enc: k2, part: 'url' });
  if (k === 'enclosures' && typeof k2 === 'number' && k3 === 'type') return at('enclosures', { enc: k2, part: 'type' });
  if (k === 'enclosures' && typeof k2 === 'number' && k3 === 'length') return at('enclosures', { enc: k2, part: 'length' });
  if (k === 'image' && k2 === 'href') return at('image');
  if (k === 'media_thumbnail' && k2 === 0 && k3 === 'url') return at('image');
  return null;
}

function fpValue(target, value) {
  if (target.field === 'published' || target.field === 'updated') return value === null ? null : tupleMs(value);
  if (target.part === 'length' && typeof value === 'string') return Number(value);
  return value;
}

function flattenAnd(node, out = []) {
  if (node.k === 'and') for (const x of node.items) flattenAnd(x, out);
  else out.push(node);
  return out;
}

/** Checks from one feedparser Expect expression; `na` counts comparisons about fields we do not have. */
export function feedparserChecks(expr) {
  const checks = [];
  let na = 0;
  let unsupported = 0;
  let tree;
  try {
    tree = parsePy(expr);
  } catch {
    return { checks, na, unsupported: 1 };
  }
  for (const atom of flattenAnd(tree)) {
    if (atom.k === 'name' && atom.v === 'bozo') continue;
    if (atom.k === 'not' && atom.x.k === 'name' && atom.x.v === 'bozo') continue;
    if (atom.k === 'lit') continue;
    // not X.has_key('k')  /  'k' not in X
    let absentPath = null;
    if (atom.k === 'not' && atom.x.k === 'call' && atom.x.f.k === 'attr' && atom.x.f.name === 'has_key') {
      const base = pathOf(atom.x.f.x);
      const key = literal(atom.x.args[0] ?? { k: 'x' });
      if (base && typeof key === 'string') absentPath = [...base, key];
    } else if (atom.k === 'cmp' && atom.ops.length === 1 && atom.ops[0] === 'not in') {
      const base = pathOf(atom.items[1]);
      const key = literal(atom.items[0]);
      if (base && typeof key === 'string') absentPath = [...base, key];
    }
    if (absentPath) {
      const target = mapFeedparserPath(absentPath);
      if (target && !target.member && target.enc === undefined) checks.push({ ...target, op: 'absent' });
      else na++;
      continue;
    }
    if (atom.k !== 'cmp') {
      unsupported++;
      continue;
    }
    // len(entries) == N
    if (atom.ops.length === 1 && atom.ops[0] === '==' && atom.items[0].k === 'call' && atom.items[0].f.k === 'name' && atom.items[0].f.v === 'len') {
      const p = pathOf(atom.items[0].args[0] ?? { k: 'x' });
      const n = literal(atom.items[1]);
      if (p && p.length === 1 && p[0] === 'entries' && typeof n === 'number') checks.push({ scope: 'count', field: 'items', op: 'eq', expected: n });
      else na++;
      continue;
    }
    if (atom.ops.every((o) => o === '==')) {
      const lits = atom.items.map(literal).filter((v) => v !== undefined);
      const paths = atom.items.map(pathOf).filter((v) => v !== null);
      if (lits.length !== 1 || paths.length + 1 !== atom.items.length) {
        unsupported++;
        continue;
      }
      for (const p of paths) {
        const target = mapFeedparserPath(p);
        if (!target) {
          na++;
          continue;
        }
        const expected = fpValue(target, lits[0]);
        if (expected === null) checks.push({ ...target, op: 'absent' });
        else if (expected === undefined) unsupported++;
        else checks.push({ ...target, op: 'eq', expected });
      }
      continue;
    }
    if (atom.ops.length === 1 && (atom.ops[0] === '!=' || atom.ops[0] === 'is not') && literal(atom.items[1]) === null) {
      const p = pathOf(atom.items[0]);
      const target = p && mapFeedparserPath(p);
      if (target) checks.push({ ...target, op: 'present' });
      else na++;
      continue;
    }
    unsupported++;
  }
  return { checks, na, unsupported };
}

function loadFeedparser(root) {
  const dir = join(root, 'feedparser', 'tests');
  const cases = [];
  for (const sub of ['wellformed', 'illformed', 'entities', 'encoding']) {
    for (const file of walk(join(dir, sub))) {
      if (!/\.(xml|rdf|atom|rss)$/.test(file)) continue;
      const bytes = readFileSync(file);
      const text = bytes.toString('latin1');
      const m = /Description:\s*(.*?)\s*Expect:\s*(.*)\s*-->/s.exec(text);
      const rel = relative(dir, file);
      // Expectations are written in the file's own encoding; feedparser reads the header as text.
      const header = m ? (() => {
        const bomless = new TextDecoder('utf-8').decode(bytes);
        const again = /Expect:\s*(.*?)\s*-->/s.exec(bomless);
        return again ? again[1] : m[2];
      })() : null;
      const { checks, na, unsupported } = header ? feedparserChecks(header) : { checks: [], na: 0, unsupported: 0 };
      const headers = {};
      for (const h of text.matchAll(/^Header:\s+([^:]+):(.*)$/gm)) headers[h[1].trim().toLowerCase()] = h[2].trim();
      // feedparser serves the files whose path says "http" from http://127.0.0.1:8097/tests/…, and a
      // Content-Location header is their base URL.
      let url;
      if (rel.includes('http')) {
        const docUri = `http://127.0.0.1:8097/tests/${rel}`;
        url = headers['content-location'] ? new URL(headers['content-location'], docUri).href : docUri;
      }
      cases.push({
        suite: 'feedparser',
        url,
        group: `feedparser/${sub === 'wellformed' ? rel.split('/')[1] : sub}`,
        file: rel,
        path: file,
        contentType: headers['content-type'] ?? null,
        checks,
        na,
        unsupported,
        // A feed a person can read: everything but the documents the suite itself calls empty or not a feed.
        mustRead: !/rss_empty_document|aaa_illformed|bozo_linenoise/.test(rel),
      });
    }
  }
  return cases;
}

/** feedparser's date-parser unit tests: (parser, input, expected struct_time or None). */
function loadFeedparserDates(root) {
  const file = join(root, 'feedparser', 'tests', 'test_date_parsers.py');
  if (!existsSync(file)) return [];
  const src = readFileSync(file, 'utf8');
  const checks = [];
  const re = /\(\s*(_parse_date\w*)\s*,\s*((?:[ru]?"(?:[^"\\]|\\.)*"\s*)+)\s*,\s*(None|\([\d\s,-]*\))\s*,?\s*\)/g;
  for (const m of src.matchAll(re)) {
    let input;
    let expected;
    try {
      input = literal(parsePy(m[2]));
      expected = m[3] === 'None' ? null : tupleMs(literal(parsePy(m[3])));
    } catch {
      continue;
    }
    if (typeof input !== 'string' || input === '') continue;
    // Dates before year 1000 are refused on purpose (no feed article is that old): leave them out.
    if (expected !== null && new Date(expected).getUTCFullYear() < 1000) continue;
    checks.push({ scope: 'date', field: 'date', op: expected === null ? 'absent' : 'eq', expected, input, parser: m[1] });
  }
  return [{ suite: 'feedparser-dates', group: 'feedparser/dates', file: 'test_date_parsers.py', path: null, checks, na: 0, unsupported: 0, mustRead: false }];
}

// ---------------------------------------------------------------------------------------------------------
// gofeed (mmcdole/gofeed, MIT): X.xml beside X.json holding the expected parse.

function first(list) {
  return Array.isArray(list) ? list[0] : undefined;
}

function textOf(v) {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && typeof v.value === 'string') return v.value;
  return undefined;
}

function authorOf(a) {
  if (!a || typeof a !== 'object') return undefined;
  return a.name || a.email || undefined;
}

/** Checks from a gofeed universal Feed (translator/…, parser/json expected) JSON. */
function universalChecks(exp) {
  const checks = [];
  let na = 0;
  const eq = (target, expected) => {
    if (expected === undefined || expected === null || expected === '') return;
    checks.push({ ...target, op: 'eq', expected });
  };
  eq({ scope: 'feed', field: 'feed.title' }, exp.title);
  eq({ scope: 'feed', field: 'feed.link' }, exp.link ?? exp.home_page_url);
  eq({ scope: 'feed', field: 'feed.lang' }, exp.language);
  for (const k of Object.keys(exp)) if (!['title', 'link', 'language', 'items', 'feedType', 'feedVersion', 'home_page_url', 'version'].includes(k)) na++;
  (exp.items ?? []).forEach((it, index) => {
    const at = (field, extra = {}) => ({ scope: 'item', index, field, ...extra });
    eq(at('title'), it.title);
    eq(at('link'), it.link ?? it.url);
    eq(at('guid'), it.guid ?? it.id);
    eq(at('author'), authorOf(first(it.authors)) ?? authorOf(it.author));
    if (it.publishedParsed || it.date_published) eq(at('published'), Date.parse(it.publishedParsed ?? it.date_published));
    if (it.updatedParsed || it.date_modified) eq(at('updated'), Date.parse(it.updatedParsed ?? it.date_modified));
    eq(at('summary'), it.description ?? it.summary);
    eq(at('content'), it.content ?? it.content_html);
    if (Array.isArray(it.categories ?? it.tags) && (it.categories ?? it.tags).length > 0) {
      checks.push({ ...at('categories'), op: 'eq', expected: (it.categories ?? it.tags).map(String) });
    }
    const encs = it.enclosures ?? it.attachments;
    if (Array.isArray(encs)) {
      encs.forEach((e, enc) => {
        eq(at('enclosures', { enc, part: 'url' }), e.url);
        if (e.type ?? e.mime_type) eq(at('enclosures', { enc, part: 'type' }), e.type ?? e.mime_type);
        const len = e.length ?? e.size_in_bytes;
        if (len !== undefined && len !== '' && Number(len) > 0) eq(at('enclosures', { enc, part: 'length' }), Number(len));
      });
    }
    eq(at('image'), it.image?.url ?? (typeof it.image === 'string' ? it.image : undefined));
    for (const k of Object.keys(it)) {
      if (!['title', 'link', 'url', 'guid', 'id', 'authors', 'author', 'publishedParsed', 'published', 'updatedParsed', 'updated', 'date_published', 'date_modified',
        'description', 'summary', 'content', 'content_html', 'categories', 'tags', 'enclosures', 'attachments', 'image'].includes(k)) na++;
    }
  });
  return { checks, na };
}

/** Checks from a gofeed format-specific parse (parser/rss, parser/atom). */
function formatChecks(exp, kind) {
  const checks = [];
  let na = 0;
  const eq = (target, expected) => {
    if (expected === undefined || expected === null || expected === '') return;
    checks.push({ ...target, op: 'eq', expected });
  };
  eq({ scope: 'feed', field: 'feed.title' }, textOf(exp.title));
  if (kind === 'rss') eq({ scope: 'feed', field: 'feed.link' }, exp.link);
  eq({ scope: 'feed', field: 'feed.lang' }, exp.language);
  for (const k of Object.keys(exp)) if (!['title', 'link', 'language', 'items', 'entries', 'version'].includes(k)) na++;
  (exp.items ?? exp.entries ?? []).forEach((it, index) => {
    const at = (field, extra = {}) => ({ scope: 'item', index, field, ...extra });
    const known = new Set();
    const use = (k) => known.add(k);
    eq(at('title'), textOf(it.title));
    use('title');
    if (kind === 'rss') {
      eq(at('link'), it.link);
      eq(at('guid'), it.guid?.value);
      if (it.author) checks.push({ ...at('author', { authorString: true }), op: 'eq', expected: it.author });
      eq(at('summary'), it.description);
      eq(at('content'), it.content);
      if (it.pubDateParsed) eq(at('published'), Date.parse(it.pubDateParsed));
      (it.categories ?? []).forEach((c) => eq(at('categories', { member: true }), c.value));
      const encs = it.enclosures ?? (it.enclosure ? [it.enclosure] : []);
      encs.forEach((e, enc) => {
        eq(at('enclosures', { enc, part: 'url' }), e.url);
        if (e.type) eq(at('enclosures', { enc, part: 'type' }), e.type);
        if (e.length && Number(e.length) > 0) eq(at('enclosures', { enc, part: 'length' }), Number(e.length));
      });
      ['link', 'guid', 'author', 'description', 'content', 'pubDateParsed', 'pubDate', 'categories', 'enclosures', 'enclosure'].forEach(use);
    } else {
      const alt = (it.links ?? []).find((l) => !l.rel || l.rel === 'alternate');
      eq(at('link'), alt?.href);
      eq(at('guid'), it.id);
      eq(at('author'), authorOf(first(it.authors)));
      eq(at('summary'), textOf(it.summary));
      eq(at('content'), textOf(it.content));
      if (it.publishedParsed) eq(at('published'), Date.parse(it.publishedParsed));
      if (it.updatedParsed) eq(at('updated'), Date.parse(it.updatedParsed));
      (it.categories ?? []).forEach((c) => eq(at('categories', { member: true }), c.term ?? c.label));
      ['link', 'id', 'authors', 'summary', 'content', 'publishedParsed', 'published', 'updatedParsed', 'updated', 'categories'].forEach(use);
      if ((it.links ?? []).some((l) => l.rel && l.rel !== 'alternate')) na++;
    }
    for (const k of Object.keys(it)) if (!known.has(k)) na++;
  });
  return { checks, na };
}

function loadGofeed(root) {
  const dir = join(root, 'gofeed', 'testdata');
  const cases = [];
  for (const file of walk(dir)) {
    const rel = relative(dir, file);
    const parts = rel.split('/');
    if (/\.json$/.test(file) && /_expected\.json$/.test(file)) continue;
    let expectedFile;
    if (/\.xml$/.test(file)) expectedFile = file.replace(/\.xml$/, '.json');
    else if (/\.json$/.test(file) && parts[0] !== 'extensions' && (parts[1] === 'json' || parts[0] === 'parser' && parts[1] === 'universal')) expectedFile = file.replace(/\.json$/, '_expected.json');
    else continue;
    const mustRead = !/invalid|unknown_feed|empty_feed/.test(rel);
    let checks = [];
    let na = 0;
    if (existsSync(expectedFile) && expectedFile !== file) {
      let exp;
      try {
        exp = JSON.parse(readFileSync(expectedFile, 'utf8'));
      } catch {
        exp = null;
      }
      if (exp) {
        const kind = parts[0] === 'parser' ? parts[1] : 'universal';
        const r = kind === 'rss' || kind === 'atom' ? formatChecks(exp, kind) : universalChecks(exp);
        checks = r.checks;
        na = r.na;
      }
    }
    cases.push({ suite: 'gofeed', group: `gofeed/${parts.slice(0, 2).join('/')}`, file: rel, path: file, contentType: null, checks, na, unsupported: 0, mustRead });
  }
  return cases;
}

// ---------------------------------------------------------------------------------------------------------
// rss-parser (rbren/rss-parser, MIT): test/input/X.* beside test/output/X.json (its own output, checked in).

function loadRssParser(root) {
  const dir = join(root, 'rss-parser', 'test');
  const cases = [];
  for (const file of walk(join(dir, 'input'))) {
    const name = file.slice(file.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '');
    const out = join(dir, 'output', `${name}.json`);
    const checks = [];
    let na = 0;
    if (existsSync(out)) {
      const feed = JSON.parse(readFileSync(out, 'utf8')).feed ?? {};
      // rss-parser's outputs are its own results, checked in: where it read a Latin-1 feed as UTF-8 its
      // "expected" text holds U+FFFD, which no correct parser can agree with, so those are left out.
      const eq = (target, expected) => {
        if (typeof expected !== 'string' || expected.trim() === '') return;
        if (expected.includes('\ufffd')) {
          na++;
          return;
        }
        checks.push({ ...target, op: 'eq', expected });
      };
      eq({ scope: 'feed', field: 'feed.title' }, feed.title);
      eq({ scope: 'feed', field: 'feed.link' }, feed.link);
      eq({ scope: 'feed', field: 'feed.lang' }, feed.language);
      (feed.items ?? []).forEach((it, index) => {
        const at = (field, extra = {}) => ({ scope: 'item', index, field, ...extra });
        eq(at('title'), it.title);
        eq(at('link'), it.link);
        eq(at('guid'), typeof it.guid === 'string' ? it.guid : it.id);
        eq(at('author'), it.creator ?? it.author);
        if (it.isoDate) checks.push({ ...at('published'), op: 'eq', expected: Date.parse(it.isoDate) });
        eq(at('content'), it['content:encoded']);
        for (const c of it.categories ?? []) eq(at('categories', { member: true }), typeof c === 'string' ? c : c?._);
        if (it.enclosure?.url) eq(at('enclosures', { enc: 0, part: 'url' }), it.enclosure.url);
        na += Object.keys(it).filter((k) => !['title', 'link', 'guid', 'id', 'creator', 'author', 'isoDate', 'pubDate', 'content:encoded', 'categories', 'enclosure'].includes(k)).length;
      });
    }
    cases.push({ suite: 'rss-parser', group: 'rss-parser', file: relative(dir, file), path: file, contentType: null, checks, na, unsupported: 0, mustRead: true });
  }
  return cases;
}

// ---------------------------------------------------------------------------------------------------------
// newsboat (MIT): feed files of its parser tests; their expectations live in C++ code, so these count for
// "files read" only.

function loadNewsboat(root) {
  const dir = join(root, 'newsboat', 'test', 'data');
  return walk(dir)
    .filter((f) => /\.(xml|atom|rss)$/.test(f) && !/empty\.xml$/.test(f))
    .map((file) => ({ suite: 'newsboat', group: 'newsboat', file: relative(dir, file), path: file, contentType: null, checks: [], na: 0, unsupported: 0, mustRead: true }));
}

/** Every suite: the ones the parser was tuned on, then the held-out ones (cases with `heldOut: true`). */
export function loadSuites(root) {
  return [...loadFeedparser(root), ...loadFeedparserDates(root), ...loadGofeed(root), ...loadRssParser(root), ...loadNewsboat(root), ...loadHeldOut(root)];
}
