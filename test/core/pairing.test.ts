import { describe, expect, it } from 'vitest';
import { pairKeyFor } from '../../src/core/pairing.js';

describe('pairKeyFor', () => {
  it.each<[string | null, string | null, string | null]>([
    ['https://cyberthreat.id/read/5678/data-pelanggan-bocor', null, 'cyberthreat.id#5678'],
    ['https://en.cyberthreat.id/read/5678/customer-data-leaked', null, 'cyberthreat.id#5678'],
    ['https://www.cyberthreat.id/read/5678', null, 'cyberthreat.id#5678'],
    ['http://m.CyberThreat.ID/read/5678/x?utm_source=rss#top', null, 'cyberthreat.id#5678'],
    ['https://id.example.com/read/123/x', null, 'example.com#123'],
    ['https://example.com/en/read/4321/story', null, 'example.com#4321'],
    ['https://example.com/id/read/4321/cerita', null, 'example.com#4321'],
    ['https://example.com/en/98765/story-slug', null, 'example.com#98765'],
    ['https://news.example.com/berita/98765/judul-berita', null, 'news.example.com#98765'],
    ['https://example.com/article.php?id=4567', null, 'example.com#4567'],
    ['https://example.com/read/12/too-short', null, null],
    ['https://example.com/2019/11/16/slug', null, null],
    ['https://example.com/2019/slug', null, null],
    ['https://example.com/about', null, null],
    ['https://example.com/123456', null, null],
    ['https://en.com/read/5678/x', null, 'en.com#5678'],
    ['ftp://cyberthreat.id/read/5678/x', null, null],
    ['not a url', null, null],
    [null, 'https://cyberthreat.id/read/5678/slug', 'cyberthreat.id#5678'],
    ['https://example.com/about', 'https://en.cyberthreat.id/read/777/x', 'cyberthreat.id#777'],
    [null, 'urn:uuid:5678', null],
    [null, null, null],
  ])('%s / %s → %s', (url, guid, expected) => {
    expect(pairKeyFor(url, guid)).toBe(expected);
  });
});
