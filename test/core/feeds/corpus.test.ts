// The regression guard over the public parser test suites: every file of test/fixtures/corpus that
// parseFeed read when the snapshot was taken still parses, and every field that agreed with the suite's
// own expectation still agrees. The snapshot is made by `node bench/parse-corpus/run.mjs --snapshot`.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../../src/core/feeds/parse.js';
import { parseDate } from '../../../src/core/feeds/dates.js';
import { htmlToLine, htmlToPlainText } from '../../../src/core/html.js';
import { agrees, cyberreadView, useTextViews, type Check, type View } from '../../../bench/parse-corpus/compare.mjs';

interface Entry {
  suite: string;
  file: string;
  read?: boolean;
  url?: string;
  contentType?: string;
  checks?: Check[];
}

const root = new URL('../../fixtures/corpus/', import.meta.url);
const entries = JSON.parse(readFileSync(new URL('expected.json', root), 'utf8')) as Entry[];
useTextViews({ htmlToLine, htmlToPlainText });
const dateMs = (s: string): number | null => {
  const iso = parseDate(s);
  return iso === null ? null : Date.parse(iso);
};

const runs = new Map<Entry, { view: View | null; error: string | null }>();
function run(entry: Entry): { view: View | null; error: string | null } {
  const done = runs.get(entry);
  if (done) return done;
  const result = parseEntry(entry);
  runs.set(entry, result);
  return result;
}

function parseEntry(entry: Entry): { view: View | null; error: string | null } {
  if (entry.read === undefined) return { view: null, error: null };
  try {
    const bytes = readFileSync(new URL(`${entry.suite}/${entry.file}`, root));
    return { view: cyberreadView(parseFeed(bytes, { url: entry.url, contentType: entry.contentType ?? null })), error: null };
  } catch (e) {
    return { view: null, error: e instanceof Error ? e.message : String(e) };
  }
}

describe.each(['feedparser', 'feedparser-dates', 'gofeed', 'newsboat', 'feed-rs', 'simplepie', 'feedvalidator'])('corpus: %s', (suite) => {
  const mine = entries.filter((e) => e.suite === suite);

  it('has files and checks in the snapshot', () => {
    expect(mine.length).toBeGreaterThan(0);
  });

  it('every file that parsed when the snapshot was taken still parses', () => {
    const broken = mine
      .filter((e) => e.read === true)
      .map((e) => ({ file: e.file, error: run(e).error }))
      .filter((r) => r.error !== null);
    expect(broken).toEqual([]);
  });

  it('every field that agreed with the suite still agrees', () => {
    const regressed: Array<{ file: string; check: Check }> = [];
    for (const e of mine) {
      if (!e.checks) continue;
      const { view } = run(e);
      for (const check of e.checks) if (!agrees(view, check, dateMs)) regressed.push({ file: e.file, check });
    }
    expect(regressed).toEqual([]);
  });
});
