/**
 * fast-check options for a property that runs on a fresh seed each time. fast-check prints the seed of a
 * failing run ("{ seed: 461714741, path: … }"); `CYBERREAD_SEED=461714741 npx vitest run <file>` runs the
 * same cases again (the numRuns of the test must not change in between).
 *
 * `CYBERREAD_RUNS_TIMES=100` multiplies every such property's runs, to hunt for a rare counterexample on a
 * quiet machine (with `--testTimeout=0`); give the same value again to replay a seed it found.
 */
export function runs(numRuns: number): { numRuns: number; seed?: number } {
  const times = process.env.CYBERREAD_RUNS_TIMES;
  if (times !== undefined && times !== '') {
    const k = Number(times);
    if (!Number.isSafeInteger(k) || k < 1) throw new Error(`CYBERREAD_RUNS_TIMES must be a whole number above 0, not ${JSON.stringify(times)}`);
    numRuns *= k;
  }
  const raw = process.env.CYBERREAD_SEED;
  if (raw === undefined || raw === '') return { numRuns };
  const seed = Number(raw);
  if (!Number.isSafeInteger(seed)) throw new Error(`CYBERREAD_SEED must be an integer, not ${JSON.stringify(raw)}`);
  return { numRuns, seed };
}
