import { defineConfig } from 'vitest/config';

export default defineConfig({
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
