import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const DIST = new URL('../../dist/', import.meta.url);

/** The code of `file` and of every chunk it imports statically, followed transitively (esbuild names them). */
function staticCode(file: URL): string {
  const seen = new Set<string>();
  const visit = (f: URL): string => {
    if (seen.has(f.href)) return '';
    seen.add(f.href);
    const code = readFileSync(f, 'utf8');
    const statics = [...code.matchAll(/^import\s+(?:[^'";]*?\s+from\s+)?"(\.\/[^"]+)";?$/gms)].map((m) => m[1]!);
    return code + statics.map((spec) => visit(new URL(spec, f))).join('');
  };
  return visit(file);
}

/** The chunk the CLI loads for `src/cli/commands/<name>.ts` (or src/<name>.tsx): `import("./<name>-HASH.js")`. */
function lazyChunk(name: string): URL {
  const cli = readFileSync(new URL('cli.js', DIST), 'utf8');
  const m = new RegExp(`import\\("\\./(${name}-[A-Z0-9]+\\.js)"\\)`).exec(cli);
  if (!m) throw new Error(`dist/cli.js does not load ${name} on demand`);
  return new URL(m[1]!, DIST);
}

// What each command compiles before it can answer: `cyberread --help` and `list` must not pay for the HTTP
// client (undici, ~1.1 MB), the feed parser or the settings library they do not use.
describe('the built command line loads what a command needs', () => {
  it('--help and argument errors: no HTTP client, parser, cache or settings library', () => {
    const code = staticCode(new URL('cli.js', DIST));
    expect(code).toContain('src/cli/args.ts');
    for (const lib of ['node_modules/undici', 'node_modules/feedsmith', 'node_modules/conf', 'node_modules/htmlparser2', 'node_modules/ink', 'src/core/store/sqlite.ts']) {
      expect(code).not.toContain(lib);
    }
  });

  it('list, show and tags: the cache and the settings, no HTTP client or parser', () => {
    for (const command of ['list', 'show', 'tags']) {
      const code = staticCode(lazyChunk(command)) + staticCode(lazyChunk('context'));
      expect(code).toContain('src/core/store/sqlite.ts');
      expect(code).not.toContain('node_modules/undici');
      expect(code).not.toContain('node_modules/feedsmith');
      expect(code).not.toContain('node_modules/ink');
    }
  });

  it('refresh: this thread parses (the parser loads with the first document) and never fetches', () => {
    const code = staticCode(lazyChunk('refresh')) + staticCode(lazyChunk('context'));
    expect(code).toContain('src/cli/commands/refresh.ts');
    expect(code).not.toContain('node_modules/undici');
    expect(code).not.toContain('node_modules/feedsmith');
  });

  it('the reader: no HTTP client before it fetches or syncs', () => {
    const code = staticCode(lazyChunk('tui'));
    expect(code).toContain('node_modules/ink');
    expect(code).not.toContain('node_modules/undici');
    expect(code).not.toContain('node_modules/feedsmith');
  });

  it('the reader before its first frame: no schema validator or semver for settings that use neither', () => {
    const code = staticCode(lazyChunk('context')) + staticCode(lazyChunk('tui'));
    expect(code).toContain('node_modules/conf');
    for (const lib of ['node_modules/ajv', 'node_modules/ajv-formats', 'node_modules/semver', 'node_modules/fast-uri']) {
      expect(code).not.toContain(lib);
    }
  });

  it('the reader: Ink’s layout engine loads its WebAssembly without fetch(), which would compile Node’s own undici', () => {
    const code = staticCode(lazyChunk('tui'));
    expect(code).toContain('node_modules/yoga-layout/dist/binaries/yoga-wasm-base64-esm.js');
    expect(code).not.toMatch(/"function"\s*!=\s*typeof fetch/);
  });

  it('the refresh thread loads undici on demand, without Node’s own copy behind globalThis.Headers', () => {
    const worker = staticCode(new URL('refresh-worker.js', DIST));
    expect(worker).not.toContain('node_modules/undici');
    const chunk = /import\("\.\/(undici-[A-Z0-9]+\.js)"\)/.exec(worker);
    expect(chunk).not.toBeNull();
    const undici = readFileSync(new URL(chunk![1]!, DIST), 'utf8');
    expect(undici).toContain('node_modules/undici/lib/web/cookies/index.js');
    expect(undici).not.toContain('globalThis.Headers]');
  });
});
