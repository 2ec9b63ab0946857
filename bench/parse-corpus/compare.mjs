// Views of each parser's output in one shape, and the comparison of a view with a suite's expectation.
// Text is compared as a reader sees it (markup and entities read, whitespace collapsed), URLs as parsed
// URLs, dates as instants to the second.

/** One view per parser: { feed: { title, link, lang }, items: [{ title, link, guid, author, published, updated,
 * summary, content, categories, enclosures: [{ url, type, length }], lang, image }] } with dates in epoch ms. */
export function cyberreadView(parsed) {
  return {
    feed: { title: parsed.title, link: parsed.siteUrl, lang: parsed.lang },
    items: parsed.items.map((it) => ({
      title: it.title,
      link: it.link,
      guid: it.guid,
      author: it.author,
      published: ms(it.published),
      updated: ms(it.updated),
      summary: it.summary,
      content: it.contentHtml,
      categories: it.categories,
      enclosures: it.enclosures,
      // normalise falls back to the feed's language; that is the item's language as stored.
      lang: it.lang ?? parsed.lang,
      image: it.image,
    })),
  };
}

function ms(v) {
  if (typeof v !== 'string') return null;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : t;
}

const str = (v) => (typeof v === 'string' ? v : undefined);
const tv = (v) => (typeof v === 'string' ? v : v && typeof v === 'object' ? str(v.value) : undefined);

/** feedsmith used directly, the way its README shows: fields read as they come, dates through Date.parse. */
export function feedsmithView(result) {
  const { format, feed } = result;
  if (format === 'json') {
    return {
      feed: { title: feed.title, link: feed.home_page_url, lang: feed.language },
      items: (feed.items ?? []).map((it) => ({
        title: it.title,
        link: it.url,
        guid: it.id,
        author: it.authors?.[0]?.name,
        published: ms(it.date_published),
        updated: ms(it.date_modified),
        summary: it.summary,
        content: it.content_html ?? it.content_text,
        categories: it.tags ?? [],
        enclosures: (it.attachments ?? []).map((a) => ({ url: a.url, type: a.mime_type, length: a.size_in_bytes })),
        lang: it.language ?? feed.language,
        image: it.image,
      })),
    };
  }
  if (format === 'atom') {
    const alt = (links) => (links ?? []).find((l) => !l.rel || l.rel === 'alternate')?.href;
    const lang = feed.xml?.lang;
    return {
      feed: { title: tv(feed.title), link: alt(feed.links), lang },
      items: (feed.entries ?? []).map((e) => ({
        title: tv(e.title),
        link: alt(e.links),
        guid: e.id,
        author: e.authors?.[0]?.name,
        published: ms(e.published),
        updated: ms(e.updated),
        summary: tv(e.summary),
        content: tv(e.content),
        categories: (e.categories ?? []).map((c) => c.term),
        enclosures: (e.links ?? []).filter((l) => l.rel === 'enclosure').map((l) => ({ url: l.href, type: l.type, length: l.length })),
        lang: e.xml?.lang ?? lang,
        image: undefined,
      })),
    };
  }
  const lang = feed.language ?? feed.dc?.languages?.[0];
  return {
    feed: { title: feed.title, link: feed.link, lang },
    items: (feed.items ?? []).map((it) => ({
      title: it.title,
      link: it.link ?? it.rdf?.about,
      guid: it.guid?.value ?? it.rdf?.about,
      author: it.authors?.[0]?.name ?? it.authors?.[0]?.email ?? it.dc?.creators?.[0],
      published: ms(it.pubDate ?? it.dc?.dates?.[0]),
      updated: null,
      summary: it.description,
      content: it.content?.encoded,
      categories: (it.categories ?? []).map((c) => c.name),
      enclosures: (it.enclosures ?? []).map((e) => ({ url: e.url, type: e.type, length: e.length })),
      lang,
      image: undefined,
    })),
  };
}

/** rss-parser's output the way its README reads it. */
export function rssParserView(feed) {
  return {
    feed: { title: feed.title, link: feed.link, lang: feed.language },
    items: (feed.items ?? []).map((it) => ({
      title: it.title,
      link: it.link,
      guid: it.guid ?? it.id,
      author: it.creator ?? it.author,
      published: ms(it.isoDate),
      updated: null,
      summary: it.summary ?? it.content,
      content: it['content:encoded'] ?? it.content,
      categories: (it.categories ?? []).map((c) => (typeof c === 'string' ? c : c?._)).filter(Boolean),
      enclosures: it.enclosure ? [{ url: it.enclosure.url, type: it.enclosure.type, length: Number(it.enclosure.length) || undefined }] : [],
      lang: feed.language,
      image: it.itunes?.image,
    })),
  };
}

// ---------------------------------------------------------------------------------------------------------

let text = null;
/** The reader's own text views (htmlToLine, htmlToPlainText), loaded from the bundle. */
export function useTextViews(views) {
  text = views;
}

const collapse = (s) => s.replace(/\s+/g, ' ').trim();

function sameText(ours, exp) {
  if (typeof ours !== 'string' || typeof exp !== 'string') return false;
  const o = collapse(ours);
  const e = collapse(exp);
  if (o === e) return true;
  const line = text.htmlToLine(ours);
  return line === e || line === text.htmlToLine(exp);
}

function sameHtml(ours, exp) {
  if (typeof ours !== 'string' || typeof exp !== 'string') return false;
  if (collapse(ours) === collapse(exp)) return true;
  const plain = collapse(text.htmlToPlainText(ours));
  return plain === collapse(exp) || plain === collapse(text.htmlToPlainText(exp));
}

function normUrl(u) {
  try {
    return new URL(u.trim()).href;
  } catch {
    return u.trim();
  }
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Equal as parsed URLs. A relative expected URL (a suite that keeps links as written, having no document
 * URL to resolve them against) agrees with an absolute URL of ours that it names against ours: the same
 * path, query and fragment, on a host the expectation does not say.
 */
function sameUrl(ours, exp) {
  if (typeof ours !== 'string' || typeof exp !== 'string') return false;
  if (normUrl(ours) === normUrl(exp)) return true;
  if (SCHEME.test(exp.trim()) || !SCHEME.test(ours)) return false;
  try {
    return normUrl(ours) === new URL(exp.trim(), ours).href;
  } catch {
    return false;
  }
}

/** "email (Name)", "Name (email)", "Name <email>": the name a reader would see, or the email without one. */
function authorNames(exp) {
  const out = [exp];
  const paren = /^(.*?)\s*\((.*)\)\s*$/.exec(exp);
  const angle = /^(.*?)\s*<(.*)>\s*$/.exec(exp);
  for (const m of [paren, angle]) {
    if (!m) continue;
    const [a, b] = [m[1].trim(), m[2].trim()];
    if (a.includes('@') && b) out.push(b);
    else if (a) out.push(a);
    else out.push(b);
  }
  return out;
}

const langKey = (s) => s.trim().toLowerCase().replace(/_/g, '-');

function isAbsent(v) {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

function fieldValue(view, check) {
  if (check.scope === 'feed') return view.feed[check.field.slice(5)];
  const item = view.items[check.index];
  if (!item) return undefined;
  if (check.field === 'enclosures') return check.member ? item.enclosures : item.enclosures?.[check.enc]?.[check.part];
  if (check.field === 'updated') return item.updated ?? item.published;
  if (check.field === 'summary') return item.summary ?? item.content;
  if (check.field === 'content') return item.content ?? item.summary;
  return item[check.field];
}

/** Does the view agree with one check? */
export function agrees(view, check, parseDateFn) {
  if (check.scope === 'date') {
    const got = parseDateFn(check.input);
    if (check.op === 'absent') return got === null || got === undefined;
    return typeof got === 'number' && Math.abs(got - check.expected) < 1000;
  }
  if (check.scope === 'count') return view.items.length === check.expected;
  const v = fieldValue(view, check);
  if (check.op === 'absent') return isAbsent(v);
  if (check.op === 'present') return !isAbsent(v);
  const exp = check.expected;
  switch (check.field) {
    case 'feed.title':
    case 'title':
      return sameText(v, exp);
    case 'author':
      return typeof v === 'string' && (check.authorString ? authorNames(exp) : [exp]).some((e) => sameText(v, e));
    case 'feed.link':
    case 'link':
    case 'image':
      return sameUrl(v, exp);
    case 'guid':
      return typeof v === 'string' && (v.trim() === String(exp).trim() || sameUrl(v, String(exp)));
    case 'published':
    case 'updated':
      return typeof v === 'number' && Math.abs(v - exp) < 1000;
    case 'summary':
    case 'content':
      return sameHtml(v, exp);
    case 'feed.lang':
    case 'lang':
      // Language tags compare as BCP 47 does: case-insensitively, "en_US" (seen in feeds) as "en-US".
      return typeof v === 'string' && typeof exp === 'string' && langKey(v) === langKey(exp);
    case 'categories': {
      const cats = (view.items[check.index]?.categories ?? []).map((c) => collapse(String(c)));
      if (check.member) return cats.includes(collapse(String(exp)));
      const want = exp.map((c) => collapse(c));
      return want.length === cats.length && want.every((c) => cats.includes(c));
    }
    case 'enclosures':
      if (check.member) return (view.items[check.index]?.enclosures ?? []).some((e) => sameUrl(e.url, exp));
      if (check.part === 'url') return sameUrl(v, exp);
      if (check.part === 'type') return typeof v === 'string' && v.toLowerCase() === String(exp).toLowerCase();
      return Number(v) === Number(exp);
    default:
      return false;
  }
}
