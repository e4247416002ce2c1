/**
 * A leaderboard page kept up to date from `leaderboardChanged` messages: the new top is taken as it is, the
 * athletes who moved go to their new ranks, and everyone else keeps their order in the places left.
 */

export interface BoardRow {
  rank: number;
  score: number;
  athlete: { id: string; displayName: string };
}

export interface BoardMoveFigures {
  athlete: { id: string; displayName: string };
  from?: number | null;
  to?: number | null;
  score: number;
}

export interface BoardUpdateFigures {
  top: readonly BoardRow[];
  moves: readonly BoardMoveFigures[];
}

/**
 * The rows after an update. They stop at the first place nobody known can fill (an athlete from beyond the
 * page moved up into it): the refetch that follows every update completes the page.
 */
export function mergeBoardUpdate(rows: readonly BoardRow[], update: BoardUpdateFigures): BoardRow[] {
  const placed = new Map<number, BoardRow>();
  for (const entry of update.top) placed.set(entry.rank, entry);
  for (const move of update.moves) {
    if (move.to != null && !placed.has(move.to))
      placed.set(move.to, { rank: move.to, score: move.score, athlete: move.athlete });
  }
  const known = new Set([
    ...[...placed.values()].map((row) => row.athlete.id),
    ...update.moves.map((move) => move.athlete.id),
  ]);
  // Athletes whose score did not change keep their order among themselves.
  const stayed = [...rows].sort((a, b) => a.rank - b.rank).filter((row) => !known.has(row.athlete.id));

  const merged: BoardRow[] = [];
  for (let rank = 1; ; rank += 1) {
    const fixed = placed.get(rank);
    const next = fixed ?? stayed.shift();
    if (!next) break;
    merged.push({ ...next, rank });
  }
  return merged;
}

/** Whether the page already shows this top: same athletes, ranks and scores (a board's first message). */
export function showsTop(rows: readonly BoardRow[], top: readonly BoardRow[]): boolean {
  const shown = new Map(rows.map((row) => [row.athlete.id, row]));
  return (
    top.every((entry) => {
      const row = shown.get(entry.athlete.id);
      return row !== undefined && row.rank === entry.rank && row.score === entry.score;
    }) && rows.filter((row) => row.rank <= top.length).length === top.length
  );
}
