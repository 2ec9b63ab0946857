import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const BIN = join(process.cwd(), 'bin', 'cyberread.js');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A --home directory; unless `fresh`, it starts with an empty feed list instead of the default feeds. */
export function tempHome(prefix = 'cyberread-cli-', options: { fresh?: boolean } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  if (!options.fresh) writeFileSync(join(dir, 'config.json'), '{"feeds": []}');
  return dir;
}

/** Runs the built CLI as a user would, with a clean environment (no real HOME, English locale). */
export function runCli(args: string[], options: { env?: Record<string, string>; input?: string } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const home = tempHome('cyberread-fakehome-', { fresh: true });
    const child = spawn(process.execPath, [BIN, ...args], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: home,
        XDG_CONFIG_HOME: join(home, '.config'),
        XDG_DATA_HOME: join(home, '.local', 'share'),
        LANG: 'en_US.UTF-8',
        COLUMNS: '100',
        TZ: 'Asia/Jakarta',
        ...options.env,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}
