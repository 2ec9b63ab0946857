import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/core/article/extract.js';
import { threadExtractor, type ThreadExtractor } from '../../../src/core/article/extract-thread.js';
import { ExtractError } from '../../../src/core/article/types.js';

// The built worker: npm test builds before vitest runs.
const WORKER = new URL('../../../dist/extract-worker.js', import.meta.url);
const PAGE = readFileSync(new URL('../../../samples/pages/cyberthreat.id/18227.html', import.meta.url));
const URL_ = 'https://cyberthreat.id/read/18227/Data-Rekam-Medis-Pasien-RS-Harapan-Sehat-Terbuka-di-Cloud';
/** A page big enough that reading it is still under way when the test aborts it. */
const BIG = `<!doctype html><html><body><article>${Array.from({ length: 40_000 }, (_, i) => `<div><p>Paragraf ${i} tentang serangan siber dan kebocoran data pelanggan.</p></div>`).join('')}</article></body></html>`;

let x: ThreadExtractor | undefined;
afterEach(async () => {
  await x?.close();
  x = undefined;
});

describe('threadExtractor', () => {
  it('reads a page on the worker thread exactly as extractArticle does here', async () => {
    x = threadExtractor(WORKER);
    const there = await x.extract(PAGE, { url: URL_, contentType: 'text/html; charset=utf-8' });
    const here = extractArticle(PAGE, { url: URL_, contentType: 'text/html; charset=utf-8' });
    expect(there).toEqual(here);
    expect(there.author).toBe('Rina Kartikasari');
  });

  it('a page with no article comes back as an ExtractError with its reason', async () => {
    x = threadExtractor(WORKER);
    const failed = await x.extract(new TextEncoder().encode('%PDF-1.7 not a page'), { url: URL_ }).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(ExtractError);
    expect((failed as ExtractError).reason).toBe('not-html');
  });

  it('pages asked for together are read one after the other, each answered with its own', async () => {
    x = threadExtractor(WORKER);
    const en = readFileSync(new URL('../../../samples/pages/en.cyberthreat.id/18229.html', import.meta.url));
    const [a, b] = await Promise.all([
      x.extract(PAGE, { url: URL_ }),
      x.extract(en, { url: 'https://en.cyberthreat.id/read/18229/AI-Written-Invoice-Scams-Hit-Southeast-Asian-Exporters' }),
    ]);
    expect(a.lang).toBe('id');
    expect(b.author).toBe('Andreas Siregar');
  });

  it('aborting stops the page being read (its worker is ended) and the next page is read by a new one', async () => {
    x = threadExtractor(WORKER);
    const ac = new AbortController();
    const slow = x.extract(BIG, { url: 'https://x.example/big', timeoutMs: 60_000 }, ac.signal).catch((e: unknown) => e);
    const queued = new AbortController();
    const waiting = x.extract(PAGE, { url: URL_ }, queued.signal).catch((e: unknown) => e);
    queued.abort();
    setTimeout(() => ac.abort(), 50);
    expect(((await slow) as Error).name).toBe('AbortError');
    expect(((await waiting) as Error).name).toBe('AbortError');
    const next = await x.extract(PAGE, { url: URL_ });
    expect(next.author).toBe('Rina Kartikasari');
  });

  it('an already aborted signal, or a closed extractor, reads nothing', async () => {
    x = threadExtractor(WORKER);
    await expect(x.extract(PAGE, { url: URL_ }, AbortSignal.abort())).rejects.toMatchObject({ name: 'AbortError' });
    await x.close();
    await expect(x.extract(PAGE, { url: URL_ })).rejects.toThrow();
  });

  it('a worker that dies on a page (out of heap) fails that page as too complex, and the next page gets a new worker', async () => {
    x = threadExtractor(new URL('../../fixtures/workers/dies-on-page.mjs', import.meta.url));
    for (let k = 0; k < 2; k++) {
      const failed = await x.extract(PAGE, { url: URL_ }).catch((e: unknown) => e);
      expect(failed).toBeInstanceOf(ExtractError);
      expect((failed as ExtractError).reason).toBe('too-complex');
    }
  });

  it('with no built worker (running from source) it reads on this thread', async () => {
    x = threadExtractor(null);
    expect((await x.extract(PAGE, { url: URL_ })).author).toBe('Rina Kartikasari');
  });
});
