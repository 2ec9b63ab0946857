import { EventEmitter } from 'node:events';
import type { spawn as nodeSpawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { openExternal, openerArgv } from '../../src/core/open.js';

interface Call {
  cmd: string;
  args: readonly string[];
  options: Record<string, unknown>;
}

function fakeSpawn(outcome: 'spawn' | 'ENOENT' | 'EACCES' = 'spawn'): { spawn: typeof nodeSpawn; calls: Call[] } {
  const calls: Call[] = [];
  const spawn = ((cmd: string, args: readonly string[], options: Record<string, unknown>) => {
    calls.push({ cmd, args, options });
    const child = Object.assign(new EventEmitter(), { unref: () => undefined });
    setImmediate(() => {
      if (outcome === 'spawn') child.emit('spawn');
      else child.emit('error', Object.assign(new Error(`spawn ${cmd} ${outcome}`), { code: outcome }));
    });
    return child;
  }) as unknown as typeof nodeSpawn;
  return { spawn, calls };
}

describe('openExternal', () => {
  it('runs xdg-open on linux with the url as its only argument, without a shell, detached', async () => {
    const f = fakeSpawn();
    const r = await openExternal('https://cyberthreat.id/read/1/a', { platform: 'linux', spawn: f.spawn, env: {} });
    expect(r).toEqual({ ok: true });
    expect(f.calls).toEqual([
      {
        cmd: 'xdg-open',
        args: ['https://cyberthreat.id/read/1/a'],
        options: { shell: false, detached: true, stdio: 'ignore', windowsHide: true },
      },
    ]);
  });

  it('uses open on darwin and rundll32 on win32', async () => {
    const mac = fakeSpawn();
    await openExternal('http://example.com/', { platform: 'darwin', spawn: mac.spawn, env: {} });
    expect([mac.calls[0]?.cmd, mac.calls[0]?.args]).toEqual(['open', ['http://example.com/']]);
    const win = fakeSpawn();
    await openExternal('http://example.com/?a=1&b=2', { platform: 'win32', spawn: win.spawn, env: {} });
    expect([win.calls[0]?.cmd, win.calls[0]?.args]).toEqual([
      'rundll32',
      ['url.dll,FileProtocolHandler', 'http://example.com/?a=1&b=2'],
    ]);
  });

  it('respects $BROWSER, taking the first of a colon-separated list', async () => {
    const f = fakeSpawn();
    await openExternal('https://example.com/x', { platform: 'linux', spawn: f.spawn, env: { BROWSER: 'firefox:chromium' } });
    expect([f.calls[0]?.cmd, f.calls[0]?.args]).toEqual(['firefox', ['https://example.com/x']]);
    expect(openerArgv('https://e.com/', 'linux', { BROWSER: '' })).toEqual(['xdg-open', 'https://e.com/']);
  });

  it.each([
    ['javascript:alert(1)'],
    ['file:///etc/passwd'],
    ['data:text/html,<script>alert(1)</script>'],
    ['ftp://example.com/x'],
    ['not a url'],
    ['//example.com/x'],
  ])('refuses %s without spawning anything', async (url) => {
    const f = fakeSpawn();
    const r = await openExternal(url, { platform: 'linux', spawn: f.spawn, env: {} });
    expect(r.ok).toBe(false);
    expect(f.calls).toEqual([]);
  });

  it.each([
    ['https://example.com/\u001b]52;c;aGk=\u0007'],
    ['https://example.com/a b'],
    ['https://example.com/\nx'],
    ['https://example.com/\u202ex'],
    ['https://example.com/\u0085'],
  ])('refuses a URL with whitespace or control characters (%j)', async (url) => {
    const f = fakeSpawn();
    const r = await openExternal(url, { platform: 'linux', spawn: f.spawn, env: {} });
    expect(r).toEqual({ ok: false, message: 'The link contains spaces or control characters and was not opened' });
    expect(f.calls).toEqual([]);
  });

  it('gives the refusal in Indonesian when asked', async () => {
    const r = await openExternal('javascript:alert(1)', { lang: 'id', spawn: fakeSpawn().spawn, env: {} });
    expect(r).toEqual({ ok: false, message: 'Hanya tautan http dan https yang bisa dibuka' });
  });

  it('explains a missing opener instead of throwing', async () => {
    const f = fakeSpawn('ENOENT');
    const r = await openExternal('https://example.com/', { platform: 'linux', spawn: f.spawn, env: {} });
    expect(r).toEqual({
      ok: false,
      message: 'No program to open links was found (xdg-open); set $BROWSER or open the link yourself',
    });
    const g = fakeSpawn('EACCES');
    const r2 = await openExternal('https://example.com/', { platform: 'linux', spawn: g.spawn, env: {} });
    expect(r2).toEqual({ ok: false, message: 'Could not start xdg-open: spawn xdg-open EACCES' });
  });
});
