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

/**
 * conf validates against a JSON schema (ajv, ajv-formats) and runs versioned migrations (semver) only when
 * it is given a schema or migrations, and src/core/config.ts gives it neither; yet conf imports all three
 * eagerly: ~370 KB of code the reader compiled and ran before its first frame. In the bundle conf gets stand-ins
 * that throw if ever called, so a future schema or migration fails loudly at once rather than passing unchecked
 * (test/cli/startup.test.ts keeps the libraries out of the bundle; tests of src/ run the real conf).
 */
const confDir = dirname(require.resolve('conf'));
const CONF_UNUSED = new Set(['ajv/dist/2020.js', 'ajv-formats', 'semver']);
const confWithoutSchema = {
  name: 'conf-without-schema',
  setup(b) {
    b.onResolve({ filter: /^(ajv\/dist\/2020\.js|ajv-formats|semver)$/ }, (a) =>
      CONF_UNUSED.has(a.path) && a.importer.startsWith(confDir) ? { path: a.path, namespace: 'conf-without-schema' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'conf-without-schema' }, (a) => ({
      loader: 'js',
      contents:
        `const unavailable = () => { throw new Error(${JSON.stringify(`cyberread's bundle leaves out ${a.path}: conf's schema and migrations are not used`)}); };` +
        'export const Ajv2020 = class { constructor() { unavailable(); } };' +
        'export default new Proxy({}, { get: () => unavailable });',
    }));
  },
};

/**
 * Yoga (Ink's layout engine) is an Emscripten build for browsers: it loads its embedded WebAssembly with
 * fetch() of a data: URL whenever a global fetch exists. In Node that call compiles Node's built-in copy of
 * undici (20-40 ms before the reader's first frame) to read bytes already in memory. In the bundle Yoga takes
 * its own fallback, which decodes the same base64 and instantiates the same module; should Yoga change those
 * lines, the file is bundled as it is.
 */
const YOGA_FETCH_CHECK = '"function"!=typeof fetch';
const yogaNoFetch = {
  name: 'yoga-no-fetch',
  setup(b) {
    b.onLoad({ filter: /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/ }, (a) => {
      const code = readFileSync(a.path, 'utf8');
      return code.includes(YOGA_FETCH_CHECK) ? { contents: code.replaceAll(YOGA_FETCH_CHECK, 'true'), loader: 'js' } : undefined;
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
  plugins: [inkSpeedups, undiciNoGlobalHeaders, confWithoutSchema, yogaNoFetch],
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
