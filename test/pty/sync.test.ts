import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { hasTmux, terminal } from '../helpers/tmux.js';
import { ttrssSkip } from '../helpers/ttrss.js';
import { ttrssSuite } from '../helpers/ttrss-suite.js';

// The BUILT reader in a real terminal (tmux) while sync with a real Tiny Tiny RSS on 127.0.0.1 is set up:
// the password asked on the terminal, r syncs, s and m go to the server with the next sync, the server's
// changes come back, a feed added in the feeds view is subscribed on the server, and a server that is down
// is one error naming the queued changes.

const { skip, why } = ttrssSkip();
const term = terminal('sync');
const { screen, waitFor, keys, type } = term;

describe.skipIf(!hasTmux || skip)(`the reader with sync set up, in tmux${hasTmux ? '' : ' (skipped: tmux is not installed)'}${why}`, () => {
  const ts = ttrssSuite({ r: 3, s: 2 });
  let home: string;
  afterEach(() => {
    term.kill();
    if (home) rmSync(home, { recursive: true, force: true });
  });

  const start = (command: string, env: Record<string, string> = {}): void => term.start(home, 120, 30, env, `${command}; sleep 30`);

  it('with a kept session the reader opens on the cache and asks nothing; a login it needs waits in the status line while reading goes on', async () => {
    const user = ts.server.addUser('waits');
    await user.addFeed(`${ts.feeds.base}/r.xml`);
    home = mkdtempSync(join(tmpdir(), 'cyberread-sync-pty-'));
    writeFileSync(join(home, 'config.json'), JSON.stringify({ lang: 'en', feeds: [] }));
    const env = { CYBERREAD_SYNC_PASSWORD: user.password };
    expect((await runCli(['--home', home, 'sync', 'setup', 'ttrss', ts.server.url, '--user', 'waits'], { env })).code).toBe(0);
    expect((await runCli(['--home', home, 'sync'], { env })).code).toBe(0);
    // the password now comes from a program that notes each run (and gives a wrong one)
    const ran = join(home, 'password-command-ran');
    const config = JSON.parse(readFileSync(join(home, 'config.json'), 'utf8'));
    config.sync.passwordCommand = ['sh', '-c', `echo ran >> '${ran}'; echo not-the-password`];
    writeFileSync(join(home, 'config.json'), JSON.stringify(config));
    const ranTimes = (): number => (existsSync(ran) ? readFileSync(ran, 'utf8').split('\n').filter(Boolean).length : 0);

    // no password asked, no program run: the cache at once, and r syncs on the kept session
    start('');
    await waitFor('r article 2');
    // the refresh due at start syncs on the kept session, asking nothing
    await waitFor((s) => s.includes('updated just now') && !s.includes('↻'));
    expect(ranTimes()).toBe(0);
    const h = await user.headlines();
    await user.api('updateArticle', { article_ids: String(h.find((x) => x.title === 'r article 1')?.id), field: 0, mode: 1 });
    await keys('r');
    await waitFor((s) => /★.*r article 1/.test(s));
    expect(ranTimes()).toBe(0);

    // the server ends every session: the next sync needs a login; the program is run (without the terminal),
    // its password is refused, and the status line says the sync waits for one to be typed
    ts.server.sql('DELETE FROM ttrss_sessions');
    await user.api('updateArticle', { article_ids: String(h.find((x) => x.title === 'r article 0')?.id), field: 0, mode: 1 });
    await keys('r');
    await waitFor('sync waits for the password of "waits" — press r to type it');
    expect(ranTimes()).toBe(1);
    expect(screen()).not.toMatch(/feeds? failed/);
    // reading goes on meanwhile: move, open an article, come back
    await keys('j');
    await waitFor((s) => /›.*r article 1/.test(s));
    await keys('Enter');
    await waitFor('Body of r article 1');
    await keys('q');
    await waitFor('sync waits for the password');
    // e tells why: the server refused what the program gave
    await keys('e');
    await waitFor((s) => s.includes('Sync waits for the password of "waits"') && s.includes('refused the login'));
    await keys('q');

    // r asks for it in the status line, never showing it; Esc leaves it waiting
    await keys('r');
    await waitFor(`Password for "waits" at ${ts.server.url}:`);
    await keys('Escape');
    await waitFor('sync waits for the password');
    await keys('r');
    await waitFor(`Password for "waits" at ${ts.server.url}:`);
    await type(user.password);
    expect(screen()).not.toContain(user.password);
    expect(screen()).toContain('•'.repeat(user.password.length));
    await keys('Enter');
    // the sync goes on: the server's star arrives, and nothing waits any more
    await waitFor((s) => /★.*r article 0/.test(s) && !s.includes('sync waits'));
    expect(ranTimes()).toBe(1);
    const status = await runCli(['--home', home, 'sync', 'status', '--json']);
    expect(JSON.parse(status.stdout)).toMatchObject({ lastError: null, queued: 0 });
  }, 120_000);

  it('asks for the password without echoing it, syncs on r, and sends s and m with the next sync', async () => {
    const user = ts.server.addUser('reader');
    await user.addFeed(`${ts.feeds.base}/r.xml`);
    home = mkdtempSync(join(tmpdir(), 'cyberread-sync-pty-'));
    writeFileSync(join(home, 'config.json'), JSON.stringify({ lang: 'en', feeds: [] }));

    start(`sync setup ttrss ${ts.server.url} --user reader`);
    await waitFor(`Password for "reader" at ${ts.server.url}:`);
    await type(user.password);
    expect(screen()).not.toContain(user.password);
    await keys('Enter');
    await waitFor('Sync is set up with');
    expect(readFileSync(join(home, 'config.json'), 'utf8')).not.toContain(user.password);
    term.kill();

    start('', { CYBERREAD_SYNC_PASSWORD: user.password });
    await waitFor('cyberread · Articles');
    await keys('r');
    await waitFor('r article 2');
    // the newest is selected: star it and read it
    await keys('s', 'm');
    await waitFor((s) => /›.*★.*r article 2/.test(s));
    const queued = await runCli(['--home', home, 'sync', 'status', '--json']);
    expect(JSON.parse(queued.stdout).queued).toBe(2);
    await keys('r');
    const until = Date.now() + 20_000;
    let h = await user.headlines();
    while (!(h.find((x) => x.title === 'r article 2')?.marked && !h.find((x) => x.title === 'r article 2')?.unread) && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 200));
      h = await user.headlines();
    }
    expect(h.find((x) => x.title === 'r article 2')).toMatchObject({ marked: true, unread: false });

    // starred on the server: shown after the next r
    await user.api('updateArticle', { article_ids: String(h.find((x) => x.title === 'r article 0')?.id), field: 0, mode: 1 });
    await keys('r');
    await waitFor((s) => /★.*r article 0/.test(s));

    // a feed added in the feeds view is subscribed on the server by the sync that fetches it
    await keys('F');
    await waitFor('Feeds');
    await keys('a');
    await type(`${ts.feeds.base}/s.xml`);
    await keys('Enter');
    await waitFor((s) => /s\.xml|Feed s/.test(s) && /2\/2/.test(s));
    const onServer = ((await user.api('getFeeds', { cat_id: -3 })) as unknown as { feed_url: string }[]).map((f) => f.feed_url);
    expect(onServer).toContain(`${ts.feeds.base}/s.xml`);

    // the server goes down: r is one error for the synced feeds, naming what stays queued
    await keys('Escape');
    await ts.server.stopWeb();
    try {
      await keys('j', 'm', 'r');
      await waitFor(/feeds? failed — press e/.test.bind(/feeds? failed — press e/));
      await keys('e');
      await waitFor((s) => s.includes('1 change stays') && s.includes('Could not connect to 127.0.0.1'));
    } finally {
      await ts.server.startWeb();
    }
  }, 120_000);
});
