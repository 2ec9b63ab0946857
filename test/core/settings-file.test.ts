import fc from 'fast-check';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { editSetting, peekSettings, writeSetting } from '../../src/core/settings-file.js';

const HAND = `{
    "feeds":[ {"url":"https://a.test/rss",   "title":"A"} ],
    "colour": "ungu",     "lang" : "id",
    "refreshIntervalMinutes": "soon",
    "nested": {"x": [1, 2, {"y": "a \\" } ]"}]}
}
`;

describe('editSetting', () => {
  it('replaces only the value of the key it writes', () => {
    const out = editSetting(HAND, 'lang', 'en');
    expect(out).toBe(HAND.replace('"lang" : "id"', '"lang" : "en"'));
  });

  it('adds a missing key before the closing brace, indented like the file, and leaves the rest', () => {
    const out = editSetting(HAND, 'views', [{ name: 'Bocor', query: '#databreach' }]);
    expect(out.startsWith(HAND.slice(0, HAND.lastIndexOf('}')).trimEnd())).toBe(true);
    expect(out).toContain(',\n    "views": [\n        {\n            "name": "Bocor",');
    expect(JSON.parse(out)).toEqual({ ...JSON.parse(HAND), views: [{ name: 'Bocor', query: '#databreach' }] });
  });

  it('removes a key with its comma', () => {
    for (const key of ['feeds', 'colour', 'lang', 'nested']) {
      const out = editSetting(HAND, key, undefined);
      const want = JSON.parse(HAND) as Record<string, unknown>;
      delete want[key];
      expect(JSON.parse(out), key).toEqual(want);
    }
    expect(editSetting('{"a": 1}', 'a', undefined)).toBe('{}');
    expect(editSetting('{"a": 1}', 'b', undefined)).toBe('{"a": 1}');
  });

  it('writes into an empty object and a one-line file', () => {
    expect(JSON.parse(editSetting('{}', 'lang', 'id'))).toEqual({ lang: 'id' });
    expect(editSetting('{"a":1}', 'lang', 'id')).toBe('{"a":1, "lang": "id"}');
  });

  it('writes the last of duplicate keys, the one JSON.parse uses', () => {
    const out = editSetting('{"lang": "id", "lang": "en"}', 'lang', 'xx');
    expect(out).toBe('{"lang": "id", "lang": "xx"}');
  });

  it('refuses text that is not an object', () => {
    expect(() => editSetting('[1]', 'a', 1)).toThrow(SyntaxError);
    expect(() => editSetting('{"a": ', 'a', 1)).toThrow(SyntaxError);
  });

  it('keeps every other key exactly, whatever the values', () => {
    const json = fc.jsonValue({ maxDepth: 3 });
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 6 }), json, { maxKeys: 6 }), fc.string({ maxLength: 6 }), json, fc.constantFrom('', '  ', '\t'), (obj, key, value, indent) => {
        const text = JSON.stringify(obj, null, indent);
        const out = editSetting(text, key, value);
        const parsed = JSON.parse(out) as Record<string, unknown>;
        expect(parsed[key]).toEqual(JSON.parse(JSON.stringify(value)));
        for (const k of Object.keys(obj)) if (k !== key) expect(parsed[k]).toEqual(obj[k]);
        const removed = JSON.parse(editSetting(text, key, undefined)) as Record<string, unknown>;
        expect(Object.hasOwn(removed, key)).toBe(false);
      }),
      { seed: 0x5e7, numRuns: 300 },
    );
  });
});

describe('writeSetting', () => {
  it('creates the file, then edits it in place keeping its permissions', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cyberread-settings-'));
    try {
      const path = join(dir, 'config.json');
      writeSetting(path, 'lang', 'id');
      expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ lang: 'id' });
      writeFileSync(path, HAND);
      chmodSync(path, 0o640);
      writeSetting(path, 'lang', 'en');
      expect(readFileSync(path, 'utf8')).toBe(HAND.replace('"lang" : "id"', '"lang" : "en"'));
      expect(statSync(path).mode & 0o777).toBe(0o640);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('peekSettings (read before the settings: the language to talk in, whether to start a refresh thread early)', () => {
  it('reads the language, counts the feeds and sees a sync setup; a missing, unreadable or corrupt file is nothing set', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cyberread-peek-'));
    const nothing = { lang: undefined, feeds: 0, sync: false };
    try {
      expect(peekSettings(dir)).toEqual(nothing);
      writeFileSync(join(dir, 'config.json'), HAND);
      expect(peekSettings(dir)).toEqual({ lang: 'id', feeds: 1, sync: false });
      writeFileSync(join(dir, 'config.json'), '\ufeff{"feeds":[{"url":"a"},{"url":"b"}],"sync":{"type":"ttrss"},"lang":"en"}');
      expect(peekSettings(dir)).toEqual({ lang: 'en', feeds: 2, sync: true });
      // a value the settings would refuse is no language, and feeds that are not a list are none
      writeFileSync(join(dir, 'config.json'), '{"lang":"fr","feeds":{"url":"a"}}');
      expect(peekSettings(dir)).toEqual(nothing);
      for (const text of ['{"feeds": [', '', '[{"lang":"id"}]', 'null', '"id"']) {
        writeFileSync(join(dir, 'config.json'), text);
        expect(peekSettings(dir), text).toEqual(nothing);
      }
      rmSync(join(dir, 'config.json'));
      mkdirSync(join(dir, 'config.json'));
      expect(peekSettings(dir)).toEqual(nothing);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
