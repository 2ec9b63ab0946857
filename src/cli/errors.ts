/**
 * Apart from context.ts so that the command line can tell a CliError before (or without) loading the
 * context, the settings library and the cache (`--help`, a bad argument).
 */

/** A failure the user can act on: printed as one sentence, never with a stack trace. */
export class CliError extends Error {
  override name = 'CliError';
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}
