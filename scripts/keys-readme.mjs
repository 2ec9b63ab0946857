// Rewrites the key table in README.md (between the keys markers) from src/ui/keymap.ts, the one key table.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = mkdtempSync(join(tmpdir(), 'cyberread-keys-'));
try {
  const out = join(dir, 'keymap.mjs');
  await build({ entryPoints: ['src/ui/keymap.ts'], bundle: true, format: 'esm', platform: 'node', outfile: out, logLevel: 'warning', external: ['ink', 'react'] });
  const { keyTableMarkdown } = await import(pathToFileURL(out).href);
  const readme = readFileSync('README.md', 'utf8');
  const next = readme.replace(/(<!-- keys:start -->\n)[\s\S]*?(<!-- keys:end -->)/, `$1${keyTableMarkdown('en')}$2`);
  writeFileSync('README.md', next);
  console.log(next === readme ? 'README key table already up to date' : 'README key table updated');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
