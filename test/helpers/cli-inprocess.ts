import { runCommandLine } from '../../src/cli/run.js';

export interface InProcessResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command line in this process, through the same code as the program (src/cli/run.ts), with output
 * as a pipe gets it (no width) and an English locale: a spawn costs ~100 ms, this a few, which lets a test
 * run hundreds of commands. The built program's own path (bin/, dist/, the refresh thread) is what
 * test/helpers/cli.ts runs.
 */
export async function runInProcess(args: string[], env: Record<string, string> = {}): Promise<InProcessResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCommandLine(
    args,
    {
      out: (line) => (stdout += `${line}\n`),
      err: (line) => (stderr += `${line}\n`),
      width: Infinity,
      write: async (chunk) => {
        stdout += chunk;
      },
    },
    { LANG: 'en_US.UTF-8', TZ: 'Asia/Jakarta', CYBERREAD_REFRESH_THREAD: '0', ...env },
  );
  return { code, stdout, stderr };
}
