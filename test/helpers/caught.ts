import { ExtractError, type ExtractFailure } from '../../src/core/article/types.js';

/** What fn throws; a test that expected a throw fails when it returns. */
export function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected a throw');
}

/** The reason of the ExtractError fn throws, or null when it returns; any other error is thrown on. */
export function extractFailure(fn: () => unknown): ExtractFailure | null {
  try {
    fn();
  } catch (err) {
    if (err instanceof ExtractError) return err.reason;
    throw err;
  }
  return null;
}
