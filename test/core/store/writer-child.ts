// Run as a separate process by faults.test.ts: a second cyberread refreshing the same cache.
import { openStore } from '../../../src/core/store/open-store.js';
import { article } from './make.js';

const [path, roundsArg] = process.argv.slice(2);
const rounds = Number(roundsArg ?? '40');
const { store } = openStore(path ?? '');
try {
  for (let r = 0; r < rounds; r++) {
    const batch = Array.from({ length: 50 }, (_, i) =>
      article(`child-${i}`, { feedUrl: 'https://child.test/feed', title: `round ${r}`, tags: ['child', `t${i % 5}`] }),
    );
    store.saveFeed('https://child.test/feed', { lastFetched: new Date().toISOString(), lastStatus: 'new' }, batch);
    store.mark([`child-${r % 50}`], { read: true });
    store.query({ tags: ['child'], limit: 50 });
  }
  process.stdout.write('done\n');
} catch (err) {
  process.stdout.write(`failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
} finally {
  store.close();
}
