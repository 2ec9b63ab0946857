import * as fs from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runInProcess } from '../helpers/cli-inprocess.js';
import { tempHome } from '../helpers/cli.js';

/**
 * Before it opens the settings, the command line reads config.json for two things: the language to talk in
 * and, for `refresh`, whether to start the refresh thread early. One read serves both (run.ts settingsPeek).
 */

/** Reads of config.json by anything but the settings themselves. */
const reads = vi.hoisted(() => ({ config: 0 }));

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof fs>();
  const readFileSync = ((path: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
    if (typeof path === 'string' && path.endsWith('config.json')) {
      // the settings' own reads (core/config.ts: opening, and editing the file to write a setting) are apart
      if (!/[\\/]core[\\/]config\.ts:/.test(new Error().stack ?? '')) reads.config += 1;
    }
    return (real.readFileSync as (...a: unknown[]) => unknown)(path, ...rest);
  }) as typeof fs.readFileSync;
  return { ...real, default: { ...real, readFileSync }, readFileSync };
});

afterEach(() => {
  reads.config = 0;
});

describe('the settings read before they are opened', () => {
  it('`refresh` reads config.json once for its language and its early thread', async () => {
    const home = tempHome();
    const feeds = Array.from({ length: 8 }, (_, i) => ({ url: join(home, `missing-${i}.xml`) }));
    fs.writeFileSync(join(home, 'config.json'), JSON.stringify({ feeds, lang: 'id' }));
    // the thread is allowed: the early-start check reads the feed count
    const r = await runInProcess(['--home', home, 'refresh'], { CYBERREAD_REFRESH_THREAD: '1' });
    expect(r.code).toBe(1);
    // in the language of the settings, from that one read
    expect(r.stdout).toContain('8 feed dimuat ulang, 0 artikel baru, 8 gagal.');
    expect(reads.config).toBe(1);
  });

  it('a bad option is refused in the settings language after one read; a corrupt file still is told by the settings', async () => {
    const home = tempHome();
    fs.writeFileSync(join(home, 'config.json'), '{"feeds": [], "lang": "id"}');
    const bad = await runInProcess(['--home', home, 'refresh', '--bogus']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Opsi --bogus tidak dikenal');
    expect(reads.config).toBe(1);
    const damaged = tempHome();
    fs.writeFileSync(join(damaged, 'config.json'), '{"feeds": [');
    const d = await runInProcess(['--home', damaged, 'refresh']);
    expect(d.code).toBe(1);
    expect(d.stderr).toMatch(/^cyberread: The settings file .*config\.json is not valid JSON/);
  });
});
