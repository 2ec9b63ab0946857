import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempHome } from '../helpers/cli.js';

/** `cyberread keys` and the "keys" setting from the shell. */

function homeWith(settings: Record<string, unknown>): string {
  const home = tempHome('cyberread-keys-');
  writeFileSync(join(home, 'config.json'), JSON.stringify({ feeds: [], ...settings }, null, 2));
  return home;
}

describe('cyberread keys', () => {
  it('prints the table in effect with the action names "keys" takes; the user\'s are marked', async () => {
    const plain = await runCli(['--home', homeWith({}), '--lang', 'en', 'keys']);
    expect(plain.code).toBe(0);
    expect(plain.stderr).toBe('');
    const lines = plain.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ ACTION +KEYS +WHAT IT DOES \(WHERE\)$/);
    expect(lines).toContainEqual(expect.stringMatching(/^ down +j ↓ +move down \(list, help, language, feeds, links\)$/));
    expect(plain.stdout).not.toContain('*');

    const home = homeWith({ keys: { down: ['x', 'Down'], toggleStar: ['*'] } });
    const own = await runCli(['--home', home, '--lang', 'id', 'keys']);
    expect(own.code).toBe(0);
    expect(own.stdout).toMatch(/^\*down +x ↓ +turun \(daftar, bantuan, bahasa, feed, tautan\)$/m);
    expect(own.stdout).toMatch(/^\*toggleStar +\* +tandai \/ hapus bintang \(daftar, artikel\)$/m);
    expect(own.stdout.trimEnd().split('\n').at(-1)).toBe('* tombol Anda sendiri (pengaturan "keys")');

    const json = await runCli(['--home', home, 'keys', '--json']);
    const rows = JSON.parse(json.stdout) as { action: string; keys: string[]; views: string[]; help: string; custom: boolean }[];
    expect(rows.find((r) => r.action === 'down' && r.views.includes('list'))).toEqual({
      action: 'down',
      keys: ['x', '↓'],
      views: ['list', 'help', 'language', 'feeds', 'links'],
      help: 'move down',
      custom: true,
    });
    expect(rows.find((r) => r.action === 'up' && r.views.includes('list'))?.custom).toBe(false);
  });

  it('a help text that names another action\'s key names the key in effect (a link number opens with Tab)', async () => {
    const home = homeWith({ keys: { openNumber: ['Tab'] } });
    const en = await runCli(['--home', home, '--lang', 'en', 'keys']);
    expect(en.stdout).toMatch(/^ digit +0–9 +type a link number, then Tab opens it \(reader, links, a link number\)$/m);
    const id = await runCli(['--home', home, '--lang', 'id', 'keys']);
    expect(id.stdout).toMatch(/^ digit +0–9 +ketik nomor tautan, lalu Tab membukanya \(/m);
    expect(en.stdout + id.stdout).not.toMatch(/then Enter opens|lalu Enter membuka/);
  });

  it('a "keys" that cannot be used is reported in one line each, in the interface language; the rest still applies', async () => {
    const settings = {
      lang: 'id',
      theme: 'light',
      keys: { down: ['x'], toggleStar: ['j', 'k'], nope: ['a'], up: 'k', open: ['Ctrl+Alt+Q'] },
      views: [{ name: 'Bocor', query: '#databreach' }],
    };
    const home = homeWith(settings);
    const before = readFileSync(join(home, 'config.json'), 'utf8');
    const r = await runCli(['--home', home, 'keys', '--json']);
    expect(r.code).toBe(0);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^"keys\.up" di .*config\.json diabaikan: isinya harus daftar tombol seperti \["x", "Ctrl-D"\]; tombol bawaannya tetap dipakai\.$/);
    expect(lines[1]).toMatch(/^"keys\.nope" di .*diabaikan: tidak ada aksi bernama itu/);
    expect(lines[2]).toMatch(/^"keys\.open" di .*: "Ctrl\+Alt\+Q" bukan tombol/);
    // j is free once down has x, so toggleStar's j is no clash; k is still up's (its own setting was refused)
    expect(lines[3]).toMatch(/^"keys\.toggleStar" di .*: "k" sudah dipakai untuk "up" di daftar artikel; tombol bawaannya tetap dipakai\.$/);
    const rows = JSON.parse(r.stdout) as { action: string; keys: string[]; views: string[] }[];
    expect(rows.find((x) => x.action === 'down' && x.views.includes('list'))?.keys).toEqual(['x']);
    expect(rows.find((x) => x.action === 'toggleStar')?.keys).toEqual(['s']);
    // the other settings still apply, and nothing was written
    const views = await runCli(['--home', home, 'views', '--json']);
    expect((JSON.parse(views.stdout) as { name: string }[]).map((v) => v.name)).toEqual(['Bocor']);
    expect(readFileSync(join(home, 'config.json'), 'utf8')).toBe(before);
    const shape = await runCli(['--home', homeWith({ keys: ['j'] }), '--lang', 'en', 'keys']);
    expect(shape.stderr).toMatch(/^Ignoring "keys" in .*config\.json: write it as actions and their keys, such as \{"down": \["j", "Down"\], "toggleStar": \["\*"\]\}; the default keys are used\.\n$/);
    expect(shape.code).toBe(0);
  });

  it('takes no words and answers --help', async () => {
    const extra = await runCli(['--home', homeWith({}), 'keys', 'down']);
    expect(extra.code).toBe(2);
    expect(extra.stderr.trimEnd().split('\n')).toHaveLength(1);
    const help = await runCli(['keys', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: cyberread keys [--json]');
  });
});
