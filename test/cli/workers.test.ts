import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultWorkers } from '../../src/core/feeds/pipeline.js';
import { runCli, tempHome } from '../helpers/cli.js';

const SAMPLES = join(process.cwd(), 'samples');

/** Every bundled sample edition refreshed into a fresh home; the list of what got stored. */
async function refreshSamples(env: Record<string, string>): Promise<{ code: number; stderr: string; list: unknown }> {
  const home = tempHome();
  const files = readdirSync(SAMPLES).filter((f) => f.endsWith('.xml')).sort();
  expect(files.length).toBeGreaterThan(0);
  for (const f of files) {
    const add = await runCli(['--home', home, 'feeds', 'add', join(SAMPLES, f)]);
    expect(add.code).toBe(0);
  }
  const refresh = await runCli(['--home', home, 'refresh'], { env });
  const list = await runCli(['--home', home, 'list', '--json', '--limit', '1000']);
  // Articles with the same posting time are listed in the order they were stored, which is the order
  // the feeds finished in: compare by id.
  const rows = (JSON.parse(list.stdout) as { id: string }[]).sort((a, b) => (a.id < b.id ? -1 : 1));
  const shown = await runCli(['--home', home, 'show', '--json', rows[0]?.id ?? '']);
  return { code: refresh.code, stderr: refresh.stderr, list: [rows, JSON.parse(shown.stdout)] };
}

describe('refresh in worker threads', () => {
  it('stores exactly what the in-process refresh stores', async () => {
    const inProcess = await refreshSamples({ CYBERREAD_WORKERS: '0' });
    const workers = await refreshSamples({ CYBERREAD_WORKERS: '2' });
    expect(inProcess.code).toBe(0);
    expect(workers.code).toBe(0);
    expect(workers.stderr).toBe('');
    expect(workers.list).toEqual(inProcess.list);
  }, 60_000);
});

describe('defaultWorkers', () => {
  it('uses two workers with two cores or more, unless CYBERREAD_WORKERS says otherwise', () => {
    expect(defaultWorkers({}, 1)).toBe(0);
    expect(defaultWorkers({}, 2)).toBe(2);
    expect(defaultWorkers({}, 16)).toBe(2);
    expect(defaultWorkers({ CYBERREAD_WORKERS: '2' }, 1)).toBe(2);
    expect(defaultWorkers({ CYBERREAD_WORKERS: '0' }, 16)).toBe(0);
    expect(defaultWorkers({ CYBERREAD_WORKERS: '99' }, 2)).toBe(8);
    expect(defaultWorkers({ CYBERREAD_WORKERS: 'many' }, 4)).toBe(2);
  });
});
