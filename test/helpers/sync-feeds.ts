/** Generated RSS documents for the sync tests and benchmark: `count` items, newest first, with tags and bodies. */
export function rssFeed(name: string, count: number, options: { start?: number; base?: string; body?: string } = {}): string {
  const start = options.start ?? Date.UTC(2026, 10, 1);
  const base = options.base ?? `https://news.example.com/${name}`;
  const items: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const date = new Date(start + i * 37 * 60_000).toUTCString();
    items.push(`<item><title>${name} article ${i}</title><link>${base}/${i}</link><guid isPermaLink="false">${name}-${i}</guid>`
      + `<pubDate>${date}</pubDate><author>desk@example.com (Desk ${name})</author><category>topic${i % 5}</category>`
      + `<description><![CDATA[<p>${options.body ?? `Body of ${name} article ${i}. #ransomware attack on a bank.`}</p>]]></description></item>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Feed ${name}</title><link>${base}</link>`
    + `<description>Test feed ${name}</description><language>en</language>${items.join('')}</channel></rss>`;
}
