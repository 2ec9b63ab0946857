/**
 * fast-check options for a property that runs on a fresh seed each time. fast-check prints the seed of a
 * failing run ("{ seed: 461714741, path: … }"); `CYBERREAD_SEED=461714741 npx vitest run <file>` runs the
 * same cases again (the numRuns of the test must not change in between).
 */
export function runs(numRuns: number): { numRuns: number; seed?: number } {
  const raw = process.env.CYBERREAD_SEED;
  if (raw === undefined || raw === '') return { numRuns };
  const seed = Number(raw);
  if (!Number.isSafeInteger(seed)) throw new Error(`CYBERREAD_SEED must be an integer, not ${JSON.stringify(raw)}`);
  return { numRuns, seed };
}
