import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempHome } from '../helpers/cli.js';

const PODCAST = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Podcast Uji</title><link>https://pod.example/</link><language>id</language>
<item><title>Episode 12: Ransomware</title><link>https://pod.example/12</link><guid>ep12</guid>
<pubDate>Sat, 28 Nov 2026 10:00:00 +0700</pubDate>
<description><![CDATA[<p>Catatan <a href="https://pod.example/notes">episode</a>.</p>]]></description>
<enclosure url="https://cdn.pod.example/ep12.mp3" type="audio/mpeg" length="24123456"/>
</item></channel></rss>`;

describe('cyberread show lists enclosures', () => {
  it('after the links, numbered on from them, with type and size, URL whole', async () => {
    const home = tempHome();
    const file = join(home, 'podcast.xml');
    writeFileSync(file, PODCAST);
    expect((await runCli(['--home', home, 'feeds', 'add', file])).code).toBe(0);
    expect((await runCli(['--home', home, 'refresh'])).code).toBe(0);
    const [a] = JSON.parse((await runCli(['--home', home, 'list', '--json'])).stdout) as { id: string }[];
    const shown = await runCli(['--home', home, 'show', a!.id], { env: { COLUMNS: '40' } });
    expect(shown.code).toBe(0);
    const lines = shown.stdout.split('\n');
    const at = lines.indexOf('Attachments');
    expect(at).toBeGreaterThan(lines.findIndex((l) => l.startsWith('[1] https://pod.example/notes')));
    expect(lines.slice(at, at + 3)).toEqual(['Attachments', '[2] audio/mpeg · 24.1 MB', '    https://cdn.pod.example/ep12.mp3']);
    const id = await runCli(['--home', home, '--lang', 'id', 'show', a!.id]);
    expect(id.stdout).toContain('Lampiran\n[2] audio/mpeg · 24,1 MB\n');
    const json = JSON.parse((await runCli(['--home', home, 'show', a!.id, '--json'])).stdout) as { enclosures: unknown };
    expect(json.enclosures).toEqual([{ url: 'https://cdn.pod.example/ep12.mp3', type: 'audio/mpeg', length: 24123456 }]);
  });
});
