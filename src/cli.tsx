import { runCommandLine } from './cli/run.js';
import type { Output } from './cli/context.js';

/** Cells of the terminal; Infinity when stdout is not one: a pipe or a file gets whole lines, whatever COLUMNS says. */
function terminalWidth(): number {
  if (!process.stdout.isTTY) return Infinity;
  if (process.stdout.columns) return process.stdout.columns;
  const cols = Number(process.env.COLUMNS);
  return Number.isInteger(cols) && cols >= 20 ? cols : 100;
}

// `cyberread list | head` closes the pipe early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const output: Output = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
  width: terminalWidth(),
  write: (chunk) =>
    process.stdout.write(chunk) ? Promise.resolve() : new Promise<void>((resolve) => process.stdout.once('drain', () => resolve())),
};

process.exitCode = await runCommandLine(process.argv.slice(2), output);
