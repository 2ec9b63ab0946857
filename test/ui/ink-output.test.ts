import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { fastOutput, memoStringWidth, type OutputClass } from '../../src/ui/ink-output.js';
import { runs } from '../helpers/property.js';

// Ink's package exports only its index: its Output class is loaded from the file the bundler swaps.
const inkBuild = dirname(createRequire(import.meta.url).resolve('ink'));
const Output = ((await import(pathToFileURL(join(inkBuild, 'output.js')).href)) as { default: OutputClass }).default;

const ESC = '\u001b';
const bold = (s: string): string => `${ESC}[1m${s}${ESC}[22m`;
const inverse = (s: string): string => `${ESC}[7m${s}${ESC}[27m`;
const dim = (s: string): string => `${ESC}[2m${s}${ESC}[22m`;

type Write = { x: number; y: number; text: string; styles: ((s: string) => string)[] };

function frame(C: OutputClass, width: number, height: number, writes: Write[], clip = false): { output: string; height: number } {
  const o = new C({ width, height });
  for (const w of writes) {
    if (clip) o.operations.push({ type: 'clip', clip: { x1: 0, x2: width, y1: undefined, y2: undefined } });
    o.write(w.x, w.y, w.text, { transformers: w.styles.map((f) => (line: string) => f(line)) });
    if (clip) o.operations.push({ type: 'unclip' });
  }
  return o.get();
}

const piece = fc.constantFrom('a', 'Z', ' ', '●', '★', '›', '東', '京', '😀', '…', '─', 'é', '\u0301', '#');
const text = fc.array(fc.oneof(fc.array(piece, { maxLength: 30 }).map((p) => p.join('')), fc.constant('')), { minLength: 1, maxLength: 3 }).map((ls) => ls.join('\n'));
const write = fc.record({
  x: fc.integer({ min: 0, max: 45 }),
  y: fc.integer({ min: -2, max: 12 }),
  text,
  styles: fc.array(fc.constantFrom(bold, inverse, dim), { maxLength: 2 }),
});

describe('fastOutput', () => {
  it('draws exactly the frame Ink draws, for overlapping, wide, styled and out-of-frame writes', () => {
    const Fast = fastOutput(Output);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 10 }), fc.array(write, { maxLength: 12 }), (width, height, writes) => {
        const expected = frame(Output, width, height, writes);
        // twice: the second frame comes from the remembered rows
        expect(frame(Fast, width, height, writes)).toEqual(expected);
        expect(frame(Fast, width, height, writes)).toEqual(expected);
      }),
      runs(400),
    );
  });

  it('hands frames with clipping to Ink unchanged', () => {
    const Fast = fastOutput(Output);
    const writes: Write[] = [{ x: 2, y: 0, text: 'ab東京cd●\nsecond line', styles: [bold] }];
    const expected = frame(Output, 6, 3, writes, true);
    expect(expected.output).toBe(`  ${bold('ab東')}\n  ${bold('seco')}\n`);
    expect(frame(Fast, 6, 3, writes, true)).toEqual(expected);
  });

  it('remembers rows: a frame repeated with one row changed builds only that row again', () => {
    let built = 0;
    class Counting extends Output {
      constructor(o: { width: number; height: number }) {
        super(o);
        if (o.height === 1) built++;
      }
    }
    const Fast = fastOutput(Counting);
    const rows = (sel: number): Write[] => [0, 1, 2, 3].map((i) => ({ x: 0, y: i, text: `${i === sel ? '›' : ' '}● row ${i}`, styles: i === sel ? [inverse] : [] }));
    expect(frame(Fast, 20, 4, rows(0)).output).toBe(`${inverse('›● row 0')}\n ● row 1\n ● row 2\n ● row 3`);
    expect(built).toBe(4);
    frame(Fast, 20, 4, rows(1));
    expect(built).toBe(6);
    frame(Fast, 20, 4, rows(0));
    expect(built).toBe(6);
  });
});

describe('memoStringWidth', () => {
  it('answers as string-width does, with and without options', () => {
    const calls: string[] = [];
    const w = memoStringWidth((s: string, o?: object) => {
      calls.push(s);
      return stringWidth(s, o);
    });
    const dev = '👩\u200d💻';
    expect([w(`● ${dev}`), w(`● ${dev}`), w(bold('e\u0301')), w('€', { ambiguousIsNarrow: false })]).toEqual([4, 4, 1, stringWidth('€', { ambiguousIsNarrow: false })]);
    expect(calls).toEqual([`● ${dev}`, bold('e\u0301'), '€']);
  });

  it('counts coloured text of known characters without string-width (its first emoji pattern costs the first frame)', () => {
    const calls: string[] = [];
    const w = memoStringWidth((s: string) => {
      calls.push(s);
      return stringWidth(s);
    });
    const row = `›●  Jan'30 Source  “Kebocoran” data — 東京 ★ ${ESC}[36m#Malware #…${ESC}[39m`;
    expect([w(row), w(bold('ab')), w(`${ESC}[38;5;123mx${ESC}[m`)]).toEqual([stringWidth(row), 2, 1]);
    expect(calls).toEqual([]);
  });
});

describe('the build', () => {
  it('bundles Ink with the remembering Output and string-width (npm test builds before it runs)', () => {
    const dist = new URL('../../dist/', import.meta.url);
    const code = readdirSync(dist)
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(new URL(f, dist), 'utf8'))
      .join('\n');
    expect(code).toMatch(/class FastOutput extends \w+/);
    expect(code).toMatch(/= memoStringWidth\(\w+\)/);
  });
});
