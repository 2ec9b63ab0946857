// The held-out suites: public feed-parser test suites cyberread was NOT tuned on (feed-rs, SimplePie, the W3C
// feed validator, feedjira). Same check shape as suites.mjs; every case carries `heldOut: true` so the run
// reports their agreement apart from the suites the parser was tuned on.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { phpProviders } from './phpdata.mjs';
import { rubySpecChecks } from './rubyspec.mjs';

/** Every file below dir, sorted, depth first (also used by suites.mjs). */
export function walk(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

const HTML_ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** SimplePie returns URLs escaped for HTML attributes ("a=1&amp;b=2"): the URL itself. */
function unescapeHtml(s) {
  return s.replace(/&(amp|lt|gt|quot|apos|#x[0-9a-f]+|#\d+);/gi, (all, e) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return HTML_ENTITIES[e.toLowerCase()] ?? all;
  });
}

const MD5 = /^[0-9a-f]{32}$/;

// ---------------------------------------------------------------------------------------------------------
// SimplePie (simplepie/simplepie, BSD-3-Clause): PHPUnit data providers of (feed XML, expected value).
// Each provider's test reads one accessor of item 0 or of the feed; the table says which field of ours it is.

const SIMPLEPIE = {
  'Unit/ItemTest.php': {
    getContentDataProvider: { scope: 'item', field: 'content' },
    getDescriptionDataProvider: { scope: 'item', field: 'summary' },
    getDateDataProvider: { scope: 'item', field: 'published' },
    getIdDataProvider: { scope: 'item', field: 'guid' },
    getPermalinkDataProvider: { scope: 'item', field: 'link' },
    getTitleDataProvider: { scope: 'item', field: 'title' },
    getThumbnailProvider: { scope: 'item', field: 'image' },
    getBaseProvider: { scope: 'item', field: 'content' },
  },
  'Unit/SimplePieTest.php': {
    getTitleDataProvider: { scope: 'feed', field: 'feed.title' },
    getLinkDataProvider: { scope: 'feed', field: 'feed.link' },
    getLanguageDataProvider: { scope: 'feed', field: 'feed.lang' },
  },
  'Unit/AuthorTest.php': { getAuthorNameDataProvider: { scope: 'item', field: 'author' } },
  'Unit/CategoryTest.php': { getItemCategoryLabelDataProvider: { scope: 'item', field: 'categories', member: true } },
  'Unit/EnclosureTest.php': {
    getLinkProvider: { scope: 'item', field: 'enclosures', enc: 0, part: 'url' },
    getEnclosureIntAttributesProvider: { scope: 'item', field: 'enclosures', enc: 0, part: 'length', arg: 3 },
  },
};

function simplepieCheck(target, data, expected, extra) {
  const { arg, ...t } = target;
  const check = { ...t, index: t.scope === 'item' ? 0 : undefined };
  if (check.index === undefined) delete check.index;
  if (expected === null) {
    // SimplePie's author name is null when the author has only an e-mail address: we show the address then,
    // which is no disagreement about whether there is an author.
    if (t.field === 'author') return null;
    return { ...check, op: 'absent' };
  }
  if (t.field === 'published') {
    if (extra !== undefined && extra !== 'U') return null;
    return typeof expected === 'number' ? { ...check, op: 'eq', expected: expected * 1000 } : null;
  }
  if (t.field === 'guid' && typeof expected === 'string' && MD5.test(expected) && !data.includes(expected)) return null; // an id SimplePie made up
  if (t.part === 'length') return typeof expected === 'number' ? { ...check, op: 'eq', expected } : null;
  if (typeof expected !== 'string') return null;
  if (['link', 'image', 'feed.link'].includes(t.field) || t.part === 'url') return { ...check, op: 'eq', expected: unescapeHtml(expected) };
  if (expected === '') return { ...check, op: 'absent' };
  return { ...check, op: 'eq', expected };
}

function loadSimplePie(root) {
  const dir = join(root, 'simplepie', 'tests');
  const cases = [];
  for (const [file, table] of Object.entries(SIMPLEPIE)) {
    const path = join(dir, file);
    if (!existsSync(path)) continue;
    const providers = phpProviders(readFileSync(path, 'utf8'));
    for (const [provider, list] of Object.entries(providers)) {
      const target = table[provider];
      list.forEach((c, n) => {
        const args = Array.isArray(c.args) ? c.args : [];
        const data = args[0];
        if (typeof data !== 'string') return;
        const name = `${basename(file, '.php')}/${provider}/${String(n).padStart(3, '0')}.xml`;
        const checks = [];
        let na = 0;
        let unsupported = 0;
        if (target) {
          const exp = args[target.arg ?? 1];
          if (exp !== null && typeof exp === 'object') unsupported++;
          else {
            const check = simplepieCheck(target, data, exp, args[2]);
            if (check) checks.push(check);
            else na++;
          }
        } else na++;
        cases.push({
          suite: 'simplepie', heldOut: true, group: `simplepie/${basename(file, '.php')}`, file: name, path: `simplepie:${name}`,
          bytes: Buffer.from(data, 'utf8'), title: c.name, contentType: null, checks, na, unsupported,
          // Provider cases are fragments written to test one accessor: a document with a feed root is a feed.
          mustRead: /<(?:rss|feed|rdf:RDF|channel)[\s>]/.test(data),
        });
      });
    }
  }
  for (const file of walk(join(dir, 'data'))) {
    if (!/\.xml$/.test(file)) continue;
    const rel = relative(dir, file);
    cases.push({ suite: 'simplepie', heldOut: true, group: 'simplepie/data', file: rel, path: file, contentType: null, checks: [], na: 0, unsupported: 0, mustRead: true });
  }
  return cases;
}

// ---------------------------------------------------------------------------------------------------------
// feed-rs (feed-rs/feed-rs, MIT): fixture/X.xml (or .json) beside X.serde.json, feed-rs's model serialised.

function feedRsChecks(exp, source) {
  const checks = [];
  let na = 0;
  const eq = (target, expected) => {
    if (expected === undefined || expected === null || expected === '') return;
    checks.push({ ...target, op: 'eq', expected });
  };
  const alt = (links) => (links ?? []).find((l) => !l.rel || l.rel === 'alternate')?.href;
  eq({ scope: 'feed', field: 'feed.title' }, exp.title?.content);
  eq({ scope: 'feed', field: 'feed.link' }, alt(exp.links));
  eq({ scope: 'feed', field: 'feed.lang' }, exp.language);
  for (const k of ['description', 'generator', 'icon', 'logo', 'rights', 'categories', 'contributors', 'authors', 'ttl', 'rating', 'published', 'updated']) {
    if (exp[k] !== null && exp[k] !== undefined && !(Array.isArray(exp[k]) && exp[k].length === 0)) na++;
  }
  checks.push({ scope: 'count', field: 'items', op: 'eq', expected: (exp.entries ?? []).length });
  (exp.entries ?? []).forEach((e, index) => {
    const at = (field, extra = {}) => ({ scope: 'item', index, field, ...extra });
    eq(at('title'), e.title?.content);
    eq(at('link'), alt(e.links));
    // feed-rs makes up an id (a hash or a UUID) for an entry without one: not an expectation about the feed.
    if (typeof e.id === 'string' && source.includes(e.id)) eq(at('guid'), e.id);
    eq(at('author'), e.authors?.[0]?.name || e.authors?.[0]?.email);
    if (e.published) eq(at('published'), Date.parse(e.published));
    if (e.updated) eq(at('updated'), Date.parse(e.updated));
    eq(at('summary'), e.summary?.content);
    eq(at('content'), e.content?.body);
    // The term: the category itself, which is what ours keep (a label is how a site shows it).
    for (const c of e.categories ?? []) eq(at('categories', { member: true }), c.term ?? c.label);
    if (e.language) eq(at('lang'), e.language);
    // feed-rs folds RSS enclosures and media:content into one list of media objects: each audio or video
    // URL it found must be among our enclosures.
    const seen = new Set();
    for (const m of e.media ?? []) {
      for (const c of m.content ?? []) {
        if (!c.url || seen.has(c.url) || !/^(audio|video)\//.test(c.content_type ?? '')) continue;
        seen.add(c.url);
        eq(at('enclosures', { member: true }), c.url);
      }
    }
    const hasImageContent = (e.media ?? []).some((m) => (m.content ?? []).some((c) => /^image\//.test(c.content_type ?? '')));
    const thumb = (e.media ?? []).flatMap((m) => m.thumbnails ?? [])[0]?.image?.uri;
    if (!hasImageContent && thumb) eq(at('image'), thumb);
    for (const k of ['contributors', 'source', 'rights']) if (e[k] !== null && !(Array.isArray(e[k]) && e[k].length === 0)) na++;
  });
  return { checks, na };
}

function loadFeedRs(root) {
  const dir = join(root, 'feed-rs', 'feed-rs', 'fixture');
  const cases = [];
  for (const file of walk(dir)) {
    if (/\.serde\.json$/.test(file) || !/\.(xml|json)$/.test(file)) continue;
    const rel = relative(dir, file);
    const expFile = file.replace(/\.(xml|json)$/, '.serde.json');
    let checks = [];
    let na = 0;
    if (existsSync(expFile)) {
      const r = feedRsChecks(JSON.parse(readFileSync(expFile, 'utf8')), readFileSync(file, 'latin1'));
      checks = r.checks;
      na = r.na;
    }
    // fixture/xml holds XML-reader tests, not feeds; rss_2.0_invalid_1 is the suite's own broken feed.
    const isFeed = !rel.startsWith('xml/');
    if (!isFeed) continue;
    cases.push({ suite: 'feed-rs', heldOut: true, group: `feed-rs/${rel.split('/')[0]}`, file: rel, path: file, contentType: null, checks, na, unsupported: 0, mustRead: !/invalid/.test(rel) });
  }
  return cases;
}

// ---------------------------------------------------------------------------------------------------------
// W3C feed validator (w3c/feedvalidator, MIT-style): testcases/** with "Expect: Message{parent:…,element:…}"
// in a header comment. The messages are about validity, not field values: every test document whose root is
// a feed and that is not expected to be malformed XML must be read, and a date the validator calls valid
// must be a date we read.

const DATE_ELEMENTS = { pubDate: 'published', 'dc:date': 'published', published: 'published', issued: 'published', created: 'published', 'dcterms:issued': 'published', 'dcterms:created': 'published', updated: 'updated', modified: 'updated', 'dcterms:modified': 'updated' };

function rootName(text) {
  const body = text.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^[>]*(?:\[[\s\S]*?\])?\s*>/gi, '');
  return /<([A-Za-z_][\w.:-]*)/.exec(body)?.[1] ?? null;
}

function loadFeedValidator(root) {
  const dir = join(root, 'feedvalidator', 'testcases');
  const cases = [];
  for (const sub of ['atom', 'rss', 'rss20', 'rss11', 'ext', 'xml']) {
    for (const file of walk(join(dir, sub))) {
      if (!/\.(xml|rss|atom|rdf)$/.test(file)) continue;
      const text = readFileSync(file, 'latin1');
      const name = rootName(text);
      if (!name || !/^(?:[\w-]+:)?(?:rss|feed|RDF|channel)$/.test(name)) continue;
      const rel = relative(dir, file);
      const expect = /Expect:\s*([^\n]*)/.exec(text)?.[1]?.trim() ?? '';
      const checks = [];
      let na = 0;
      for (const m of expect.matchAll(/(!?)(\w+)(?:\{([^}]*)\})?/g)) {
        const [, not, msg, args] = m;
        const kv = Object.fromEntries((args ?? '').split(',').map((p) => p.split(':').map((s) => s.trim())).filter((p) => p.length >= 2).map(([k, ...v]) => [k, v.join(':')]));
        if (!not && /^Valid(?:RFC2822|RFC822|W3CDTF|RFC3339)Date$/.test(msg) && ['item', 'entry'].includes(kv.parent) && DATE_ELEMENTS[kv.element]) {
          checks.push({ scope: 'item', index: 0, field: DATE_ELEMENTS[kv.element], op: 'present' });
        } else na++;
      }
      cases.push({
        suite: 'feedvalidator', heldOut: true, group: `feedvalidator/${sub}`, file: rel, path: file, contentType: null, checks, na, unsupported: 0,
        mustRead: !/SAXError|UnicodeError|InvalidXML|NotUTF8|\bUndeclared/i.test(expect),
      });
    }
  }
  return cases;
}

// ---------------------------------------------------------------------------------------------------------
// feedjira (feedjira/feedjira, MIT): spec/sample_feeds/* and the expectations of its RSpec files
// (`expect(@entry.title).to eq "…"` on the feed a `before` block parsed), read by rubyspec.mjs.

function loadFeedjira(root) {
  const dir = join(root, 'feedjira', 'spec');
  const table = join(dir, 'sample_feeds.rb');
  if (!existsSync(table)) return [];
  const samples = {};
  for (const m of readFileSync(table, 'utf8').matchAll(/(sample_\w+):\s*"([^"]+)"/g)) samples[m[1]] = m[2];
  const readSample = (name) => readFileSync(join(dir, 'sample_feeds', name), 'utf8');
  const bySample = new Map();
  let na = 0;
  for (const file of walk(join(dir, 'feedjira')).concat([join(dir, 'feedjira_spec.rb')])) {
    if (!/_spec\.rb$/.test(file) || !existsSync(file)) continue;
    const r = rubySpecChecks(readFileSync(file, 'utf8'), samples, readSample);
    na += r.na;
    for (const { sample, check } of r.checks) {
      if (check.index === -1) continue;
      if (!bySample.has(sample)) bySample.set(sample, []);
      const list = bySample.get(sample);
      // The same expectation in two spec files (a parser and its subclass) is one check.
      if (!list.some((c) => JSON.stringify(c) === JSON.stringify(check))) list.push(check);
    }
  }
  const cases = [];
  for (const file of walk(join(dir, 'sample_feeds'))) {
    const name = basename(file);
    // Files that hold one entry's expected content, not feeds.
    const isFeed = !/FirstEntry|EntryContent|EntryDescription/.test(name);
    if (!isFeed) continue;
    cases.push({ suite: 'feedjira', heldOut: true, group: 'feedjira', file: name, path: file, contentType: null, checks: bySample.get(name) ?? [], na: 0, unsupported: 0, mustRead: true });
  }
  if (cases[0]) cases[0].na = na;
  return cases;
}

export function loadHeldOut(root) {
  return [...loadFeedRs(root), ...loadSimplePie(root), ...loadFeedValidator(root), ...loadFeedjira(root)];
}
