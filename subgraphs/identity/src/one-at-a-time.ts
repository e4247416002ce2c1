/** Runs tasks that share a key one after another, in this process; tasks with other keys run freely. */
export type KeyedSerializer = <T>(key: string, task: () => Promise<T>) => Promise<T>;

/** A serializer whose queues disappear once they are empty. */
export function createKeyedSerializer(): KeyedSerializer {
  const tails = new Map<string, Promise<unknown>>();
  return async <T>(key: string, task: () => Promise<T>): Promise<T> => {
    const result = (tails.get(key) ?? Promise.resolve()).then(task);
    const tail = result.catch(() => undefined);
    tails.set(key, tail);
    try {
      return await result;
    } finally {
      if (tails.get(key) === tail) tails.delete(key);
    }
  };
}
