/** Test helper: runs `run`, asserts it threw BadUserInputError on field `file`, returns its message. */
import { DomainError } from '../../../../lib/errors/domain-error';

export const badInputMessage = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    if (
      !(error instanceof DomainError) ||
      error.code !== 'BAD_USER_INPUT' ||
      error.details.field !== 'file'
    ) {
      throw new Error(`expected a BadUserInputError on "file", got ${String(error)}`, { cause: error });
    }
    return error.message;
  }
  throw new Error('expected a BadUserInputError, but nothing was thrown');
};
