import type { Logger } from '../../../../lib/logging/logger';
import type { RebuildResult } from './leaderboard-rebuild';
import { restoreLeaderboards } from './leaderboard-restore';
import { createInProcessLeaderboardStore } from './in-process-leaderboard-store';

const REBUILT: RebuildResult = { boards: 48, entries: 96, workouts: 4 };

/** restoreLeaderboards with a rebuild that counts its calls and a logger that keeps what it was told. */
function newTestRestore(store: { durable: boolean }) {
  const rebuild = jest.fn(async () => REBUILT);
  const info = jest.fn();
  const ticks = [1_000, 1_250];
  const restore = () =>
    restoreLeaderboards({
      store,
      rebuild,
      logger: { info } as unknown as Logger,
      timer: () => ticks.shift()!,
    });
  return { restore, rebuild, info };
}

describe('restoreLeaderboards', () => {
  it('rebuilds a store that ends with its process, and logs what it rebuilt and how long it took', async () => {
    const { restore, rebuild, info } = newTestRestore({ durable: false });
    expect(await restore()).toEqual(REBUILT);
    expect(rebuild).toHaveBeenCalledTimes(1);
    expect(info).toHaveBeenCalledWith(
      { boards: 48, entries: 96, workouts: 4, ms: 250 },
      'leaderboards: in-process boards rebuilt from the database',
    );
  });

  it('leaves a store that keeps its boards across restarts (Redis) as it is', async () => {
    const { restore, rebuild, info } = newTestRestore({ durable: true });
    expect(await restore()).toBeNull();
    expect(rebuild).not.toHaveBeenCalled();
    expect(info).toHaveBeenCalledWith(
      'leaderboards: the store keeps its boards across restarts, none rebuilt',
    );
  });

  it('lets a failed rebuild fail the start: a subgraph serving empty boards is the failure it prevents', async () => {
    const { restore, rebuild } = newTestRestore({ durable: false });
    rebuild.mockRejectedValueOnce(new Error('database gone'));
    await expect(restore()).rejects.toThrow('database gone');
  });

  it('counts the in-process store among the stores to rebuild', async () => {
    const store = createInProcessLeaderboardStore();
    expect(store.durable).toBe(false);
    await store.close();
  });
});
