/**
 * The one error type feedclean throws on purpose. The CLI prints `message` on one line, naming the
 * input; anything else that escapes is a bug and is reported as such.
 */
export type ErrorCode =
  | 'EMPTY_INPUT'
  | 'BINARY_INPUT'
  | 'READ_ERROR'
  | 'UNSUPPORTED_INPUT'
  | 'PARSE_ERROR'
  | 'RULE_ERROR'
  | 'INPUT_TOO_LARGE'
  | 'OUTPUT_ERROR'
  | 'OUTPUT_DIR_ERROR'
  | 'TIMEOUT'
  | 'INTERRUPTED'
  | 'USAGE';

export class FeedcleanError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'FeedcleanError';
  }
}

export function isFeedcleanError(error: unknown): error is FeedcleanError {
  return error instanceof FeedcleanError;
}
