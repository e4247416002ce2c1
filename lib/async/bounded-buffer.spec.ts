import { createBoundedBuffer } from './bounded-buffer';

async function readAll<T>(iterator: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterator) items.push(item);
  return items;
}

describe('createBoundedBuffer', () => {
  it('hands items to the reader in order', async () => {
    const buffer = createBoundedBuffer<number>(10);
    buffer.push(1);
    buffer.push(2);
    buffer.close();
    expect(await readAll(buffer)).toEqual([1, 2]);
  });

  it('gives an item straight to a reader that is waiting', async () => {
    const buffer = createBoundedBuffer<string>(1);
    const pending = buffer.next();
    buffer.push('now');
    expect(await pending).toEqual({ done: false, value: 'now' });
    expect(buffer.size).toBe(0);
  });

  it('drops the oldest item when a slow reader lets it fill up, and reports each drop', async () => {
    const dropped: number[] = [];
    const buffer = createBoundedBuffer<number>(3, { onDrop: (item) => dropped.push(item) });
    for (let i = 1; i <= 5; i += 1) buffer.push(i);
    buffer.close();
    expect(dropped).toEqual([1, 2]);
    expect(await readAll(buffer)).toEqual([3, 4, 5]);
  });

  it('delivers the final item after what is buffered, even when full', async () => {
    const dropped: string[] = [];
    const buffer = createBoundedBuffer<string>(2, { onDrop: (item) => dropped.push(item) });
    buffer.push('a');
    buffer.push('b');
    buffer.close('the end');
    buffer.push('ignored after close');
    expect(await readAll(buffer)).toEqual(['a', 'b', 'the end']);
    expect(dropped).toEqual([]);
  });

  it('gives the final item to a reader that is waiting', async () => {
    const buffer = createBoundedBuffer<string>(2);
    const pending = buffer.next();
    buffer.close('bye');
    expect(await pending).toEqual({ done: false, value: 'bye' });
    expect(await buffer.next()).toEqual({ done: true, value: undefined });
  });

  it('ends pending reads and discards the buffer when the reader leaves, finishing once', async () => {
    const onFinish = jest.fn();
    const buffer = createBoundedBuffer<number>(5, { onFinish });
    const pending = buffer.next();
    await buffer.return();
    await buffer.return();
    expect(await pending).toEqual({ done: true, value: undefined });
    buffer.push(1);
    expect(await buffer.next()).toEqual({ done: true, value: undefined });
    expect(onFinish).toHaveBeenCalledTimes(1);
  });

  it('finishes once the reader has read to the end', async () => {
    const onFinish = jest.fn();
    const buffer = createBoundedBuffer<number>(5, { onFinish });
    buffer.push(1);
    buffer.close(2);
    expect(onFinish).not.toHaveBeenCalled();
    expect(await readAll(buffer)).toEqual([1, 2]);
    expect(onFinish).toHaveBeenCalledTimes(1);
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => createBoundedBuffer(0)).toThrow(RangeError);
    expect(() => createBoundedBuffer(1.5)).toThrow(RangeError);
  });
});
