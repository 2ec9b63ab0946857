/**
 * Speed-ups for Ink's per-frame output pass, swapped in by scripts/build.mjs when it bundles Ink (tests run
 * the unmodified Ink). Ink builds every frame from nothing: it measures each text line with string-width and
 * turns every line into styled cells and back into a string, although a move in the list changes two lines.
 * Both steps are pure functions of their input, so their answers can be remembered across frames.
 */

import { fastTerminalWidth } from '../core/render/simple-width.js';
import { memoStrings } from './memo.js';

type Transformer = (line: string, index: number) => string;

/** The operations Ink's Output records (ink/build/output.js, Ink 6). */
export type OutputOperation =
  | { type: 'write'; x: number; y: number; text: string; transformers: Transformer[] }
  | { type: 'clip'; clip: unknown }
  | { type: 'unclip' };

export interface OutputLike {
  width: number;
  height: number;
  operations: OutputOperation[];
  write(x: number, y: number, text: string, options: { transformers: Transformer[] }): void;
  get(): { output: string; height: number };
}

export type OutputClass = new (options: { width: number; height: number }) => OutputLike;

/**
 * string-width with the plain one-argument call remembered: Ink measures every text line of every frame
 * (widest-line), and any line with a character outside printable ASCII (● ★ › in the list) takes
 * string-width's grapheme scan each time. Text of characters the width table knows (core/render/simple-width)
 * is counted without it: string-width's first such line builds its emoji pattern (\p{RGI_Emoji}, 60-90 ms),
 * which the reader's first frame would otherwise wait for.
 */
export function memoStringWidth(
  stringWidth: (s: string, options?: object) => number,
  max = 8192,
): (s: string, options?: object) => number {
  const plain = memoStrings((s: string) => {
    const w = fastTerminalWidth(s);
    return w >= 0 ? w : stringWidth(s);
  }, max);
  return (s, options) => (options === undefined && typeof s === 'string' ? plain(s) : stringWidth(s, options));
}

const PIECE = '\u0001';
const NEXT = '\u0002';

/**
 * Ink's Output with each row's string remembered. Without clipping, a row of the frame depends only on the
 * output width and the (x, line) pieces written to it in order, so a row is built by Ink's own Output (one
 * row tall) the first time those pieces appear and looked up afterwards. Anything unusual (clipping,
 * fractional positions, a transformer adding a line break) goes through Ink's whole pass unchanged.
 */
export function fastOutput(Base: OutputClass, max = 4096): OutputClass {
  const rows = new Map<string, string>();
  return class FastOutput extends Base {
    override get(): { output: string; height: number } {
      const { width, height } = this;
      if (!Number.isInteger(width)) return super.get();
      const pieces: string[][] = [];
      for (const op of this.operations) {
        if (op.type !== 'write') return super.get();
        if (!Number.isInteger(op.x) || !Number.isInteger(op.y)) return super.get();
        // Ink drops a write that starts above the frame, and lines that fall below it
        if (op.y < 0) continue;
        const lines = op.text.split('\n');
        for (let i = 0; i < lines.length && op.y + i < height; i++) {
          let line = lines[i] as string;
          for (const t of op.transformers) line = t(line, i);
          if (line.includes('\n') || line.includes(PIECE) || line.includes(NEXT)) return super.get();
          (pieces[op.y + i] ??= []).push(`${op.x}${PIECE}${line}`);
        }
      }
      const out: string[] = [];
      for (let y = 0; y < height; y++) {
        const row = pieces[y];
        if (row === undefined) {
          out.push('');
          continue;
        }
        const key = `${width}${NEXT}${row.join(NEXT)}`;
        let s = rows.get(key);
        if (s === undefined) {
          const one = new Base({ width, height: 1 });
          for (const p of row) {
            const cut = p.indexOf(PIECE);
            one.write(Number(p.slice(0, cut)), 0, p.slice(cut + 1), { transformers: [] });
          }
          s = one.get().output;
          if (rows.size >= max) rows.clear();
          rows.set(key, s);
        }
        out.push(s);
      }
      return { output: out.join('\n'), height };
    }
  };
}
