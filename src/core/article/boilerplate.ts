/**
 * Page chrome Readability keeps or mistakes for content, removed before it runs: navigation, cookie banners,
 * share bars, "Terpopuler" / "Most popular" lists, newsletter boxes, comments, footers, hashtag rows, related
 * lists and inline "BACA JUGA:" teasers, and the byline/date lines (read into metadata already). Readability
 * knows the English class names of most of these; Indonesian sites name them in Indonesian (iklan, terpopuler,
 * bagikan, komentar, tagar, baca-juga, berita-terkait) and print the teasers inside the body.
 */
import { sanitizeLine } from '../sanitize.js';
import { shortText, textSize } from './dom.js';
import type { PageDocument, PageElement, PageNode } from './dom.js';
import { INLINE_TEASER, RELATED_LABEL } from './links.js';

// One class or id token (or a run of tokens joined by - or _) naming page chrome.
export const CHROME = new RegExp(
  String.raw`(?:^|[-_\s])(?:` +
    [
      'cookies?', 'consent', 'gdpr', 'cookie-?banner', 'newsletter', 'subscribe', 'subscription', 'langganan',
      'share', 'sharing', 'sharer', 'social', 'socials', 'socmed', 'sosmed', 'bagikan', 'terpopuler', 'populer',
      'popular', 'trending', 'most-?read', 'most-?viewed', 'most-?popular', 'terbaca', 'terkini-?sidebar',
      'baca-?juga', 'bacajuga', 'related', 'terkait', 'komentar', 'comments?', 'disqus', 'iklan', 'advert\\w*',
      'ads?', 'adsbygoogle', 'ad-?slot', 'ad-?unit', 'banner', 'sidebar', 'breadcrumbs?', 'tags', 'tag-?list',
      'tagar', 'hashtags?', 'promo', 'sponsor\\w*', 'recommend\\w*', 'rekomendasi', 'modal', 'popup',
      'paywall', 'navbar', 'nav', 'navigation', 'menu', 'footer', 'masthead', 'topbar', 'lang-?switch',
      'language-?switch', 'author-?box', 'author-?bio', 'print', 'toolbar', 'pagination', 'newsticker', 'ticker',
    ].join('|') +
    String.raw`)(?:$|[-_\s])`,
  'i',
);
const CHROME_TAGS = new Set(['nav', 'aside', 'footer', 'header', 'form', 'menu']);
const CHROME_ROLES = /^(?:navigation|banner|contentinfo|complementary|dialog|alertdialog|search|menu|menubar|toolbar)$/i;
// Headings of blocks that are lists of other articles, not this one.
const LIST_HEADING = /^(?:terpopuler|populer|terkini|terbaru|trending|most\s+popular|most\s+read|popular|latest(?:\s+news)?|berita\s+(?:terkini|terbaru|populer|lainnya)|artikel\s+lainnya|editor'?s\s+picks?|pilihan\s+editor|newsletter|berlangganan|subscribe.*|komentar|comments?|tinggalkan\s+komentar|leave\s+a\s+(?:reply|comment)|share(?:\s+this)?(?:\s+article)?|bagikan(?:\s+artikel)?)\s*:?$/i;
// Links of share buttons.
const SHARE_LINK = /^(?:https?:)?\/\/(?:[a-z0-9-]+\.)*(?:facebook\.com\/(?:sharer|share|dialog)|twitter\.com\/(?:intent|share)|x\.com\/intent|wa\.me|api\.whatsapp\.com\/send|whatsapp:\/\/|t\.me\/share|telegram\.me\/share|linkedin\.com\/(?:share|sharing|shareArticle)|pinterest\.com\/pin\/create|reddit\.com\/submit|line\.me\/R\/msg|social-plugins\.line\.me)/i;

// Promotions printed inside the body: "Simak breaking news … WhatsApp Channel", "Follow us on Google News".
const PROMO =
  /^(?:simak|dapatkan|ikuti|follow|download|unduh|gabung(?:lah)?|join|subscribe|berlangganan|baca\s+berita|update\s+berita|sign\s+up|klik)\b[^]{0,300}?\b(?:whatsapp|telegram|google\s+news|channel|saluran|aplikasi|app\b|newsletter|instagram|twitter|facebook|youtube|tiktok|notifikasi|push\s+notification)/i;
// Whole blocks of ad labels and scroll prompts.
const AD_LABEL = /^(?:advertisement|iklan|ads|sponsored|konten\s+bersponsor|scroll\s+to\s+continue(?:\s+with\s+content)?|lanjutkan\s+membaca|continue\s+reading\s+below|story\s+continues\s+below|\s)+$/i;

/**
 * True when el sits inside page chrome (navigation, header bar, sidebar, comments, footer): a date, a time or
 * an image found there belongs to the site or to another article, not to this one.
 */
export function inChrome(el: PageElement): boolean {
  for (let up: PageElement | null = el; up && up.localName !== 'body' && up.localName !== 'html'; up = up.parentElement) {
    const name = up.localName;
    if (name === 'nav' || name === 'aside' || name === 'footer') return true;
    if (name === 'header' && !up.querySelector('h1')) return true;
    if (CHROME_ROLES.test(up.getAttribute('role') ?? '')) return true;
    const cls = `${up.getAttribute('class') ?? ''} ${up.getAttribute('id') ?? ''}`;
    if (cls.trim() && (CHROME.test(cls) || /(?:^|[-_\s])(?:top|date-?today|today)(?:$|[-_\s])/i.test(cls))) return true;
  }
  return false;
}

const text = (el: PageElement): string => sanitizeLine(el.textContent ?? '');

/**
 * Whether el holds the page's main text, which no removal may take: most of its paragraph text, or (for pages
 * that write their body as text and <br> without <p>, like Blogger's) more than half of all its text.
 */
function holdsMainText(doc: PageDocument): (el: PageElement) => boolean {
  let paragraphs = 0;
  for (const p of Array.from(doc.querySelectorAll('p'))) paragraphs += textSize(p);
  const all = textSize(doc.body);
  return (el) => {
    if (paragraphs > 0) {
      let inside = 0;
      for (const p of Array.from(el.querySelectorAll('p'))) inside += textSize(p);
      if (inside > 0.4 * paragraphs) return true;
    }
    // A few words are never worth keeping chrome for (a page that is only a menu has no article).
    const own = textSize(el);
    return own > 200 && own > 0.5 * all;
  };
}

function isRemoved(el: PageElement, removed: Set<PageElement>): boolean {
  for (let up: PageElement | null = el; up; up = up.parentElement) if (removed.has(up)) return true;
  return false;
}

/** Removes chrome from the page in place. `extra` are blocks that links.ts and metadata.ts already read. */
export function removeBoilerplate(doc: PageDocument, extra: PageElement[], loose: PageNode[] = []): void {
  const isMain = holdsMainText(doc);
  const removed = new Set<PageElement>();
  const remove = (el: PageElement): void => {
    if (el.localName === 'body' || el.localName === 'html' || isRemoved(el, removed)) return;
    // Guard against a page that names its content wrapper "has-sidebar" or puts the article in a <form>.
    if (isMain(el)) return;
    removed.add(el);
  };

  for (const el of extra) remove(el);

  for (const el of Array.from(doc.body.querySelectorAll('*'))) {
    if (isRemoved(el, removed)) continue;
    const name = el.localName;
    const role = el.getAttribute('role') ?? '';
    if (CHROME_TAGS.has(name) || CHROME_ROLES.test(role)) {
      // A <header> inside the article holds title and byline, read already; the page header is chrome.
      remove(el);
      continue;
    }
    // An id of four words or more is a slug of a heading ("sharing-with-a-single-developer"), not a role.
    const rawId = el.getAttribute('id') ?? '';
    const id = rawId.split(/[-_]/).length >= 4 ? '' : rawId;
    const cls = el.getAttribute('class') ?? '';
    if ((cls || id) && CHROME.test(`${cls} ${id}`)) {
      remove(el);
      continue;
    }
    if (/^h[1-6]$/.test(name) || name === 'strong' || name === 'b' || name === 'span' || name === 'div' || name === 'p') {
      if (el.children.length > 2) continue;
      const t = shortText(el, 40);
      if (!t) continue;
      if (LIST_HEADING.test(t) || RELATED_LABEL.test(t)) {
        // The heading and the list it opens: its nearest container that is mostly links.
        remove(linkBlockAround(el) ?? el);
      }
    }
  }

  for (const a of Array.from(doc.body.querySelectorAll('a[href]'))) {
    if (isRemoved(a, removed) || !SHARE_LINK.test(a.getAttribute('href') ?? '')) continue;
    let bar: PageElement = a;
    for (let up = a.parentElement, i = 0; up && i < 4; up = up.parentElement, i++) {
      const links = Array.from(up.querySelectorAll('a[href]'));
      if (links.some((l) => !SHARE_LINK.test(l.getAttribute('href') ?? ''))) break;
      if (shortText(up, 80) === null) break;
      bar = up;
    }
    remove(bar);
  }

  for (const el of Array.from(doc.body.querySelectorAll('p,div,li,blockquote,h3,h4,h5,h6,strong'))) {
    const t = shortText(el, 400);
    if (t && (INLINE_TEASER.test(t) || PROMO.test(t) || AD_LABEL.test(t)) && !isRemoved(el, removed)) remove(el);
  }

  for (const el of removed) el.remove();
  for (const node of loose) node.remove();
}

/** The nearest ancestor of a list heading that is made mostly of links (the list), or null. */
function linkBlockAround(heading: PageElement): PageElement | null {
  let node = heading;
  for (let i = 0; i < 3; i++) {
    const up = node.parentElement;
    if (!up || up.localName === 'body' || up.localName === 'main' || up.localName === 'article') return null;
    const all = text(up).length - text(heading).length;
    const linked = Array.from(up.querySelectorAll('a[href]')).reduce((n, a) => n + text(a).length, 0);
    if (linked > 0 && linked >= 0.5 * all) return up;
    if (all > 0 && linked === 0 && node !== heading) return null;
    node = up;
  }
  return null;
}
