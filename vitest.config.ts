import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  define: { __CYBERREAD_VERSION__: JSON.stringify(pkg.version) },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    // tests must never read or write the real user's settings or cache
    env: { CYBERREAD_HOME: '/nonexistent-cyberread-home-for-tests', NO_COLOR: '1' },
  },
});
