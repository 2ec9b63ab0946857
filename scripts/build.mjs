// Bundles the CLI and the library entry with esbuild: one bundle starts much faster than
// hundreds of separate ESM files (ink pulls in the whole es-toolkit barrel), and code
// behind dynamic import() (network, parser) lands in chunks loaded only when needed.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const pkg = require('../package.json');

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

await build({
  entryPoints: { cli: 'src/cli.tsx', index: 'src/index.ts', 'feed-worker': 'src/core/feeds/feed-worker.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  jsx: 'automatic',
  // native addon and packages that must stay real node_modules at run time
  external: ['better-sqlite3', 'react-devtools-core'],
  define: {
    'process.env.NODE_ENV': '"production"',
    __CYBERREAD_VERSION__: JSON.stringify(pkg.version),
  },
  banner: {
    // bundled CommonJS dependencies still call require()
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
  logLevel: 'warning',
  legalComments: 'none',
  sourcemap: false,
});

if (!process.argv.includes('--no-types')) {
  const tsc = require.resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
}
