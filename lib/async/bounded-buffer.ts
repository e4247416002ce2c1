/**
 * A bounded queue read as an async iterator: the producer never waits and a slow reader never grows the
 * process' memory. When the buffer is full the oldest item is dropped (and reported); `close(final)` ends
 * the iteration after what is buffered plus one last item that is never dropped (the error that explains
 * why the stream ends).
 */
export interface BoundedBuffer<T> extends AsyncIterableIterator<T, undefined, undefined> {
  /** Items waiting to be read. */
  readonly size: number;
  /** Whether the producer closed the buffer or the reader left. */
  readonly closed: boolean;
  /** Queues an item (hands it straight to a waiting reader); drops the oldest when full. */
  push(item: T): void;
  /** Ends the iteration once the buffered items and `final` (when given) are read. */
  close(final?: T): void;
  /** The reader leaves: what is buffered is discarded and pending reads end. */
  return(): Promise<IteratorReturnResult<undefined>>;
  throw(): Promise<IteratorReturnResult<undefined>>;
}

export interface BoundedBufferHooks<T> {
  /** Called for each item dropped because the buffer was full. */
  onDrop?: (item: T) => void;
  /** Called once, when the iteration is over (read to its end, or left by the reader). */
  onFinish?: () => void;
}

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

export function createBoundedBuffer<T>(
  capacity: number,
  hooks: BoundedBufferHooks<T> = {},
): BoundedBuffer<T> {
  if (!Number.isInteger(capacity) || capacity < 1) {
    throw new RangeError(`The buffer capacity must be a positive integer, got ${capacity}.`);
  }
  const items: T[] = [];
  const readers: ((result: IteratorResult<T, undefined>) => void)[] = [];
  let closed = false;
  let finished = false;

  const finish = () => {
    if (finished) return;
    finished = true;
    hooks.onFinish?.();
  };
  const leave = async () => {
    closed = true;
    items.length = 0;
    for (const resolve of readers.splice(0)) resolve(DONE);
    finish();
    return DONE;
  };

  const buffer: BoundedBuffer<T> = {
    get size() {
      return items.length;
    },
    get closed() {
      return closed;
    },
    push(item) {
      if (closed) return;
      const reader = readers.shift();
      if (reader) {
        reader({ done: false, value: item });
        return;
      }
      items.push(item);
      if (items.length > capacity) hooks.onDrop?.(items.shift() as T);
    },
    close(final) {
      if (closed) return;
      closed = true;
      if (final !== undefined) {
        const reader = readers.shift();
        if (reader) reader({ done: false, value: final });
        else items.push(final);
      }
      if (items.length === 0) {
        for (const resolve of readers.splice(0)) resolve(DONE);
        // A reader that is waiting (or none at all) learns of the end on its next read.
        if (final === undefined) finish();
      }
    },
    next: async () => {
      if (items.length > 0) return { done: false, value: items.shift() as T };
      if (closed) {
        finish();
        return DONE;
      }
      return new Promise((resolve) => readers.push(resolve));
    },
    return: leave,
    throw: leave,
    [Symbol.asyncIterator]() {
      return buffer;
    },
  };
  return buffer;
}
