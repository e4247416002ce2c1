import { describe, expect, it } from 'vitest';
import { mergeBoardUpdate, showsTop, type BoardRow } from './board-rows';

const athlete = (name: string) => ({ id: name.toLowerCase(), displayName: name });
const row = (rank: number, name: string, score: number): BoardRow => ({
  rank,
  score,
  athlete: athlete(name),
});
const names = (rows: BoardRow[]) => rows.map((r) => `${r.rank}:${r.athlete.displayName}:${r.score}`);

const board = [row(1, 'Ann', 9_000), row(2, 'Bob', 7_000), row(3, 'Cid', 5_000), row(4, 'Dee', 3_000)];

describe('a leaderboard page under live updates', () => {
  it('moves an athlete up and shifts those they passed down', () => {
    const update = {
      top: [row(1, 'Dee', 10_000), row(2, 'Ann', 9_000), row(3, 'Bob', 7_000), row(4, 'Cid', 5_000)],
      moves: [{ athlete: athlete('Dee'), from: 4, to: 1, score: 10_000 }],
    };
    expect(names(mergeBoardUpdate(board, update))).toEqual([
      '1:Dee:10000',
      '2:Ann:9000',
      '3:Bob:7000',
      '4:Cid:5000',
    ]);
  });

  it('places movers below a short top by their new rank, keeping the others’ order', () => {
    const update = {
      top: [row(1, 'Ann', 9_000)],
      moves: [
        { athlete: athlete('Bob'), from: 2, to: 4, score: 2_000 },
        { athlete: athlete('Eve'), from: null, to: 2, score: 6_000 },
      ],
    };
    expect(names(mergeBoardUpdate(board, update))).toEqual([
      '1:Ann:9000',
      '2:Eve:6000',
      '3:Cid:5000',
      '4:Bob:2000',
      '5:Dee:3000',
    ]);
  });

  it('drops an athlete who left the board and closes the gap', () => {
    const update = {
      top: [row(1, 'Ann', 9_000), row(2, 'Cid', 5_000)],
      moves: [{ athlete: athlete('Bob'), from: 2, to: null, score: 0 }],
    };
    expect(names(mergeBoardUpdate(board, update))).toEqual(['1:Ann:9000', '2:Cid:5000', '3:Dee:3000']);
  });

  it('stops where only the server knows who comes next', () => {
    const page = [row(1, 'Ann', 9_000), row(2, 'Bob', 7_000)];
    // Ann fell to rank 5 of a longer board: ranks 2 to 4 are Bob and two athletes beyond the page.
    const update = { top: [], moves: [{ athlete: athlete('Ann'), from: 1, to: 5, score: 1_000 }] };
    expect(names(mergeBoardUpdate(page, update))).toEqual(['1:Bob:7000']);
  });

  it('fills an empty board from the first message', () => {
    expect(names(mergeBoardUpdate([], { top: [row(1, 'Ann', 5_000)], moves: [] }))).toEqual(['1:Ann:5000']);
  });
});

describe('a board’s first message', () => {
  it('changes nothing when the page already shows its top', () => {
    expect(showsTop(board, board.slice(0, 2))).toBe(true);
    expect(showsTop([], [])).toBe(true);
  });

  it('is news when the board changed between reading the page and subscribing', () => {
    expect(showsTop(board, [row(1, 'Ann', 9_500)])).toBe(false);
    expect(showsTop(board, [row(1, 'Bob', 7_000)])).toBe(false);
    expect(showsTop([], [row(1, 'Ann', 5_000)])).toBe(false);
  });
});
