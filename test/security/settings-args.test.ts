/**
 * Bad settings, bad arguments and bad OPML through the BUILT program (`npm run build` first). Every case
 * must end in one sentence on stderr with the right exit code, never a stack trace, never a control
 * character, and must leave the user's settings file as it was unless the command is meant to write it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempHome, type RunResult } from '../helpers/cli.js';

const ESC = '\u001b';
// What sanitizeText removes (src/core/sanitize.ts), but for newline and tab which separate lines.
const FORBIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
const STACK = /\n\s+at /;
const BAD_URL_TAIL = 'is not a feed address: use an http(s):// URL, a file:// URL or a local path.';
const FRESH = 'Fix it or move it away to start with fresh settings.';
const SAMPLE = resolve('samples', 'cyberthreat-id.xml');

function clean(r: RunResult, label: string): void {
  expect(r.stderr, label).not.toMatch(STACK);
  expect(r.stderr, label).not.toMatch(FORBIDDEN);
  expect(r.stdout, label).not.toMatch(FORBIDDEN);
}

/** Exit code and exactly one line on stderr. */
function oneLine(r: RunResult, code: number, label: string): string {
  clean(r, label);
  expect(r.code, `${label}: ${r.stderr}`).toBe(code);
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines, label).toHaveLength(1);
  return lines[0] as string;
}

function homeWith(config: string): { home: string; file: string } {
  const home = tempHome('cyberread-settings-');
  const file = join(home, 'config.json');
  writeFileSync(file, config);
  return { home, file };
}

describe('a settings file that is not a settings object', () => {
  const cases: [string, string, (file: string) => string][] = [
    ['cut short', '{"feeds": [{"url": "https://ok.example/rss"}', (f) => `cyberread: The settings file ${f} is not valid JSON (`],
    ['empty', '', (f) => `cyberread: The settings file ${f} is not valid JSON (`],
    ['escapes in bad JSON', `{"feeds": [], "x": ${ESC}]0;pwned\u0007${ESC}[2J}`, (f) => `cyberread: The settings file ${f} is not valid JSON (`],
    ['null', 'null', (f) => `cyberread: The settings file ${f} holds null instead of an object such as {"feeds": []}. ${FRESH}`],
    ['a list of feeds', '[{"url": "https://ok.example/rss"}]', (f) => `cyberread: The settings file ${f} holds a list instead of an object such as {"feeds": []}. ${FRESH}`],
    ['a string', '"feeds"', (f) => `cyberread: The settings file ${f} holds a string instead of an object such as {"feeds": []}. ${FRESH}`],
  ];

  it.each(cases)('%s: one sentence naming the file, exit 1, the file byte-identical even after a write command', async (label, text, expected) => {
    const { home, file } = homeWith(text);
    const runs = await Promise.all([
      runCli(['--home', home, 'feeds']),
      runCli(['--home', home, 'list']),
      runCli(['--home', home, 'feeds', 'add', 'https://new.example/rss']),
    ]);
    for (const r of runs) {
      const line = oneLine(r, 1, label);
      const want = expected(file);
      if (want.endsWith('(')) {
        expect(line.startsWith(want), line).toBe(true);
        expect(line.endsWith(`). ${FRESH}`), line).toBe(true);
      } else expect(line).toBe(want);
      expect(r.stdout).toBe('');
    }
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('a byte-order mark in front of valid JSON is read, not refused, and not rewritten', async () => {
    const text = '\ufeff{"feeds": [{"url": "https://ok.example/rss", "title": "OK"}]}';
    const { home, file } = homeWith(text);
    const r = await runCli(['--home', home, 'feeds']);
    clean(r, 'bom');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('OK — https://ok.example/rss never fetched\n');
    expect(readFileSync(file, 'utf8')).toBe(text);
  });
});

describe('unknown keys and wrong types in the settings file', () => {
  const text = JSON.stringify({
    feeds: 'x',
    concurrency: 'eight',
    lang: 7,
    timeZone: 'Mars/Base',
    perHost: 0,
    refreshIntervalMinutes: 1.5,
    colour: 'red',
    [`evil${ESC}]0;pwned\u0007${ESC}[2Jkey`]: 1,
  });

  it('one warning line each naming the key; read-only commands work with defaults and leave the file alone', async () => {
    const { home, file } = homeWith(text);
    const warnings = [
      `Ignoring unknown setting "colour" in ${file}.`,
      `Ignoring unknown setting "evilkey" in ${file}.`,
      `Ignoring "feeds" in ${file}: it must be a list.`,
      `Ignoring "lang" in ${file}: it must be "id" or "en".`,
      `Ignoring "timeZone" in ${file}: it must be an IANA zone such as "Asia/Jakarta".`,
      `Ignoring "refreshIntervalMinutes" in ${file}: it must be a whole number from 1 to 43200.`,
      `Ignoring "concurrency" in ${file}: it must be a whole number from 1 to 64.`,
      `Ignoring "perHost" in ${file}: it must be a whole number from 1 to 16.`,
    ];
    const commands = [['feeds'], ['feeds', '--json'], ['list'], ['list', '--json'], ['tags'], ['export']];
    const runs = await Promise.all(commands.map((c) => runCli(['--home', home, ...c])));
    for (const [i, r] of runs.entries()) {
      const label = commands[i]?.join(' ') ?? '';
      clean(r, label);
      // the label carries stderr: once under a full suite's load `list` exited 1 here, and what it said was lost
      expect(r.code, `${label}\n${r.stderr}`).toBe(0);
      expect(r.stderr.trimEnd().split('\n'), label).toEqual(warnings);
    }
    expect(runs[0]?.stdout).toBe('You have no feeds. Add one with "cyberread feeds add URL".\n');
    expect(JSON.parse(runs[1]?.stdout ?? '')).toEqual([]);
    expect(JSON.parse(runs[3]?.stdout ?? '')).toEqual([]);
    expect(runs[5]?.stdout).toContain('<opml version="2.0">');
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('a refresh still works on the defaults, and the hand-written values survive its write', async () => {
    const settings = {
      feeds: [{ title: 'no url here' }, { url: 42 }, { url: SAMPLE, lang: 'id' }],
      concurrency: 'eight',
      timeZone: 'Mars/Base',
      colour: 'red',
    };
    const { home, file } = homeWith(JSON.stringify(settings));
    const r = await runCli(['--home', home, 'refresh']);
    clean(r, 'refresh');
    expect(r.code).toBe(0);
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      `Ignoring unknown setting "colour" in ${file}.`,
      `Ignoring feed #1 in ${file}: it needs a "url" string.`,
      `Ignoring feed #2 in ${file}: it needs a "url" string.`,
      `Ignoring "timeZone" in ${file}: it must be an IANA zone such as "Asia/Jakarta".`,
      `Ignoring "concurrency" in ${file}: it must be a whole number from 1 to 64.`,
    ]);
    expect(r.stdout).toMatch(/^✓ .*cyberthreat-id\.xml \d+ new, 0 updated$/m);
    const list = JSON.parse((await runCli(['--home', home, 'list', '--json'])).stdout) as unknown[];
    expect(list.length).toBeGreaterThan(5);
    // Only lastRefreshAt was added: a warning is not a licence to delete what the user wrote.
    const after = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(typeof after.lastRefreshAt).toBe('string');
    delete after.lastRefreshAt;
    expect(after).toEqual(settings);
  });

  it('feeds with an address that is not a feed address are ignored with a warning each', async () => {
    const settings = {
      feeds: [
        { url: 'javascript:alert(1)' },
        { url: 'exec:ls' },
        { url: 'filter:/bin/sh:https://x.example/' },
        { url: 'file://remote-host/share/x.xml' },
        { url: `https://x.example/${ESC}]8;;https://evil.example/${ESC}\\` },
        { url: 'https://x.example/\u202egpj.exe' },
        { url: SAMPLE },
      ],
    };
    const { home, file } = homeWith(JSON.stringify(settings));
    const r = await runCli(['--home', home, 'feeds', '--json']);
    clean(r, 'feeds');
    expect(r.code).toBe(0);
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      `Ignoring feed #1 (javascript:alert(1)) in ${file}: unsupported scheme javascript:.`,
      `Ignoring feed #2 (exec:ls) in ${file}: unsupported scheme exec:.`,
      `Ignoring feed #3 (filter:/bin/sh:https://x.example/) in ${file}: unsupported scheme filter:.`,
      `Ignoring feed #4 (file://remote-host/share/x.xml) in ${file}: file: URLs must point to a local file.`,
      `Ignoring feed #5 (https://x.example/) in ${file}: the URL contains control characters.`,
      `Ignoring feed #6 (https://x.example/gpj.exe) in ${file}: the URL contains control characters.`,
    ]);
    expect((JSON.parse(r.stdout) as { url: string }[]).map((f) => f.url)).toEqual([SAMPLE]);
    expect(readFileSync(file, 'utf8')).toBe(JSON.stringify(settings));
  });
});

describe('feeds add with something that is not a feed address', () => {
  const bad = [
    'javascript:alert(1)',
    'exec:ls',
    'data:text/xml,<rss/>',
    'ftp://x.example/y',
    'http://',
    'https:///x',
    'http:/x.example/rss',
    'file://remote-host/x.xml',
    `https://e.example/${ESC}[31mred`,
    `https://e.example/${ESC}]52;c;cm0gLXJm\u0007`,
    'https://e.example/\u009b2J',
    'https://exa\tmple.org/',
    'https://e.example/\u200bx',
    'https://e.example/\u202ex',
    `${ESC}]0;title\u0007`,
    '   ',
  ];

  it('refuses each with exit 2 and one sentence, and writes nothing', async () => {
    const { home, file } = homeWith('{"feeds": []}');
    const runs = await Promise.all(bad.map((url) => runCli(['--home', home, 'feeds', 'add', url])));
    for (const [i, r] of runs.entries()) {
      const label = JSON.stringify(bad[i]);
      const line = oneLine(r, 2, label);
      expect(line.startsWith('cyberread: "'), line).toBe(true);
      expect(line.endsWith(`" ${BAD_URL_TAIL}`), line).toBe(true);
      expect(r.stdout, label).toBe('');
    }
    expect(oneLine(runs[0] as RunResult, 2, 'js')).toBe(`cyberread: "javascript:alert(1)" ${BAD_URL_TAIL}`);
    expect(oneLine(runs[8] as RunResult, 2, 'esc')).toBe(`cyberread: "https://e.example/red" ${BAD_URL_TAIL}`);
    expect(readFileSync(file, 'utf8')).toBe('{"feeds": []}');
  });

  it('still takes http(s) URLs, file URLs and local paths, a relative path made absolute', async () => {
    const { home } = homeWith('{"feeds": []}');
    for (const url of ['HTTPS://Example.ORG/rss', 'file:///var/feeds/x.xml', 'relative/feed.xml', SAMPLE]) {
      const r = await runCli(['--home', home, 'feeds', 'add', url]);
      clean(r, url);
      expect(r.code, r.stderr).toBe(0);
    }
    const feeds = JSON.parse((await runCli(['--home', home, 'feeds', '--json'])).stdout) as { url: string }[];
    expect(feeds.map((f) => f.url)).toEqual(['https://example.org/rss', 'file:///var/feeds/x.xml', resolve('relative/feed.xml'), SAMPLE]);
  });
});

describe('bad arguments', () => {
  const cases: [string[], number, string | RegExp][] = [
    [['list', '--limit', '-1'], 2, 'cyberread: --limit must be a whole number from 1 up; --all lists every article.'],
    [['list', '--limit=-1'], 2, 'cyberread: --limit must be a whole number from 1 up; --all lists every article.'],
    [['list', '--limit', '0'], 2, 'cyberread: --limit must be a whole number from 1 up; --all lists every article.'],
    [['list', '--limit', 'abc'], 2, 'cyberread: --limit must be a whole number from 1 up; --all lists every article.'],
    [['list', '--limit', '1e3'], 2, 'cyberread: --limit must be a whole number from 1 up; --all lists every article.'],
    [['list', '--limit', '99999999999999999999'], 2, 'cyberread: --limit must be a whole number from 1 up; --all lists every article.'],
    [['list', '--all', '--limit', '5'], 2, 'cyberread: Use --all or --limit N, not both.'],
    [['list', '--offset', '-1'], 2, 'cyberread: --offset must be a whole number from 0 up (the number of articles to skip).'],
    [['list', '--offset', 'x'], 2, 'cyberread: --offset must be a whole number from 0 up (the number of articles to skip).'],
    [['list', '--search', '"'], 2, 'cyberread: The search """ has no letter or digit to look for; quotes, * and other signs are searched as plain text.'],
    [['list', '--search', ''], 2, 'cyberread: The search "" has no letter or digit to look for; quotes, * and other signs are searched as plain text.'],
    [['list', '--search', '*'], 2, 'cyberread: The search "*" has no letter or digit to look for; quotes, * and other signs are searched as plain text.'],
    [['list', '--search', '( ) ^ - :'], 2, 'cyberread: The search "( ) ^ - :" has no letter or digit to look for; quotes, * and other signs are searched as plain text.'],
    [['list', '--tag', '#'], 2, 'cyberread: A tag needs a letter or digit: write --tag ransomware (or --tag "#ransomware").'],
    [['feeds', 'add', 'https://x.example/rss', '--tag', 'test feed'], 2, 'cyberread: A tag is one word, and "test feed" has a space: write --tag test-feed or give each word its own --tag.'],
    [['feeds', 'add', 'https://x.example/rss', '--tag', ''], 2, 'cyberread: A tag needs a letter or digit: write --tag ransomware (or --tag "#ransomware").'],
    [['show', 'abc', 'extra'], 2, 'cyberread: "cyberread show" takes one ID, not also "extra". Run "cyberread show --help".'],
    [['show', 'id1', 'id2'], 2, 'cyberread: "cyberread show" takes one ID, not also "id2". Run "cyberread show --help".'],
    [['import', 'a.opml', 'b.opml'], 2, 'cyberread: "cyberread import" takes one FILE.opml, not also "b.opml". Run "cyberread import --help".'],
    [['feeds', 'remove', 'https://a.example/', 'b'], 2, 'cyberread: "cyberread feeds remove" takes one URL, not also "b". Run "cyberread feeds remove --help".'],
    [['feeds', 'extra'], 2, 'cyberread: Unknown "feeds" subcommand "extra": use add or remove.'],
    [['tags', 'extra'], 2, 'cyberread: "cyberread tags" takes no argument like "extra". Run "cyberread tags --help".'],
    [['export', 'extra'], 2, 'cyberread: "cyberread export" takes no argument like "extra". Run "cyberread export --help".'],
    [['tags', '--tag', 'x'], 2, 'cyberread: "cyberread tags" does not use --tag. Run "cyberread tags --help" to see its options.'],
    [['show', 'abc', '--unread'], 2, 'cyberread: "cyberread show" does not use --unread. Run "cyberread show --help" to see its options.'],
    [['feeds', 'remove', 'https://a.example/', '--title', 'T'], 2, 'cyberread: "cyberread feeds remove" does not use --title. Run "cyberread feeds remove --help" to see its options.'],
    [['export', '--json'], 2, 'cyberread: "cyberread export" does not use --json. Run "cyberread export --help" to see its options.'],
    [['list', '--unread=yes'], 2, 'cyberread: The option --unread takes no value; write it alone.'],
    [['--lang', 'id', 'show', 'a', 'b'], 2, 'cyberread: "cyberread show" menerima satu ID, bukan juga "b". Jalankan "cyberread show --help".'],
    [['list', '--limit'], 2, 'cyberread: The option --limit needs a value.'],
    [['list', '--search', '-x'], 2, 'cyberread: The option --search needs a value; for one that starts with "-", write --search=VALUE.'],
    [['list', '--feed', 'javascript:alert(1)'], 2, `cyberread: "javascript:alert(1)" ${BAD_URL_TAIL}`],
    [['mark'], 2, 'cyberread: Say what to do with one of --read, --unread, --star, --unstar.'],
    [['mark', 'abc'], 2, 'cyberread: Say what to do with one of --read, --unread, --star, --unstar.'],
    [['mark', '--read', '--star', 'abc'], 2, 'cyberread: Say what to do with one of --read, --unread, --star, --unstar.'],
    [['mark', '--read'], 2, 'cyberread: "cyberread mark" needs ID. Run "cyberread mark --help".'],
    [['show'], 2, 'cyberread: "cyberread show" needs ID. Run "cyberread show --help".'],
    [['import'], 2, 'cyberread: "cyberread import" needs FILE.opml. Run "cyberread import --help".'],
    [['feeds', 'frob'], 2, 'cyberread: Unknown "feeds" subcommand "frob": use add or remove.'],
    [['feeds', `${ESC}]0;pwned\u0007frob`], 2, 'cyberread: Unknown "feeds" subcommand "frob": use add or remove.'],
    [[`${ESC}[2Jfrobnicate`], 2, 'cyberread: Unknown command "frobnicate". Run "cyberread --help" to see the commands.'],
    [['list', `--x${ESC}[2J`], 2, 'cyberread: Unknown option --x for "cyberread list". Run "cyberread list --help" to see its options.'],
    [['list', '--lang', `${ESC}]52;c;eA==\u0007fr`], 2, /^cyberread: .*"fr"/],
    [['show', `${ESC}]52;c;eA==\u0007abc`], 1, /^cyberread: No article with id abc\./],
    [['mark', '--read', `abc${ESC}[2J`], 1, /^cyberread: No article with id abc\./],
    [['import', `/nonexistent/${ESC}[2Jx.opml`], 1, 'cyberread: There is no file /nonexistent/x.opml.'],
  ];

  it.each(cases)('%j → exit %i and one line', async (args, code, expected) => {
    const { home, file } = homeWith('{"feeds": []}');
    const r = await runCli(['--home', home, ...args]);
    const line = oneLine(r, code, args.join(' '));
    if (typeof expected === 'string') expect(line).toBe(expected);
    else expect(line).toMatch(expected);
    expect(r.stdout).toBe('');
    expect(readFileSync(file, 'utf8')).toBe('{"feeds": []}');
  });
});

describe('import of a file that is not OPML', () => {
  // Fixed pseudo-random bytes: reproducible, and with a few '<' so that the parser finds "elements".
  const binary = Buffer.alloc(4096);
  let x = 0x2545f491;
  for (let i = 0; i < binary.length; i += 1) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    binary[i] = x & 0xff;
  }
  const cases: [string, string | Buffer, string][] = [
    ['HTML', '<!doctype html><html><body><a href="x.xml">feed</a></body></html>', 'its root element is <html>, expected <opml>'],
    ['JSON', '{"opml": {"body": [{"xmlUrl": "https://x.example/rss"}]}}', 'it looks like JSON, not XML'],
    ['empty', '', 'it is empty'],
    ['whitespace', ' \n\t\n', 'it is empty'],
    ['a feed', '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>', 'it is a feed (root element <rss>), not a list of feeds; add it as a feed instead'],
    ['escapes in the root name', `\u0089PNG\r\n\u001a\n<a${ESC}]0;pwned\u0007${ESC}[2Jb><outline/></a>`, 'its root element is <ab>, expected <opml>'],
    ['binary', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), binary]), ''],
  ];

  it.each(cases)('%s: exit 1, one sentence, nothing imported', async (label, content, detail) => {
    const { home, file } = homeWith('{"feeds": []}');
    const opml = join(home, 'in.opml');
    writeFileSync(opml, content);
    const r = await runCli(['--home', home, 'import', opml]);
    const line = oneLine(r, 1, label);
    if (detail) expect(line).toBe(`cyberread: This file is not OPML: ${detail}.`);
    else expect(line.startsWith('cyberread: This file is not OPML: '), line).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('{"feeds": []}');
  });
});

describe('import of OPML entries with unsafe addresses', () => {
  it('refuses each with a line of its own while the good entries are imported', async () => {
    const { home } = homeWith('{"feeds": []}');
    const opml = join(home, 'mixed.opml');
    writeFileSync(
      opml,
      `<?xml version="1.0"?><opml version="2.0"><head><title>mixed</title></head><body>
<outline text="Good" xmlUrl="https://good.example/rss"/>
<outline text="Exec" xmlUrl="exec:rm -rf ~"/>
<outline text="Filter" xmlUrl="filter:/bin/sh -c id:https://x.example/"/>
<outline text="JS" xmlUrl="javascript:alert(document.cookie)"/>
<outline text="Data" xmlUrl="data:text/xml,&lt;rss/&gt;"/>
<outline text="Remote file" xmlUrl="file://remote-host/x"/>
<outline text="Escape reference" xmlUrl="https://x.example/&#27;]0;pwned&#7;"/>
<outline text="Raw escape" xmlUrl="https://x.example/${ESC}[2J"/>
<outline text="C1" xmlUrl="https://x.example/\u009b2J"/>
<outline text="Bidi" xmlUrl="https://x.example/&#x202e;gpj.exe"/>
<outline text="Zero width" xmlUrl="https://x.example/&#x200b;a"/>
<outline text="Folder"><outline text="Local" xmlUrl="/var/feeds/local.xml"/><outline text="Local URL" xmlUrl="file:///var/feeds/b.xml"/></outline>
</body></opml>`,
    );
    const r = await runCli(['--home', home, 'import', opml]);
    clean(r, 'import');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.trimEnd().split('\n')).toEqual([
      'Refused exec:rm -rf ~: unsupported scheme exec:',
      'Refused filter:/bin/sh -c id:https://x.example/: unsupported scheme filter:',
      'Refused javascript:alert(document.cookie): unsupported scheme javascript:',
      'Refused data:text/xml,<rss/>: unsupported scheme data:',
      'Refused file://remote-host/x: file: URLs must point to a local file',
      'Refused https://x.example/: the URL contains control characters',
      'Refused https://x.example/: the URL contains control characters',
      'Refused https://x.example/: the URL contains control characters',
      'Refused https://x.example/gpj.exe: the URL contains control characters',
      'Refused https://x.example/a: the URL contains control characters',
      'Imported 3 feeds; 0 already present, 10 refused.',
    ]);
    const feeds = JSON.parse((await runCli(['--home', home, 'feeds', '--json'])).stdout) as { url: string; tags?: string[] }[];
    expect(feeds.map((f) => [f.url, f.tags ?? []])).toEqual([
      ['https://good.example/rss', []],
      ['/var/feeds/local.xml', ['Folder']],
      ['file:///var/feeds/b.xml', ['Folder']],
    ]);
  });

  it('imports at most the documented 10,000 feeds of a 100,000-outline file, with a summary, and finishes', async () => {
    const { home } = homeWith('{"feeds": []}');
    const opml = join(home, 'huge.opml');
    const outlines: string[] = [];
    for (let i = 0; i < 100_000; i += 1) outlines.push(`<outline text="F${i}" xmlUrl="https://h${i % 50}.example/f/${i}.xml"/>`);
    writeFileSync(opml, `<?xml version="1.0"?><opml version="2.0"><body>${outlines.join('\n')}</body></opml>`);
    const r = await runCli(['--home', home, 'import', opml], { env: { COLUMNS: '200' } });
    clean(r, 'huge');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.trimEnd().split('\n')).toEqual([
      'Refused https://h0.example/f/10000.xml: this and 89999 more feeds were not imported: one import takes at most 10000 feeds',
      'Imported 10,000 feeds; 0 already present, 1 refused.',
    ]);
    const feeds = JSON.parse((await runCli(['--home', home, 'feeds', '--json'])).stdout) as { url: string }[];
    expect(feeds).toHaveLength(10_000);
    expect(feeds.at(-1)?.url).toBe('https://h49.example/f/9999.xml');
  });
});
