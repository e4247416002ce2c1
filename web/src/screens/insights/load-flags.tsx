/** Load spikes, newest first: when each was raised and cleared, and why, in the flag's own words. */
import type { InsightsScreenQueryQuery } from '../../__generated__/graphql';
import { formatLocalDate } from '../../format/dates';
import { LoadMore } from '../../ui/load-more';
import { Empty } from '../../ui/states';
import { flagSentence, raisedCountSentence } from './flag-words';

type Flags = NonNullable<InsightsScreenQueryQuery['me']['loadFlags']>;

export function LoadFlags({
  flags,
  fetchPage,
}: {
  flags: Flags;
  fetchPage: (after: string) => Promise<unknown>;
}) {
  return (
    <section aria-labelledby="insights-flags">
      <h2 id="insights-flags">Load spikes</h2>
      <p className="muted">
        A spike is raised when your acute:chronic ratio climbs above 1.5, and clears below 1.3. It says your
        recent load is well above what you are used to, not that you will get injured.
      </p>
      {flags.edges.length === 0 ? (
        <Empty>No load spike so far.</Empty>
      ) : (
        <>
          <p className="insights-raised">{raisedCountSentence(flags.raisedCount)}</p>
          <ul className="list insights-flags">
            {flags.edges.map(({ node: flag }) => (
              <li key={flag.id}>
                <p>{flagSentence(flag, formatLocalDate)}</p>
                <p className="muted">{flag.explanation}</p>
              </li>
            ))}
          </ul>
        </>
      )}
      <LoadMore pageInfo={flags.pageInfo} fetchPage={fetchPage} />
    </section>
  );
}
