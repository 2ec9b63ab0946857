/**
 * A key shared by the Indonesian and English editions of one story, taken from the numeric article id
 * that both editions carry in their URL (cyberthreat.id/read/5678/… and en.cyberthreat.id/read/5678/…).
 */

// Edition and mobile prefixes that differ between the editions of one site.
const HOST_PREFIX = /^(?:www|en|id|m)\./;
const ID = /^\d{3,18}$/;
const YEAR = /^(?:19|20)\d\d$/;

function keyFromUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  let host = url.hostname.toLowerCase();
  // Strip repeatedly ("m.en.example.com"), but never down to a bare top-level domain.
  while (HOST_PREFIX.test(host) && host.replace(HOST_PREFIX, '').includes('.')) host = host.replace(HOST_PREFIX, '');
  if (!host.includes('.')) return null;

  let segments = url.pathname.split('/').filter(Boolean);
  if (segments[0] === 'en' || segments[0] === 'id') segments = segments.slice(1);

  const read = segments.indexOf('read');
  const afterRead = read >= 0 ? segments[read + 1] : undefined;
  if (afterRead !== undefined && ID.test(afterRead)) return `${host}#${afterRead}`;

  for (let i = 0; i + 1 < segments.length; i++) {
    const id = segments[i] ?? '';
    const slug = segments[i + 1] ?? '';
    // "/2019/some-slug" is an archive path, not an article id; a slug has letters.
    if (ID.test(id) && !YEAR.test(id) && /\p{L}/u.test(slug)) return `${host}#${id}`;
  }

  const query = url.searchParams.get('id');
  if (query !== null && ID.test(query)) return `${host}#${query}`;
  return null;
}

/** "cyberthreat.id#5678" for either edition's URL (or a guid that is a URL); null when no article id is found. */
export function pairKeyFor(url: string | null, guid: string | null): string | null {
  if (url) {
    const key = keyFromUrl(url);
    if (key) return key;
  }
  if (guid && guid !== url) return keyFromUrl(guid);
  return null;
}
