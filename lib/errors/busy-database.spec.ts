import { busyDatabaseError } from './busy-database';

const prismaError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('busyDatabaseError', () => {
  it.each([
    'Transaction API error: Unable to start a transaction in the given time.',
    'Transaction API error: A commit cannot be executed on an expired transaction. The timeout for this transaction was 5000 ms, however 5012 ms passed since the start of the transaction.',
  ])('answers SERVICE_UNAVAILABLE for %p', (message) => {
    expect(busyDatabaseError(prismaError('P2028', message))).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      details: { retryAfterSeconds: 1 },
    });
  });

  it('leaves other errors, P2028s that are faults included, to be reported as they are', () => {
    const used =
      'Transaction API error: Transaction already closed: A query cannot be executed on a committed transaction.';
    expect(busyDatabaseError(prismaError('P2028', used))).toBeUndefined();
    expect(busyDatabaseError(prismaError('P2002', 'Unique constraint failed'))).toBeUndefined();
    expect(busyDatabaseError('P2028')).toBeUndefined();
  });
});
