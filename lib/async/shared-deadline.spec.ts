import { sharedDeadline } from './shared-deadline';

describe('sharedDeadline', () => {
  it('gives requests started together one signal, which aborts once the timeout has passed', async () => {
    const first = sharedDeadline(30);
    expect(sharedDeadline(30)).toBe(first);
    expect(sharedDeadline(31)).not.toBe(first);
    expect(first.aborted).toBe(false);
    const started = performance.now();
    await new Promise((resolve) => first.addEventListener('abort', resolve));
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
    expect(first.reason).toBeInstanceOf(DOMException);
  });

  it('gives a request started after the window a signal of its own', async () => {
    const first = sharedDeadline(1_000);
    await new Promise((resolve) => setTimeout(resolve, 15));
    expect(sharedDeadline(1_000)).not.toBe(first);
  });
});
