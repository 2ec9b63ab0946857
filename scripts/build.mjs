// Bundles the CLI and the library entry with esbuild: one bundle starts much faster than
// hundreds of separate ESM files (ink pulls in the whole es-toolkit barrel), and code
// behind dynamic import() (network, parser) lands in chunks loaded only when needed.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const pkg = require('../package.json');

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

/**
 * Ink redoes its whole output pass on every frame; src/ui/ink-output.ts remembers the parts that repeat
 * (string widths, finished rows). Swapped in here so tests keep running the unmodified Ink; if a new Ink
 * moves these files the bundle simply keeps the originals.
 */
const inkBuild = dirname(require.resolve('ink'));
const inkOutput = join(inkBuild, 'output.js');
const stringWidthFile = require.resolve('string-width', { paths: [inkBuild] });
const speedups = resolve('src/ui/ink-output.ts');
const inkSpeedups = {
  name: 'ink-speedups',
  setup(b) {
    if (!existsSync(inkOutput)) return;
    b.onResolve({ filter: /^\.\/output\.js$/ }, (a) =>
      a.importer === join(inkBuild, 'renderer.js') ? { path: 'output', namespace: 'ink-speedups' } : undefined,
    );
    b.onResolve({ filter: /^string-width$/ }, (a) => (a.namespace === 'ink-speedups' ? undefined : { path: 'string-width', namespace: 'ink-speedups' }));
    b.onLoad({ filter: /.*/, namespace: 'ink-speedups' }, (a) => ({
      resolveDir: process.cwd(),
      loader: 'js',
      contents:
        a.path === 'output'
          ? `import Output from ${JSON.stringify(inkOutput)}; import { fastOutput } from ${JSON.stringify(speedups)}; export default fastOutput(Output);`
          : `import stringWidth from ${JSON.stringify(stringWidthFile)}; import { memoStringWidth } from ${JSON.stringify(speedups)}; export default memoStringWidth(stringWidth);`,
    }));
  },
};

/**
 * undici's cookie helpers (which cyberread never calls) test headers against Node's own global Headers too,
 * and reading globalThis.Headers makes Node compile its built-in copy of undici: 30-150 ms of every refresh
 * thread's start, for a second HTTP client nobody uses. In the bundle that one check keeps undici's own Headers
 * only; should undici change the line, the file is bundled as it is.
 */
const undiciCookies = join(dirname(require.resolve('undici')), 'lib', 'web', 'cookies', 'index.js');
const GLOBAL_HEADERS_CHECK = '[Headers, globalThis.Headers].filter(Boolean)';
const undiciNoGlobalHeaders = {
  name: 'undici-no-global-headers',
  setup(b) {
    b.onLoad({ filter: /[\\/]undici[\\/]lib[\\/]web[\\/]cookies[\\/]index\.js$/ }, (a) => {
      if (a.path !== undiciCookies) return undefined;
      const code = readFileSync(a.path, 'utf8');
      return code.includes(GLOBAL_HEADERS_CHECK) ? { contents: code.replace(GLOBAL_HEADERS_CHECK, '[Headers]'), loader: 'js' } : undefined;
    });
  },
};

await build({
  entryPoints: {
    cli: 'src/cli.tsx',
    index: 'src/index.ts',
    'feed-worker': 'src/core/feeds/feed-worker.ts',
    'refresh-worker': 'src/core/feeds/refresh-worker.ts',
    'extract-worker': 'src/core/article/extract-worker.ts',
  },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  jsx: 'automatic',
  // native addon and packages that must stay real node_modules at run time
  external: ['better-sqlite3', 'react-devtools-core'],
  plugins: [inkSpeedups, undiciNoGlobalHeaders],
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
