import { useEffect, useState } from 'react';
import { useStdout } from 'ink';

/** The terminal size, followed on resize; fixed when both are given (tests). */
export function useTerminalSize(rows?: number, columns?: number): { rows: number; columns: number } {
  const { stdout } = useStdout();
  const read = (): { rows: number; columns: number } => ({
    rows: rows ?? (stdout.rows || 24),
    columns: columns ?? (stdout.columns || 80),
  });
  const [size, setSize] = useState(read);
  useEffect(() => {
    if (rows !== undefined && columns !== undefined) return;
    const onResize = (): void => setSize(read());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout, rows, columns]);
  return size;
}
