// The bundled sample editions are read with feedsmith directly: our own parseFeed is built in parallel,
// and these assertions are about the files, not about our parser.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseRssFeed } from 'feedsmith';
import { parseDocument } from 'htmlparser2';
import { findAll, getAttributeValue, textContent } from 'domutils';
import type { Element } from 'domhandler';
import { afterAll, describe, expect, it } from 'vitest';
import { isClean } from '../../src/core/sanitize.js';
import { DEFAULT_FEEDS, SAMPLE_FILES, sampleFeeds, samplePageLocator, samplesDir } from '../../src/core/defaults.js';
import { NO_PAGE } from '../../src/core/article/page.js';

const VOCABULARY = new Set([
  'databreach', 'ransomware', 'phishing', 'malware', 'vulnerability', 'BSSN', 'PDP', 'cybersecurity', 'AI',
  'fintech', 'government', 'healthcare', 'telco', 'socialengineering', 'patch', 'CVE', 'privacy', 'bigdata',
  'ecommerce', 'scam', 'mobile', 'infrastructure', 'conference', 'education',
]);
const HOSTS = { id: 'https://cyberthreat.id', en: 'https://en.cyberthreat.id' } as const;
type Ed = keyof typeof HOSTS;

const dir = samplesDir(import.meta.url);
const raw = { id: readFileSync(join(dir, SAMPLE_FILES.id), 'utf8'), en: readFileSync(join(dir, SAMPLE_FILES.en), 'utf8') };
const feeds = { id: parseRssFeed(raw.id), en: parseRssFeed(raw.en) };

interface Story {
  /** The page shipped for an excerpt-only item (samples/pages/), else null. */
  page: string | null;
  id: string;
  link: string;
  title: string;
  creator: string;
  pubDate: string;
  categories: string[];
  body: string;
  alternates: { href: string; hreflang?: string }[];
}

/** The sample page of an excerpt-only item: the demo reads it instead of the item's address. */
function pagePath(link: string): string {
  const path = samplePageLocator(dir)(link);
  if (path === NO_PAGE) throw new Error(`no sample page for ${link}`);
  return path;
}

function stories(ed: Ed): Story[] {
  return (feeds[ed].items ?? []).map((item) => {
    const link = item.link ?? '';
    const encoded = item.content?.encoded;
    const page = encoded === undefined ? readFileSync(pagePath(link), 'utf8') : null;
    return {
      page,
      id: /\/read\/(\d{4,5})\//.exec(link)?.[1] ?? '',
      link,
      title: item.title ?? '',
      creator: item.dc?.creators?.[0] ?? (page === null ? '' : (/"author": \{"@type": "Person", "name": "([^"]+)"/.exec(page)?.[1] ?? '')),
      pubDate: item.pubDate ?? '',
      categories: (item.categories ?? []).map((c) => c.name ?? ''),
      // an excerpt-only item's body is the article on its page
      body: encoded ?? (page === null ? '' : pageBody(page)),
      alternates: (item.atom?.links ?? [])
        .filter((l) => l.rel === 'alternate')
        .map((l) => ({ href: l.href ?? '', hreflang: l.hreflang })),
    };
  });
}
const byEdition = { id: stories('id'), en: stories('en') };

/** The article of a sample page: its illustration and the post's content, without the inline teaser and the ad. */
function pageBody(page: string): string {
  const figure = /<figure>[\s\S]*?<\/figure>/.exec(page)?.[0] ?? '';
  const content = /<div class="post-content">([\s\S]*?)\n<\/div>/.exec(page)?.[1] ?? '';
  const tags = /<div class="post-tags">([\s\S]*?)<\/div>/.exec(page)?.[1] ?? '';
  const kept = content.split('\n').filter((l) => !l.startsWith('<p class="baca-juga">') && !l.startsWith('<div class="ad'));
  return `${figure}\n${kept.join('\n')}\n<p>${tags.replace(/<[^>]+>/g, '')}</p>`;
}

describe.each(['id', 'en'] as const)('sample edition %s', (ed) => {
  const items = byEdition[ed];

  it('declares its language, title, site and self link', () => {
    expect(feeds[ed].language).toBe(ed);
    expect(feeds[ed].title).toBe(ed === 'id' ? 'Cyberthreat.id (contoh)' : 'Cyberthreat.id English (sample)');
    expect(feeds[ed].link).toBe(`${HOSTS[ed]}/`);
    expect(feeds[ed].atom?.links?.find((l) => l.rel === 'self')?.href).toBe(`${HOSTS[ed]}/rss`);
  });

  it('has 18 articles with distinct ids', () => {
    expect(items).toHaveLength(18);
    expect(new Set(items.map((s) => s.id)).size).toBe(18);
  });

  it.each(byEdition[ed].map((s) => [s.id, s] as const))('article %s is complete', (_id, s) => {
    expect(s.link).toMatch(new RegExp(`^${HOSTS[ed].replace(/\./g, '\\.')}/read/\\d{4,5}/[A-Za-z0-9-]+$`));
    expect(s.title.length).toBeGreaterThan(20);
    expect(s.creator).toMatch(/^[A-Z][a-z]+( [A-Z][a-z]+)+$/);
    expect(s.pubDate).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} Nov 2026 \d{2}:\d{2}:00 \+0700$/);
    expect(s.categories.length).toBeGreaterThanOrEqual(3);
    expect(s.categories.length).toBeLessThanOrEqual(6);
    for (const tag of s.categories) expect(VOCABULARY).toContain(tag);

    const doc = parseDocument(s.body);
    const imgs = findAll((e) => e.name === 'img', doc.children);
    expect(imgs.length).toBeGreaterThanOrEqual(1);
    expect(getAttributeValue(imgs[0] as Element, 'alt')).toMatch(/^(Ilustrasi|Illustration) /);
    expect(getAttributeValue(imgs[0] as Element, 'src')).toMatch(/^https:\/\/cyberthreat\.id\/images\/[a-z0-9-]+\.jpg$/);
    const paragraphs = findAll((e) => e.name === 'p', doc.children).map((p) => textContent(p));
    expect(paragraphs[0]).toMatch(/^Cyberthreat\.id - /);
    const count = (text: string): number => text.split(/\s+/).filter(Boolean).length;
    const caption = findAll((e) => e.name === 'figcaption', doc.children).map((c) => textContent(c)).join(' ');
    const words = count(textContent(doc)) - count(caption);
    // a page's article lacks the feed body's closing "Baca juga" line: the page has a block of its own for that
    expect(words).toBeGreaterThanOrEqual(s.page === null ? 250 : 230);
    expect(words).toBeLessThanOrEqual(500);
    expect(findAll((e) => e.name === 'blockquote', doc.children)).toHaveLength(1);
    expect(findAll((e) => e.name === 'h2', doc.children).length).toBeGreaterThanOrEqual(1);
    // (a page links out from its "Baca juga" block, checked with the page)
    if (s.page === null) expect(findAll((e) => e.name === 'a', doc.children).length).toBeGreaterThanOrEqual(1);
  });

  it('publishes over at least five different days within the ten days before 28 November 2026', () => {
    const times = items.map((s) => Date.parse(s.pubDate));
    for (const t of times) {
      expect(t).toBeGreaterThanOrEqual(Date.parse('2026-11-18T00:00:00+07:00'));
      expect(t).toBeLessThanOrEqual(Date.parse('2026-11-28T23:59:59+07:00'));
    }
    expect(new Set(items.map((s) => s.pubDate.slice(5, 11))).size).toBeGreaterThanOrEqual(5);
  });

  it('has three excerpt-only items whose pages are shipped, one without an author in the feed', () => {
    const excerpts = items.filter((s) => s.page !== null);
    expect(excerpts).toHaveLength(3);
    expect(excerpts.filter((s) => !(feeds[ed].items ?? []).find((i) => i.link === s.link)?.dc?.creators?.length)).toHaveLength(1);
    for (const s of excerpts) {
      const item = (feeds[ed].items ?? []).find((i) => i.link === s.link);
      // one or two sentences: what an excerpt-only feed carries
      expect((item?.description ?? '').split(/(?<=\.) /).length).toBeLessThanOrEqual(3);
    }
  });

  it('has no page for the articles the feed carries whole, nor for any other address (the demo fetches nothing)', () => {
    const locate = samplePageLocator(dir);
    for (const s of items.filter((x) => x.page === null)) expect(locate(s.link)).toBe(NO_PAGE);
    expect(locate(`${HOSTS[ed]}/read/99999/No-Such-Story`)).toBe(NO_PAGE);
    expect(locate('https://example.com/read/18227/x')).toBe(NO_PAGE);
  });

  it.each(byEdition[ed].filter((s) => s.page !== null).map((s) => [s.id, s] as const))(
    'page %s is laid out like a news site page, with everything around the article',
    (_id, s) => {
      const page = s.page as string;
      expect(isClean(page)).toBe(true);
      const other = ed === 'id' ? 'en' : 'id';
      expect(page).toContain(`<html lang="${ed}">`);
      expect(page).toContain(`<link rel="alternate" hreflang="${ed}" href="${s.link}">`);
      const pairedLink = byEdition[other].find((o) => o.id === s.id)?.link;
      if (pairedLink) expect(page).toContain(`<link rel="alternate" hreflang="${other}" href="${pairedLink}">`);
      expect(page).toMatch(/<script type="application\/ld\+json">\{.*"@type": "NewsArticle"/);
      expect(page).toMatch(/class="lang-switch"><a [^>]*>IND<\/a> \| <a [^>]*>ENG<\/a>/);
      for (const part of ['cookie-banner', 'main-nav', 'ad-leaderboard', 'ad-inarticle', 'class="baca-juga"', 'post-tags', 'share-bar', 'related-posts', 'class="comments"', 'widget popular', 'newsletter', 'site-footer']) {
        expect(page).toContain(part);
      }
      expect(page).toContain(ed === 'id' ? 'Terpopuler' : 'Most Popular');
      expect(page).toContain(ed === 'id' ? '<h3>BACA JUGA</h3>' : '<h3>READ ALSO</h3>');
      expect(page).toMatch(ed === 'id' ? /Diposting : [A-Z][a-z]+, \d{1,2} November 2026 - \d\d:\d\d WIB/ : /Posted : [A-Z][a-z]+, \d{1,2} November 2026 - \d\d:\d\d WIB/);
      // every "Baca juga" entry is a sample article
      const related = [...(/<section class="related-posts">([\s\S]*?)<\/section>/.exec(page)?.[1] ?? '').matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
      expect(related).toHaveLength(3);
      for (const r of related) expect(items.map((x) => x.link)).toContain(r);
    },
  );

  it('uses lists, quotes, links and inline hashtags across the edition', () => {
    const all = items.map((s) => s.body).join('\n');
    expect(all).toMatch(/<ul>/);
    expect(all).toMatch(/<ol>/);
    expect(all).toContain('<a href="https://bssn.go.id/">');
    expect(all).toContain('<a href="https://nvd.nist.gov/">');
    expect(all).toContain(ed === 'id' ? 'Baca juga: ' : 'Read also: ');
    expect(items.filter((s) => /#databreach\b/.test(s.body)).length).toBeGreaterThanOrEqual(3);
  });

  it('contains no control characters and no byte-order mark', () => {
    expect(isClean(raw[ed])).toBe(true);
    expect(raw[ed].charCodeAt(0)).not.toBe(0xfeff);
  });
});

describe('sample story pairs', () => {
  const en = new Map(byEdition.en.map((s) => [s.id, s]));
  const pairs = byEdition.id.filter((s) => en.has(s.id)).map((s) => [s, en.get(s.id) as Story] as const);

  it('has ten stories in both editions and eight in each edition alone', () => {
    expect(pairs).toHaveLength(10);
    expect(byEdition.id.length - pairs.length).toBe(8);
    expect(byEdition.en.length - pairs.length).toBe(8);
  });

  it.each(pairs.map(([i, e]) => [i.id, i, e] as const))('story %s links both ways with the same tags', (_id, i, e) => {
    expect(i.alternates).toEqual([{ href: e.link, hreflang: 'en' }]);
    expect(e.alternates).toEqual([{ href: i.link, hreflang: 'id' }]);
    expect(e.categories).toEqual(i.categories);
    expect(e.creator).toBe(i.creator);
    expect(e.pubDate).toBe(i.pubDate);
  });

  it('gives edition-only stories no alternate link', () => {
    for (const ed of ['id', 'en'] as const) {
      const other = new Set(byEdition[ed === 'id' ? 'en' : 'id'].map((s) => s.id));
      for (const s of byEdition[ed].filter((x) => !other.has(x.id))) expect(s.alternates).toEqual([]);
    }
  });
});

describe('default and sample feed lists', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'cyberread-samples-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('lists the two cyberthreat.id editions first, then four English feeds, all https', () => {
    expect(DEFAULT_FEEDS.map((f) => f.lang)).toEqual(['id', 'en', 'en', 'en', 'en', 'en']);
    expect(DEFAULT_FEEDS[0]?.url).toBe('https://cyberthreat.id/rss');
    expect(DEFAULT_FEEDS[1]?.url).toBe('https://en.cyberthreat.id/rss');
    for (const f of DEFAULT_FEEDS) {
      expect(f.url).toMatch(/^https:\/\//);
      expect(f.title).toBeTruthy();
    }
    expect(new Set(DEFAULT_FEEDS.map((f) => f.url)).size).toBe(DEFAULT_FEEDS.length);
  });

  it('finds samples/ from a module in src/core (as under vitest)', () => {
    expect(dir).toBe(join(process.cwd(), 'samples'));
    expect(sampleFeeds(dir)).toEqual([
      { url: join(dir, 'cyberthreat-id.xml'), title: 'Cyberthreat.id (contoh)', lang: 'id' },
      { url: join(dir, 'cyberthreat-en.xml'), title: 'Cyberthreat.id English (sample)', lang: 'en' },
    ]);
  });

  it('finds samples/ from a bundled module in dist/', () => {
    const pkg = join(tmp, 'node_modules', 'cyberread');
    mkdirSync(join(pkg, 'samples'), { recursive: true });
    mkdirSync(join(pkg, 'dist'), { recursive: true });
    writeFileSync(join(pkg, 'samples', 'cyberthreat-id.xml'), '<rss/>');
    expect(samplesDir(pathToFileURL(join(pkg, 'dist', 'cli.js')).href)).toBe(join(pkg, 'samples'));
  });

  it('says so in one sentence when samples/ is missing', () => {
    const lone = join(tmp, 'lone', 'dist');
    mkdirSync(lone, { recursive: true });
    expect(() => samplesDir(pathToFileURL(join(lone, 'cli.js')).href)).toThrow(
      /^The sample feeds were not found in any samples\/ folder above .*; reinstall cyberread\.$/,
    );
  });
});
