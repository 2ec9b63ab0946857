// Deterministic synthetic feeds: the same (feed, item) always yields the same bytes, so ETags hold
// across runs and processes.
import { createHash } from 'node:crypto';

function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = {
  id: `serangan siber data pengguna bocor peretas keamanan jaringan server pemerintah bank nasional laporan
    peneliti menemukan celah kerentanan sistem aplikasi ponsel kata sandi akun sejumlah perusahaan menyatakan
    bahwa pihaknya sedang menyelidiki insiden tersebut dan akan memberikan keterangan lebih lanjut kepada
    publik setelah proses investigasi selesai dilakukan oleh tim forensik digital yang ditunjuk`.split(/\s+/),
  en: `cyber attack user data leaked hackers security network server government bank national report
    researchers found vulnerability system application phone password account several companies said that
    they are investigating the incident and will provide further information to the public after the
    investigation process is completed by the digital forensics team that was appointed`.split(/\s+/),
};
const CATEGORIES = ['Ransomware', 'DataBreach', 'Malware', 'Phishing', 'TrendMicro', 'Kaspersky', 'BSSN',
  'Vulnerability', 'Government', 'Banking', 'Privacy', 'CloudSecurity', 'IoT', 'APT', 'Cryptocurrency', 'Patch'];

function sentence(r, lang, n) {
  const w = WORDS[lang];
  const out = [];
  for (let i = 0; i < n; i++) out.push(w[Math.floor(r() * w.length)]);
  const s = out.join(' ');
  return s[0].toUpperCase() + s.slice(1) + '.';
}

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const BASE_TIME = Date.UTC(2024, 0, 1);

export function feedLang(f) {
  return f % 2 === 0 ? 'id' : 'en';
}

/** One item as plain data (used by the XML writer and by the store filler). */
export function item(f, i, lang = feedLang(f)) {
  const r = rng(f * 100003 + i * 7919 + 1);
  const title = `${sentence(r, lang, 6 + Math.floor(r() * 6)).slice(0, -1)} ${f}-${i}`;
  const ncat = 2 + Math.floor(r() * 3);
  const cats = [];
  while (cats.length < ncat) {
    const c = CATEGORIES[Math.floor(r() * CATEGORIES.length)];
    if (!cats.includes(c)) cats.push(c);
  }
  const link = `https://news${f}.example/${lang}/read/${i}/${title.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 40)}`;
  // 2-4 KB of body: paragraphs with links, an image, a list or quote now and then.
  const target = 2000 + Math.floor(r() * 2000);
  let html = `<p><img src="/images/${f}/${i}.jpg" alt="${esc(sentence(r, lang, 4))}" width="640" height="360"></p>`;
  while (html.length < target) {
    const k = r();
    if (k < 0.15) html += `<h2>${esc(sentence(r, lang, 5))}</h2>`;
    else if (k < 0.22) html += `<blockquote><p>${esc(sentence(r, lang, 14))}</p></blockquote>`;
    else if (k < 0.28) html += `<ul><li>${esc(sentence(r, lang, 6))}</li><li>${esc(sentence(r, lang, 7))}</li></ul>`;
    else {
      const a = sentence(r, lang, 12 + Math.floor(r() * 15));
      const b = sentence(r, lang, 10 + Math.floor(r() * 12));
      html += `<p>${esc(a)} <a href="https://ref${Math.floor(r() * 50)}.example/${i}">${esc(sentence(r, lang, 3).slice(0, -1))}</a> ${esc(b)}</p>`;
    }
  }
  const summary = sentence(r, lang, 25);
  const published = new Date(BASE_TIME + (f * 50 + i) * 137_000 + Math.floor(r() * 60_000));
  return { title, link, guid: `urn:bench:${f}:${i}`, cats, html, summary, published, lang, author: `Penulis ${f % 17}` };
}

/**
 * Items from..to-1 of feed f as the Articles the store takes (what the store filler saves directly, without
 * fetching and parsing): the ids are the ones a refresh of feedXml(f) gives.
 */
export function articlesFor(f, from, to) {
  const out = [];
  for (let i = from; i < to; i++) {
    const it = item(f, i);
    out.push({
      id: createHash('sha256').update(`${f}\n${it.guid}`).digest('hex').slice(0, 16),
      feedUrl: `https://news${f}.example/feed.xml`,
      guid: it.guid,
      url: it.link,
      title: it.title,
      author: it.author,
      published: it.published.toISOString(),
      updated: null,
      lang: it.lang,
      tags: it.cats,
      summary: it.summary,
      contentHtml: it.html,
      image: null,
      enclosures: [],
      alternates: [],
      pairKey: null,
    });
  }
  return out;
}

/** The title of the article every TUI bench home lists first (dated 2030): the pty driver waits for it. */
export const MARKER = 'BENCHNEWEST';

/**
 * Fills a store (open-store's) from `from` up to `total` articles, in feeds of 500 items; the first feed also
 * gets the marker article. bench/run.mjs and bench/tui-home.mjs build their homes with it.
 */
export function fillStore(store, from, total) {
  const per = 500;
  const state = { lastFetched: new Date().toISOString(), lastStatus: 'new' };
  const marker = { ...articlesFor(0, 0, 1)[0], id: 'benchmarker00000', guid: 'urn:bench:marker', title: `${MARKER} marker article`, published: '2030-01-01T00:00:00.000Z', lang: null };
  for (let n = from; n < total; ) {
    const f = Math.floor(n / per);
    const i = n % per;
    const take = Math.min(per - i, total - n);
    const arts = articlesFor(f, i, i + take);
    if (n === 0) arts.unshift(marker);
    store.saveFeed(`https://news${f}.example/feed.xml`, { ...state, title: `Bench source ${f}` }, arts);
    n += take;
  }
}

export function feedXml(f, m) {
  const lang = feedLang(f);
  const parts = [`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Bench feed ${f} (${lang})</title><link>https://news${f}.example/</link>
<description>Synthetic feed ${f}</description><language>${lang}</language>`];
  for (let i = 0; i < m; i++) {
    const it = item(f, i, lang);
    parts.push(`<item><title>${esc(it.title)}</title><link>${it.link}</link><guid isPermaLink="false">${it.guid}</guid>
<pubDate>${it.published.toUTCString()}</pubDate><dc:creator>${it.author}</dc:creator>
${it.cats.map((c) => `<category>${c}</category>`).join('')}
<description>${esc(it.summary)}</description>
<content:encoded><![CDATA[${it.html}]]></content:encoded></item>`);
  }
  parts.push('</channel></rss>\n');
  const body = Buffer.from(parts.join('\n'));
  const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 20)}"`;
  return { body, etag };
}
