/**
 * The behaviour every LeaderboardStore must show. Run by leaderboard-store.int-spec.ts against the
 * in-process store always and against Redis when REDIS_URL is set.
 */
import { randomUUID } from 'node:crypto';
import { useFixture } from '../../../../lib/testing/fixture';
import { boardId, periodBoardsOf } from './board-key';
import { windowOf } from './board-window';
import type { LeaderboardEntry, LeaderboardStore } from './leaderboard-store';

export interface LeaderboardContractTarget {
  /** Opens a store; the boards of one target's stores must not be seen by anything else. */
  open(): Promise<LeaderboardStore>;
}

const aChallengeBoard = () => boardId({ kind: 'challenge', challengeId: `c-${randomUUID()}` });
const entriesOf = (entries: LeaderboardEntry[]) => entries.map((e) => [e.athleteId, e.score, e.rank]);

/** The board a sequence of changes should give: by score, then by who last changed their score first. */
function expectedBoard(changes: { athleteId: string; delta: number }[]) {
  const scores = new Map<string, { score: number; order: number }>();
  changes.forEach(({ athleteId, delta }, order) => {
    const score = (scores.get(athleteId)?.score ?? 0) + delta;
    if (score === 0) scores.delete(athleteId);
    else scores.set(athleteId, { score, order });
  });
  return [...scores]
    .sort(([, a], [, b]) => b.score - a.score || a.order - b.order)
    .map(([athleteId, { score }], i) => [athleteId, score, i + 1]);
}

export function describeLeaderboardStoreContract(name: string, target: LeaderboardContractTarget): void {
  describe(`LeaderboardStore contract: ${name}`, () => {
    const store = useFixture(() => target.open());

    it('ranks athletes by score, highest first, with 1-based ranks that rankOf agrees with', async () => {
      const board = aChallengeBoard();
      await store().add([
        { board, athleteId: 'ann', delta: 5_000 },
        { board, athleteId: 'bob', delta: 12_500.5 },
        { board, athleteId: 'cid', delta: 8_000 },
      ]);
      expect(entriesOf(await store().top(board, 10))).toEqual([
        ['bob', 12_500.5, 1],
        ['cid', 8_000, 2],
        ['ann', 5_000, 3],
      ]);
      expect(await store().rankOf(board, 'cid')).toEqual({ athleteId: 'cid', score: 8_000, rank: 2 });
      expect(await store().rankOf(board, 'nobody')).toBeNull();
    });

    it('adds to the existing score and moves the athlete', async () => {
      const board = aChallengeBoard();
      await store().add([{ board, athleteId: 'ann', delta: 100 }]);
      await store().add([{ board, athleteId: 'bob', delta: 150 }]);
      await store().add([{ board, athleteId: 'ann', delta: 60 }]);
      expect(entriesOf(await store().top(board, 10))).toEqual([
        ['ann', 160, 1],
        ['bob', 150, 2],
      ]);
    });

    it('orders equal scores by who reached the score first, in top() and rankOf() alike', async () => {
      const board = aChallengeBoard();
      await store().add([{ board, athleteId: 'ann', delta: 100 }]);
      await store().add([{ board, athleteId: 'bob', delta: 100 }]);
      await store().add([{ board, athleteId: 'cid', delta: 50 }]);
      await store().add([{ board, athleteId: 'cid', delta: 50 }]);
      expect(entriesOf(await store().top(board, 10))).toEqual([
        ['ann', 100, 1],
        ['bob', 100, 2],
        ['cid', 100, 3],
      ]);
      // Ann leaves 100 and comes back: she reached it again last.
      await store().add([{ board, athleteId: 'ann', delta: 10 }]);
      await store().add([{ board, athleteId: 'ann', delta: -10 }]);
      expect(entriesOf(await store().top(board, 10)).map(([id]) => id)).toEqual(['bob', 'cid', 'ann']);
      expect((await store().rankOf(board, 'ann'))?.rank).toBe(3);
      expect((await store().rankOf(board, 'bob'))?.rank).toBe(1);
    });

    it('breaks ties inside one call in the order of its changes', async () => {
      const board = aChallengeBoard();
      await store().add([
        { board, athleteId: 'zoe', delta: 7 },
        { board, athleteId: 'amy', delta: 7 },
      ]);
      expect(entriesOf(await store().top(board, 10)).map(([id]) => id)).toEqual(['zoe', 'amy']);
    });

    it('removes a reversed contribution, and the entry itself when the score comes back to 0', async () => {
      const board = aChallengeBoard();
      await store().add([
        { board, athleteId: 'ann', delta: 3_000 },
        { board, athleteId: 'bob', delta: 2_000 },
      ]);
      await store().add([{ board, athleteId: 'ann', delta: 1_500 }]);
      await store().add([{ board, athleteId: 'ann', delta: -1_500 }]);
      expect(await store().rankOf(board, 'ann')).toEqual({ athleteId: 'ann', score: 3_000, rank: 1 });
      await store().add([{ board, athleteId: 'ann', delta: -3_000 }]);
      expect(await store().rankOf(board, 'ann')).toBeNull();
      expect(entriesOf(await store().top(board, 10))).toEqual([['bob', 2_000, 1]]);
      expect(await store().size(board)).toBe(1);
    });

    it('counts a fractional sum that misses 0 by a rounding error as 0', async () => {
      const board = aChallengeBoard();
      await store().add([{ board, athleteId: 'ann', delta: 0.1 }]);
      await store().add([{ board, athleteId: 'ann', delta: 0.2 }]);
      await store().add([{ board, athleteId: 'ann', delta: -0.3 }]);
      expect(await store().size(board)).toBe(0);
    });

    it('keeps a negative score (a reversal that arrived before its credit) last, until the credit nets it out', async () => {
      const board = aChallengeBoard();
      await store().add([{ board, athleteId: 'ann', delta: 10 }]);
      await store().add([{ board, athleteId: 'bob', delta: -40 }]);
      expect(entriesOf(await store().top(board, 10))).toEqual([
        ['ann', 10, 1],
        ['bob', -40, 2],
      ]);
      await store().add([{ board, athleteId: 'bob', delta: 40 }]);
      expect(await store().rankOf(board, 'bob')).toBeNull();
    });

    it('sums the deltas of one call per board and athlete, and writes nothing for a zero sum', async () => {
      const board = aChallengeBoard();
      await store().add([
        { board, athleteId: 'ann', delta: 5 },
        { board, athleteId: 'ann', delta: 7 },
        { board, athleteId: 'bob', delta: 3 },
        { board, athleteId: 'bob', delta: -3 },
        { board, athleteId: 'cid', delta: 0 },
      ]);
      expect(entriesOf(await store().top(board, 10))).toEqual([['ann', 12, 1]]);
      await store().add([]);
      expect(await store().size(board)).toBe(1);
    });

    it('pages by offset: consecutive pages are the board in order, past the end is empty', async () => {
      const board = aChallengeBoard();
      const athletes = Array.from({ length: 25 }, (_, i) => ({
        athleteId: `a${i}`,
        delta: ((i * 37) % 11) + 1,
      }));
      await store().add(athletes.map((a) => ({ board, ...a })));
      const all = await store().top(board, 100);
      expect(all).toHaveLength(25);
      const pages = [
        await store().top(board, 10),
        await store().top(board, 10, 10),
        await store().top(board, 10, 20),
      ];
      expect(pages.map((page) => page.length)).toEqual([10, 10, 5]);
      expect(pages.flat()).toEqual(all);
      expect(all.map((e) => e.rank)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
      expect(await store().top(board, 10, 25)).toEqual([]);
      expect(await store().top(board, 0)).toEqual([]);
      for (const entry of [all[0]!, all[13]!, all[24]!]) {
        expect(await store().rankOf(board, entry.athleteId)).toEqual(entry);
      }
    });

    it('matches a model of the board after many random changes', async () => {
      const board = aChallengeBoard();
      let seed = 7;
      const random = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
      const changes = Array.from({ length: 400 }, () => ({
        athleteId: `a${Math.floor(random() * 40)}`,
        delta: Math.floor(random() * 9) - 3 || 1,
      }));
      for (const change of changes) await store().add([{ board, ...change }]);
      const expected = expectedBoard(changes);
      expect(entriesOf(await store().top(board, 100))).toEqual(expected);
      expect(await store().size(board)).toBe(expected.length);
      for (const [athleteId, score, rank] of expected) {
        expect(await store().rankOf(board, athleteId as string)).toEqual({ athleteId, score, rank });
      }
    });

    it('writes every board of a workout in one call, each on its own', async () => {
      const now = Date.now();
      const run = periodBoardsOf('RUN', now).map(({ board }) => board);
      const ride = periodBoardsOf('RIDE', now).map(({ board }) => board);
      expect(run).toHaveLength(24);
      const athleteId = `a-${randomUUID()}`;
      await store().add([
        ...run.map((board, i) => ({ board, athleteId, delta: i + 1 })),
        ...ride.map((board) => ({ board, athleteId: `${athleteId}-r`, delta: 1 })),
      ]);
      for (const [i, board] of run.entries()) {
        const shared = ride.includes(board);
        expect(await store().rankOf(board, athleteId)).toEqual({ athleteId, score: i + 1, rank: 1 });
        expect(await store().size(board)).toBe(shared ? 2 : 1);
      }
      await Promise.all([...run, ...ride].map((board) => store().clear(board)));
    });

    it('keeps each window of a period on its own board', async () => {
      const sport = 'ROW' as const;
      const thisWeek = windowOf('WEEK', Date.now());
      const lastWeek = windowOf('WEEK', Date.now() - 7 * 86_400_000);
      const week = (window: string) =>
        boardId({ kind: 'period', metric: 'XP', period: 'WEEK', sport, window });
      const athleteId = `a-${randomUUID()}`;
      await store().add([
        { board: week(thisWeek), athleteId, delta: 30 },
        { board: week(lastWeek), athleteId, delta: 20 },
      ]);
      expect(await store().rankOf(week(thisWeek), athleteId)).toEqual({ athleteId, score: 30, rank: 1 });
      expect(await store().rankOf(week(lastWeek), athleteId)).toEqual({ athleteId, score: 20, rank: 1 });
      await Promise.all([store().clear(week(thisWeek)), store().clear(week(lastWeek))]);
    });

    it('keeps nothing on the board of a window past its retention', async () => {
      const old = boardId({
        kind: 'period',
        metric: 'DISTANCE',
        period: 'MONTH',
        sport: null,
        window: '2020-01',
      });
      await store().add([{ board: old, athleteId: 'ann', delta: 5_000 }]);
      expect(await store().size(old)).toBe(0);
      expect(await store().top(old, 10)).toEqual([]);
      expect(await store().rankOf(old, 'ann')).toBeNull();
    });

    it('gives the entries of some athletes as the whole board has them: order, ties, scores and ranks', async () => {
      const board = aChallengeBoard();
      await store().add([{ board, athleteId: 'ann', delta: 100 }]);
      await store().add([{ board, athleteId: 'bob', delta: 250.5 }]);
      await store().add([{ board, athleteId: 'cid', delta: 100 }]);
      await store().add([{ board, athleteId: 'dan', delta: 100 }]);
      await store().add([{ board, athleteId: 'eve', delta: -5 }]);
      // Ann leaves 100 and comes back: she queues behind cid and dan, as on the whole board.
      await store().add([{ board, athleteId: 'ann', delta: 1 }]);
      await store().add([{ board, athleteId: 'ann', delta: -1 }]);
      const all = await store().top(board, 10);
      expect(entriesOf(all).map(([id]) => id)).toEqual(['bob', 'cid', 'dan', 'ann', 'eve']);
      const some = ['eve', 'ann', 'nobody', 'cid', 'ann'];
      expect(await store().entriesOf(board, some)).toEqual(all.filter((e) => some.includes(e.athleteId)));
      expect(await store().entriesOf(board, [])).toEqual([]);
      expect(await store().entriesOf(aChallengeBoard(), ['ann'])).toEqual([]);
      await expect(store().entriesOf('leaderboard', ['ann'])).rejects.toThrow(/not a board id/);
    });

    it('gives the entries of many athletes, equal to the board filtered to them', async () => {
      const board = aChallengeBoard();
      let seed = 11;
      const random = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
      for (let round = 0; round < 6; round += 1)
        await store().add(
          Array.from({ length: 400 }, (_, i) => ({
            board,
            athleteId: `a${i}`,
            delta: Math.floor(random() * 5),
          })),
        );
      const all = await store().top(board, 2_500);
      // More ids than one Redis script call takes, most on the board, some not.
      const ids = Array.from({ length: 2_400 }, (_, i) => `a${(i * 7) % 3_000}`);
      const wanted = new Set(ids);
      expect(await store().entriesOf(board, ids)).toEqual(all.filter((e) => wanted.has(e.athleteId)));
    });

    it('tells the size of a board and clears one board without touching the others', async () => {
      const [kept, cleared] = [aChallengeBoard(), aChallengeBoard()];
      await store().add([
        { board: kept, athleteId: 'ann', delta: 1 },
        { board: cleared, athleteId: 'ann', delta: 1 },
        { board: cleared, athleteId: 'bob', delta: 2 },
      ]);
      expect([await store().size(kept), await store().size(cleared)]).toEqual([1, 2]);
      await store().clear(cleared);
      expect([await store().size(kept), await store().size(cleared)]).toEqual([1, 0]);
      expect(await store().top(cleared, 10)).toEqual([]);
      await store().add([{ board: cleared, athleteId: 'cid', delta: 4 }]);
      expect(entriesOf(await store().top(cleared, 10))).toEqual([['cid', 4, 1]]);
    });

    it('refuses a bad board id, athlete id, delta or page, and writes nothing of a refused call', async () => {
      const board = aChallengeBoard();
      await expect(
        store().add([
          { board, athleteId: 'ann', delta: 5 },
          { board: 'period:DISTANCE:WEEK:RUN:2026-W54', athleteId: 'ann', delta: 5 },
        ]),
      ).rejects.toThrow(RangeError);
      await expect(store().add([{ board, athleteId: 'ann', delta: Number.NaN }])).rejects.toThrow(/finite/);
      await expect(store().add([{ board, athleteId: '', delta: 1 }])).rejects.toThrow(/athlete id/);
      expect(await store().size(board)).toBe(0);
      await expect(store().top('leaderboard', 10)).rejects.toThrow(/not a board id/);
      await expect(store().rankOf('challenge:', 'ann')).rejects.toThrow(/not a board id/);
      await expect(store().top(board, -1)).rejects.toThrow(RangeError);
      await expect(store().top(board, 10, 1.5)).rejects.toThrow(RangeError);
    });
  });
}
