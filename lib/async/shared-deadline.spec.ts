import { sharedDeadline } from './shared-deadline';

// The window is read from performance.now(), held still here: two calls on a busy machine could otherwise
// fall either side of a window's edge. Signals are compared with ===: Jest cannot print an AbortSignal.
describe('sharedDeadline', () => {
  afterEach(() => jest.restoreAllMocks());

  it('gives requests started in the same 10 ms window and with the same timeout one signal', () => {
    const now = jest.spyOn(performance, 'now').mockReturnValue(10_000);
    const first = sharedDeadline(30);
    now.mockReturnValue(10_009.9);
    expect(sharedDeadline(30) === first).toBe(true);
    expect(sharedDeadline(31) === first).toBe(false);
  });

  it('gives a request started in a later window a signal of its own', () => {
    const now = jest.spyOn(performance, 'now').mockReturnValue(20_000);
    const first = sharedDeadline(1_000);
    now.mockReturnValue(20_010);
    expect(sharedDeadline(1_000) === first).toBe(false);
  });

  it('aborts once the timeout has passed, not before', async () => {
    const started = performance.now();
    // A timeout of its own: no signal of the tests above (whatever their window) can be handed out.
    const signal = sharedDeadline(37);
    expect(signal.aborted).toBe(false);
    await new Promise((resolve) => signal.addEventListener('abort', resolve));
    expect(performance.now() - started).toBeGreaterThanOrEqual(36);
    expect(signal.reason).toBeInstanceOf(DOMException);
  });
});
