import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Config, storePolicy } from '../../src/core/config.js';

const dirs: string[] = [];
const dir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'cyberread-config-rules-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

// Written by hand: odd spacing, a key cyberread does not know, values it cannot use next to ones it can.
const HAND = `{
  "feeds":[{"url":"https://a.test/rss"}],
  "colour":   "ungu" ,
  "ignore": [
      {"query": "#sponsored"},
      {"query": "age:<", "mode": "hide"},
      {"query": "\\"press release\\"", "mode": "drop"},
      {"query": "#x", "mode": "zap"},
      "junk",
      {"query": "   "}
  ],
  "keep": {"days": 90, "perFeed": -3},
  "views": [ {"name": "Bocor", "query": "#databreach lang:id"}, {"name": "bocor", "query": "#x"}, {"name": "", "query": "#y"}, {"name": "Tua", "query": "age:>1y"} ],
  "refreshIntervalMinutes": 15
}
`;

describe('settings: ignore, keep, views', () => {
  it('uses every entry it can and reports each one it cannot, naming the key and the reason', () => {
    const d = dir();
    writeFileSync(join(d, 'config.json'), HAND);
    const c = new Config(d, []);
    expect(c.settings.ignore).toEqual([
      { query: '#sponsored', mode: 'hide' },
      { query: '"press release"', mode: 'drop' },
    ]);
    expect(c.settings.keep).toEqual({ days: 90 });
    expect(c.settings.views).toEqual([
      { name: 'Bocor', query: '#databreach lang:id' },
      { name: 'Tua', query: 'age:>1y' },
    ]);
    expect(c.settings.refreshIntervalMinutes).toBe(15);
    const en = c.warningsIn('en').map((w) => w.replace(` in ${c.path}`, ''));
    expect(en).toEqual([
      'Ignoring unknown setting "colour".',
      'Ignoring "ignore" #2: its query cannot be read: "age:<" at column 1 is not an age: write age:<7d or age:>1m (h hours, d days, w weeks, m months, y years).',
      'Ignoring "ignore" #4: its "mode" must be "hide" or "drop", not zap.',
      'Ignoring "ignore" #5: write it as {"query": "#sponsored", "mode": "hide"} ("hide" or "drop").',
      'Ignoring "ignore" #6: its query is empty.',
      'Ignoring "views" #2: a view named "bocor" comes before it.',
      'Ignoring "views" #3: its "name" must be text of 1 to 60 characters.',
      'Ignoring "keep.perFeed": it must be a whole number from 1 to 1,000,000.',
    ]);
    const id = c.warningsIn('id');
    expect(id[1]).toBe(`"ignore" #2 di ${c.path} diabaikan: kuerinya tidak bisa dibaca: "age:<" di kolom 1 bukan umur artikel: tulis age:<7d atau age:>1m (h jam, d hari, w minggu, m bulan, y tahun).`);
    for (const w of [...en, ...id]) expect(w).not.toContain('\n');
    const p = storePolicy(c.settings, 'Asia/Jakarta');
    expect(p.hide).toEqual([{ kind: 'tag', key: 'sponsored' }]);
    expect(p.drop).toEqual([{ rule: '"press release"', node: { kind: 'text', text: 'press release', phrase: true, prefix: false, title: false } }]);
    expect(p.keep).toEqual({ days: 90 });
  });

  it('rewrites only the key it changes: unknown keys, unusable entries and the layout stay', () => {
    const d = dir();
    const path = join(d, 'config.json');
    writeFileSync(path, HAND);
    const c = new Config(d, []);
    c.set('lang', 'id');
    expect(readFileSync(path, 'utf8')).toBe(HAND.replace('  "refreshIntervalMinutes": 15\n}', '  "refreshIntervalMinutes": 15,\n  "lang": "id"\n}'));
    // a saved view is added to the file's own list, unusable entries included
    expect(c.saveView({ name: 'Phishing', query: '#phishing' })).toBe(true);
    const text = readFileSync(path, 'utf8');
    expect(text.slice(0, text.indexOf('"views"'))).toBe(HAND.slice(0, HAND.indexOf('"views"')));
    const raw = JSON.parse(text) as { views: unknown[]; ignore: unknown[]; colour: string };
    expect(raw.views).toHaveLength(5);
    expect(raw.views[4]).toEqual({ name: 'Phishing', query: '#phishing' });
    expect(raw.colour).toBe('ungu');
    // same name, any case: the query is replaced where it stands
    expect(c.saveView({ name: 'BOCOR', query: '#databreach' })).toBe(false);
    expect(new Config(d, []).settings.views.map((v) => v.name)).toEqual(['BOCOR', 'Tua', 'Phishing']);
    expect(c.removeView('tua')).toBe(true);
    expect(c.removeView('tua')).toBe(false);
    expect(new Config(d, []).settings.views.map((v) => v.name)).toEqual(['BOCOR', 'Phishing']);
    // ignore rules the same way
    expect(c.saveIgnoreRule({ query: '#ads', mode: 'drop' })).toBe('added');
    expect(c.saveIgnoreRule({ query: '#sponsored', mode: 'drop' })).toBe('changed');
    expect(c.saveIgnoreRule({ query: '#sponsored', mode: 'drop' })).toBe('same');
    expect(c.removeIgnoreRule('"press release"')).toBe(true);
    const after = JSON.parse(readFileSync(path, 'utf8')) as { ignore: unknown[] };
    expect(after.ignore).toEqual([
      { query: '#sponsored', mode: 'drop' },
      { query: 'age:<', mode: 'hide' },
      { query: '#x', mode: 'zap' },
      'junk',
      { query: '   ' },
      { query: '#ads', mode: 'drop' },
    ]);
  });

  it('never writes over a file that stopped being JSON since it was read', () => {
    const d = dir();
    const path = join(d, 'config.json');
    writeFileSync(path, '{"feeds": []}');
    const c = new Config(d, []);
    writeFileSync(path, '{"feeds": [ half written');
    expect(() => c.set('lang', 'en')).toThrow(/no longer valid JSON/);
    expect(readFileSync(path, 'utf8')).toBe('{"feeds": [ half written');
  });

  it('theme: a name, or colours per role; each bad part reported, the rest used', () => {
    const d = dir();
    writeFileSync(join(d, 'config.json'), JSON.stringify({ feeds: [], theme: { base: 'light', tag: '#00afaf', star: 'purplish', links: 'blue', dim: 300 } }));
    const c = new Config(d, []);
    expect(c.settings.theme).toEqual({ base: 'light', tag: '#00afaf' });
    expect(c.warningsIn('en').map((w) => w.replace(` in ${c.path}`, ''))).toEqual([
      'Ignoring "theme.star": purplish is not a colour (a name such as "cyan", "#rrggbb" or 0 to 255), so the theme\'s own is used.',
      'Ignoring "theme.links": the roles are selection, unread, star, tag, header, error, link, quote, code and dim.',
      'Ignoring "theme.dim": 300 is not a colour (a name such as "cyan", "#rrggbb" or 0 to 255), so the theme\'s own is used.',
    ]);
    const e = dir();
    writeFileSync(join(e, 'config.json'), JSON.stringify({ feeds: [], theme: 'solarized' }));
    const named = new Config(e, []);
    expect(named.settings.theme).toBeUndefined();
    expect(named.warningsIn('id')[0]).toBe(`"theme" di ${named.path} diabaikan: "solarized" bukan tema; gunakan "dark", "light" atau "mono".`);
  });

  it('keys: an object of lists of strings, each action checked alone; fullText: a bad mode costs the feed only that', () => {
    const d = dir();
    writeFileSync(
      join(d, 'config.json'),
      JSON.stringify({
        feeds: [{ url: 'https://a.test/rss', fullText: 'sometimes' }, { url: 'https://b.test/rss', fullText: 'always' }],
        keys: { down: ['x', 'Down'], up: 'k', toggleStar: [1], help: ['?'] },
        refreshIntervalMinutes: 15,
      }),
    );
    const c = new Config(d, []);
    expect(c.settings.keys).toEqual({ down: ['x', 'Down'], help: ['?'] });
    expect(c.settings.feeds).toEqual([{ url: 'https://a.test/rss' }, { url: 'https://b.test/rss', fullText: 'always' }]);
    expect(c.settings.refreshIntervalMinutes).toBe(15);
    expect(c.warningsIn('en').map((w) => w.replace(` in ${c.path}`, ''))).toEqual([
      'Ignoring "fullText" of feed #1: it must be "auto", "always" or "never"; the feed itself is kept.',
      'Ignoring "keys.up": it must be a list of keys such as ["x", "Ctrl-D"]; its default keys are kept.',
      'Ignoring "keys.toggleStar": it must be a list of keys such as ["x", "Ctrl-D"]; its default keys are kept.',
    ]);
    const e = dir();
    writeFileSync(join(e, 'config.json'), JSON.stringify({ feeds: [], keys: 'vim', lang: 'en' }));
    const shape = new Config(e, []);
    expect(shape.settings.keys).toBeUndefined();
    expect(shape.settings.lang).toBe('en');
    expect(shape.warningsIn('id')).toEqual([
      `"keys" di ${shape.path} diabaikan: tulis sebagai aksi beserta tombolnya, seperti {"down": ["j", "Down"], "toggleStar": ["*"]}; tombol bawaan yang dipakai.`,
    ]);
  });
});
