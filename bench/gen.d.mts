// Types for gen.mjs, so that tests (test/core/feeds/plain-rss.test.ts) can use the benchmark's feeds.
export function feedXml(f: number, m: number): { body: Buffer; etag: string };
