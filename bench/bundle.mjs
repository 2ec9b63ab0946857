// The bench scripts time src/ modules in their own process: each entry is bundled with esbuild into
// bench/.work/NAME.mjs the same way, here, and imported. better-sqlite3 stays outside the bundle (a native
// module), loaded through a `require` the banner gives each bundle; the version is "bench".
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const REQUIRE_BANNER = "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);";

/**
 * Bundles `entries` (output name → source file) into `work` and imports each bundle.
 * `keepNames`: functions keep their names (a CPU profile attributes samples by them).
 * Returns the modules by output name.
 */
export async function bundled(work, entries, { keepNames = false } = {}) {
  mkdirSync(work, { recursive: true });
  await build({
    entryPoints: entries,
    outdir: work,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['better-sqlite3'],
    outExtension: { '.js': '.mjs' },
    define: { __CYBERREAD_VERSION__: '"bench"' },
    keepNames,
    banner: { js: REQUIRE_BANNER },
    logLevel: 'warning',
  });
  const modules = {};
  for (const name of Object.keys(entries)) modules[name] = await import(pathToFileURL(join(work, `${name}.mjs`)).href);
  return modules;
}
