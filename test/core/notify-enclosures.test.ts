import { EventEmitter } from 'node:events';
import type { spawn as nodeSpawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { enclosureLabel, enclosureLines, formatSize } from '../../src/core/enclosures.js';
import { notificationSequence, notificationText, notify } from '../../src/core/notify.js';
import { openExternal } from '../../src/core/open.js';

/** A spawn that records argv and options, and reports the child started (or failed with `code`). */
function fakeSpawn(calls: { cmd: string; args: string[]; shell: unknown }[], code?: string): typeof nodeSpawn {
  return ((cmd: string, args: string[], opts: { shell?: unknown }) => {
    calls.push({ cmd, args, shell: opts.shell });
    const child = Object.assign(new EventEmitter(), { unref: () => undefined });
    setImmediate(() => (code ? child.emit('error', Object.assign(new Error(`spawn ${cmd} ${code}`), { code })) : child.emit('spawn')));
    return child;
  }) as unknown as typeof nodeSpawn;
}

describe('notifications', () => {
  it('say how many arrived with one clean title, in the interface language', () => {
    expect(notificationText(3, null, 'en')).toBe('cyberread: 3 new articles');
    expect(notificationText(1, 'Ransomware\u001b]9;pwned\u0007 hits\u009b2J port\n', 'en')).toBe('cyberread: 1 new article — Ransomware hits port');
    expect(notificationText(1200, '\u202eevil', 'id')).toBe('cyberread: 1.200 artikel baru — evil');
    expect(notificationText(2, 'x'.repeat(500), 'en').length).toBeLessThan(160);
  });

  it('bell and OSC 9 are written to the terminal with nothing that ends the sequence early', async () => {
    const written: string[] = [];
    expect(await notify('bell', { text: 'x', lang: 'en' }, { write: (d) => written.push(d) })).toEqual({ ok: true });
    await notify('osc9', { text: notificationText(2, 'A\u0007B\u001b\\C', 'en'), lang: 'en' }, { write: (d) => written.push(d) });
    expect(written).toEqual(['\u0007', '\u001b]9;cyberread: 2 new articles — ABC\u0007']);
    expect(notificationSequence('osc9', 'a\u0007b')).toBe('\u001b]9;ab\u0007');
  });

  it('a command runs as argv, never a shell, with the message as its last argument', async () => {
    const calls: { cmd: string; args: string[]; shell: unknown }[] = [];
    const text = notificationText(1, '$(rm -rf ~); `id` | tee', 'en');
    const r = await notify('command', { text, command: ['notify-send', '--app-name', 'cyberread'], lang: 'en' }, { write: () => undefined, spawn: fakeSpawn(calls) });
    expect(r).toEqual({ ok: true });
    expect(calls).toEqual([{ cmd: 'notify-send', args: ['--app-name', 'cyberread', 'cyberread: 1 new article — $(rm -rf ~); `id` | tee'], shell: false }]);
    const missing = await notify('command', { text, command: ['nope'], lang: 'id' }, { write: () => undefined, spawn: fakeSpawn([], 'ENOENT') });
    expect(missing).toEqual({ ok: false, message: 'Program notifikasi nope tidak bisa dijalankan: tidak ditemukan' });
    expect(await notify('command', { text, lang: 'en' }, { write: () => undefined })).toMatchObject({ ok: false });
  });
});

describe('enclosures', () => {
  it('sizes in decimal units, written as each language writes numbers', () => {
    expect(formatSize(980, 'en')).toBe('980 B');
    expect(formatSize(12_345_678, 'en')).toBe('12.3 MB');
    expect(formatSize(12_345_678, 'id')).toBe('12,3 MB');
    expect(formatSize(345_600_000, 'en')).toBe('346 MB');
    expect(formatSize(1_500_000_000, 'en')).toBe('1.5 GB');
  });

  it('label with type and size, numbered after the links, without feed controls', () => {
    expect(enclosureLabel({ url: 'https://x.org/a.mp3', type: 'audio/mpeg', length: 24_000_000 }, 'en')).toBe('audio/mpeg · 24 MB');
    expect(enclosureLabel({ url: 'https://x.org/a.bin', length: 0 }, 'id')).toBe('file');
    expect(
      enclosureLines([{ url: 'https://x.org/a.mp4', type: 'video/mp4\u001b[2J' }, { url: 'https://x.org/b' }], 3, 'en'),
    ).toEqual([
      { number: 3, label: 'video/mp4', url: 'https://x.org/a.mp4' },
      { number: 4, label: 'file', url: 'https://x.org/b' },
    ]);
  });

  it('open with the player argv from the settings, URL last, only http(s)', async () => {
    const calls: { cmd: string; args: string[]; shell: unknown }[] = [];
    expect(await openExternal('https://x.org/ep.mp3', { program: ['mpv', '--no-video'], spawn: fakeSpawn(calls) })).toEqual({ ok: true });
    expect(calls).toEqual([{ cmd: 'mpv', args: ['--no-video', 'https://x.org/ep.mp3'], shell: false }]);
    expect(await openExternal('file:///etc/passwd', { program: ['mpv'], spawn: fakeSpawn(calls) })).toMatchObject({ ok: false });
    expect(calls).toHaveLength(1);
  });
});
