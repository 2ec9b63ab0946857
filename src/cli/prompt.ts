/**
 * Asking for a password on the terminal: the question on stderr (stdout may be a pipe or --json), what is
 * typed never echoed, Backspace works, Enter ends it. Ctrl-C stops the command (exit 130), Ctrl-D or Esc
 * gives up (null). Without a terminal on both stdin and stderr there is no one to ask: null at once.
 */
export function askHidden(question: string, io: { stdin: NodeJS.ReadStream; stderr: NodeJS.WriteStream } = process): Promise<string | null> {
  const { stdin, stderr } = io;
  if (!stdin.isTTY || !stderr.isTTY) return Promise.resolve(null);
  return new Promise((resolve) => {
    let typed = '';
    const wasRaw = stdin.isRaw;
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    stderr.write(question);
    const finish = (value: string | null): void => {
      stdin.off('data', onData);
      stdin.setRawMode(wasRaw);
      stdin.pause();
      stderr.write('\n');
      resolve(value);
    };
    const onData = (chunk: string): void => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return finish(typed);
        if (ch === '\u0003') {
          finish(null);
          process.exit(130);
        }
        if (ch === '\u0004' || ch === '\u001b') return finish(null);
        if (ch === '\u007f' || ch === '\b') typed = [...typed].slice(0, -1).join('');
        else if (ch >= ' ') typed += ch;
      }
    };
    stdin.on('data', onData);
    stdin.resume();
  });
}
