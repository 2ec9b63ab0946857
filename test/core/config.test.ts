import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Config, ConfigError } from '../../src/core/config.js';
import { resolvePaths } from '../../src/core/paths.js';

const dir = () => mkdtempSync(join(tmpdir(), 'cyberread-config-'));
const DEFAULTS = [{ url: 'https://example.org/rss', lang: 'en' }];

describe('Config', () => {
  it('starts a new user with the default feeds and writes them on first change', () => {
    const d = dir();
    const c = new Config(d, DEFAULTS);
    expect(c.isNew).toBe(true);
    expect(c.settings.feeds).toEqual(DEFAULTS);
    expect(c.settings.refreshIntervalMinutes).toBe(30);
    c.set('lang', 'id');
    const saved = JSON.parse(readFileSync(join(d, 'config.json'), 'utf8'));
    expect(saved).toMatchObject({ lang: 'id', feeds: DEFAULTS });
    const again = new Config(d, []);
    expect(again.isNew).toBe(false);
    expect(again.settings.lang).toBe('id');
    expect(again.settings.feeds).toEqual(DEFAULTS);
  });

  it('adds and removes feeds without duplicates', () => {
    const c = new Config(dir(), []);
    expect(c.addFeed({ url: 'https://a.example/feed' })).toBe(true);
    expect(c.addFeed({ url: 'https://a.example/feed' })).toBe(false);
    expect(c.removeFeed('https://a.example/feed')).toBe(true);
    expect(c.removeFeed('https://a.example/feed')).toBe(false);
    expect(c.settings.feeds).toEqual([]);
  });

  it('ignores unknown keys and wrong types with a warning each, keeping the rest', () => {
    const d = dir();
    writeFileSync(join(d, 'config.json'), JSON.stringify({
      feeds: [{ url: 'https://ok.example/rss' }, { title: 'no url' }, 'junk'],
      lang: 'fr',
      timeZone: 'Mars/Olympus',
      concurrency: -3,
      perHost: 4,
      colour: 'red',
    }));
    const c = new Config(d, DEFAULTS);
    expect(c.settings.feeds).toEqual([{ url: 'https://ok.example/rss' }]);
    expect(c.settings.lang).toBeUndefined();
    expect(c.settings.timeZone).toBeUndefined();
    expect(c.settings.concurrency).toBe(8);
    expect(c.settings.perHost).toBe(4);
    expect(c.warnings).toHaveLength(6);
    expect(c.warnings.join('\n')).toContain('unknown setting "colour"');
  });

  it('changes one feed in place, writing the file at once (rename, language, tags)', () => {
    const d = dir();
    const c = new Config(d, [{ url: 'https://a.example/feed' }, { url: 'https://b.example/feed', title: 'B', lang: 'en' }]);
    expect(c.updateFeed('https://b.example/feed', { title: 'Bee', lang: 'id' })).toBe(true);
    expect(c.updateFeed('https://missing.example/feed', { title: 'x' })).toBe(false);
    // a fresh read of the file, as after a crash, has the change
    expect(new Config(d, []).settings.feeds).toEqual([{ url: 'https://a.example/feed' }, { url: 'https://b.example/feed', title: 'Bee', lang: 'id' }]);
    c.updateFeed('https://b.example/feed', { lang: undefined, title: undefined });
    expect(new Config(d, []).settings.feeds[1]).toEqual({ url: 'https://b.example/feed' });
  });

  it('reads notify, notifyCommand and player, and reports wrong ones in one line each', () => {
    const ok = dir();
    writeFileSync(join(ok, 'config.json'), JSON.stringify({ feeds: [], notify: 'command', notifyCommand: ['notify-send', 'cyberread'], player: ['mpv', '--no-video'] }));
    const c = new Config(ok, []);
    expect(c.warnings).toEqual([]);
    expect(c.settings).toMatchObject({ notify: 'command', notifyCommand: ['notify-send', 'cyberread'], player: ['mpv', '--no-video'] });
    expect(new Config(dir(), []).settings.notify).toBeUndefined();

    const bad = dir();
    writeFileSync(join(bad, 'config.json'), JSON.stringify({ feeds: [], notify: 'command', notifyCommand: 'notify-send "$(rm -rf ~)"', player: [] }));
    const b = new Config(bad, []);
    expect(b.settings.notify).toBeUndefined();
    expect(b.settings.notifyCommand).toBeUndefined();
    expect(b.settings.player).toBeUndefined();
    expect(b.warnings).toHaveLength(3);
    for (const w of b.warnings) expect(w).not.toContain('\n');
    expect(b.warnings.join('\n')).toContain('"notify" in');
    const wrongKind = dir();
    writeFileSync(join(wrongKind, 'config.json'), JSON.stringify({ feeds: [], notify: 'popup', notifyCommand: ['x\u001b[2J'] }));
    const w = new Config(wrongKind, []);
    expect(w.warnings.map((x) => x.replace(/ in .*?config\.json/, ''))).toEqual([
      'Ignoring "notifyCommand": it must be a list of words such as ["notify-send", "cyberread"], the program first.',
      'Ignoring "notify": it must be "bell", "osc9" or "command".',
    ]);
  });

  it('keeps a feed whose fullText mode is wrong, without the mode, and says so in both languages', () => {
    const d = dir();
    writeFileSync(join(d, 'config.json'), JSON.stringify({ feeds: [{ url: 'https://a.example/feed', fullText: 'sometimes' }] }));
    const c = new Config(d, []);
    expect(c.settings.feeds).toEqual([{ url: 'https://a.example/feed' }]);
    expect(c.warningsIn('en')).toEqual([expect.stringMatching(/^Ignoring "fullText" of feed #1 in .*config\.json: it must be "auto", "always" or "never"; the feed itself is kept\.$/)]);
    expect(c.warningsIn('id')).toEqual([expect.stringMatching(/^"fullText" feed #1 di .*config\.json diabaikan/)]);
  });

  it('refuses invalid JSON with a sentence naming the file, and leaves the file alone', () => {
    const d = dir();
    writeFileSync(join(d, 'config.json'), '{"feeds": [');
    expect(() => new Config(d, [])).toThrow(ConfigError);
    expect(() => new Config(d, [])).toThrow(/config\.json is not valid JSON.*Fix it or move it away/);
    expect(readFileSync(join(d, 'config.json'), 'utf8')).toBe('{"feeds": [');
  });

  it('explains a settings directory that cannot be created', () => {
    const d = dir();
    writeFileSync(join(d, 'file'), 'x');
    expect(() => new Config(join(d, 'file', 'sub'), [])).toThrow(/Cannot create the settings directory .*file\/sub: a file stands where a directory is needed/);
  });

  it.skipIf(process.getuid?.() === 0)('explains a read-only settings file when saving (skipped as root: root ignores file modes)', () => {
    const d = dir();
    const c = new Config(d, []);
    c.set('lang', 'en');
    chmodSync(join(d, 'config.json'), 0o444);
    chmodSync(d, 0o555);
    expect(() => c.set('lang', 'id')).toThrow(/permission denied/);
  });
});

describe('resolvePaths', () => {
  it('puts everything under --home', () => {
    expect(resolvePaths('/tmp/x')).toEqual({ configDir: '/tmp/x', dataDir: '/tmp/x', cacheFile: '/tmp/x/cache.db' });
  });
  it('follows XDG on Linux', () => {
    expect(resolvePaths(undefined, { HOME: '/home/u', XDG_DATA_HOME: '/data' }, 'linux')).toEqual({
      configDir: '/home/u/.config/cyberread',
      dataDir: '/data/cyberread',
      cacheFile: '/data/cyberread/cache.db',
    });
  });
  it('uses the platform folders on macOS and Windows', () => {
    expect(resolvePaths(undefined, { HOME: '/Users/u' }, 'darwin').cacheFile).toBe('/Users/u/Library/Application Support/cyberread/cache.db');
    expect(resolvePaths(undefined, { HOME: 'C:/u', LOCALAPPDATA: 'C:/L', APPDATA: 'C:/R' }, 'win32').configDir).toBe(join('C:/R', 'cyberread', 'Config'));
  });
});
