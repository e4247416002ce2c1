/**
 * Leaderboards: a board by period, sport, metric and circle, the athlete's own place on it, and the board
 * kept live by `leaderboardChanged` (rows move at once, then the page is read again).
 */
import { useQuery, useSubscription } from '@apollo/client/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { usePreferences } from '../../settings/preferences';
import { Page } from '../../ui/page';
import { Empty, ErrorMessage, Loading } from '../../ui/states';
import { BoardChoiceForm, boardInput, DEFAULT_CHOICE, type BoardChoice } from './board-choice';
import { mergeBoardUpdate, showsTop, type BoardRow } from './board-rows';
import { formatScore, ordinal } from './board-score';
import { LeaderboardsScreenChanges, LeaderboardsScreenQuery } from './leaderboard-documents';
import './leaderboards.css';
import { updatedSince } from './updated-since';

interface LiveRows {
  /** The page the rows were merged into: once the query answers again, its rows win. */
  base: unknown;
  rows: BoardRow[];
  at: Date;
}

export function LeaderboardsScreen() {
  const { units, userId } = usePreferences();
  const [choice, setChoice] = useState<BoardChoice>(DEFAULT_CHOICE);
  const board = useMemo(() => boardInput(choice), [choice]);
  const { data, error, loading, refetch } = useQuery(LeaderboardsScreenQuery, { variables: { board } });
  const [live, setLive] = useState<LiveRows | null>(null);
  const [lastChange, setLastChange] = useState<Date | null>(null);
  const page = data?.leaderboard;
  // The subscription's handler reads the page and live rows as they are when a message arrives.
  const current = useRef({ page, live });
  useEffect(() => {
    current.current = { page, live };
  }, [page, live]);

  const changes = useSubscription(LeaderboardsScreenChanges, {
    variables: { board },
    onData: ({ data: message }) => {
      const update = message.data?.leaderboardChanged;
      const { page, live } = current.current;
      if (!update || !page) return;
      const rows = live?.base === page ? live.rows : page.edges.map((edge) => edge.node);
      // The first message (no moves) is the board as it is now: news only if it changed since the page was read.
      if (update.moves.length === 0 && showsTop(rows, update.top)) return;
      const at = new Date();
      setLive({ base: page, rows: mergeBoardUpdate(rows, update), at });
      setLastChange(at);
      void refetch().catch(() => undefined);
    },
  });

  useEffect(() => {
    setLive(null);
    setLastChange(null);
  }, [board]);

  const rows = page ? (live?.base === page ? live.rows : page.edges.map((edge) => edge.node)) : [];
  return (
    <Page title="Leaderboards">
      <BoardChoiceForm choice={choice} onChange={setChoice} />
      <p className="muted">Weeks and months are counted in UTC: every athlete shares the same boards.</p>
      <LiveStatus since={lastChange} failed={!!changes.error} />
      {!data && loading && <Loading what="the leaderboard" />}
      <ErrorMessage error={error} />
      {page && (
        <>
          <p className="leaderboard-rank">
            {data.myRank
              ? `You are ${ordinal(data.myRank.rank)} of ${page.totalCount} with ${formatScore(choice.metric, data.myRank.score, units)}.`
              : 'You are not on this board yet: your next workout that is not private puts you on it.'}
          </p>
          {rows.length === 0 ? (
            <Empty>Nobody is on this board yet.</Empty>
          ) : (
            <div className="table-scroll">
              <table className="leaderboard-table">
                <caption className="muted">
                  {page.totalCount} {page.totalCount === 1 ? 'athlete' : 'athletes'}
                  {rows.length < page.totalCount ? `, the first ${rows.length} shown` : ''}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Rank</th>
                    <th scope="col">Athlete</th>
                    <th scope="col">Score</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => {
                    const me = row.athlete.id === userId;
                    return (
                      <tr
                        key={row.athlete.id}
                        className={me ? 'leaderboard-me' : undefined}
                        aria-current={me || undefined}
                      >
                        <td>{row.rank}</td>
                        <td className="leaderboard-athlete">
                          {row.athlete.displayName}
                          {me && ' (you)'}
                        </td>
                        <td>{formatScore(choice.metric, row.score, units)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </Page>
  );
}

function LiveStatus({ since, failed }: { since: Date | null; failed: boolean }) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 15_000);
    return () => window.clearInterval(timer);
  }, []);
  return (
    <p className="leaderboard-live muted" role="status" aria-live="polite">
      {failed
        ? 'Live updates are paused; the board shows what it had when last read.'
        : since
          ? `Live: ${updatedSince(since, now > since ? now : since)}`
          : 'Live: the board follows every new workout.'}
    </p>
  );
}
