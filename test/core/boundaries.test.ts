import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

describe('src/core', () => {
  it('never imports react or ink', () => {
    const offenders = files('src/core')
      .filter((f) => /\.(ts|tsx)$/.test(f))
      .filter((f) => /from\s+['"](react|ink)(\/[^'"]*)?['"]|import\(['"](react|ink)/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
  it('has no .tsx files', () => {
    expect(files('src/core').filter((f) => f.endsWith('.tsx'))).toEqual([]);
  });
});
