/** The recommendations insights made, newest first, each with its answer or the buttons to give one. */
import { useMutation } from '@apollo/client/react';
import { useId } from 'react';
import type { InsightsScreenQueryQuery } from '../../__generated__/graphql';
import { formatDateTime, formatLocalDate } from '../../format/dates';
import { usePreferences } from '../../settings/preferences';
import { LoadMore } from '../../ui/load-more';
import { Empty, ErrorMessage } from '../../ui/states';
import { adviceName, ANSWERS, answerSentence } from './advice-words';
import { InsightsScreenRespondMutation } from './insights-documents';

type Advice = NonNullable<InsightsScreenQueryQuery['me']['recommendations']>;
type AdviceNode = Advice['edges'][number]['node'];

export function AdviceList({
  advice,
  fetchPage,
}: {
  advice: Advice;
  fetchPage: (after: string) => Promise<unknown>;
}) {
  return (
    <section aria-labelledby="insights-advice">
      <h2 id="insights-advice">Advice</h2>
      {advice.edges.length === 0 ? (
        <Empty>No advice yet: it comes after a workout when one of the rules applies to your load.</Empty>
      ) : (
        <ul className="list insights-advice">
          {advice.edges.map(({ node }) => (
            <AdviceItem key={node.id} advice={node} />
          ))}
        </ul>
      )}
      <LoadMore pageInfo={advice.pageInfo} fetchPage={fetchPage} />
    </section>
  );
}

function AdviceItem({ advice }: { advice: AdviceNode }) {
  const { timeZone } = usePreferences();
  const id = useId();
  const [respond, { loading, error }] = useMutation(InsightsScreenRespondMutation);
  const answer = answerSentence(advice.status, advice.respondedAt, (iso) => formatDateTime(iso, timeZone));
  return (
    <li>
      <article aria-labelledby={`${id}-name`}>
        <h3 id={`${id}-name`}>{adviceName(advice.kind)}</h3>
        <p id={`${id}-message`}>{advice.message}</p>
        <p className="muted">For {formatLocalDate(advice.date)}</p>
        {answer ? (
          <p className="insights-answer">{answer}</p>
        ) : (
          <div className="actions">
            {ANSWERS.map((choice) => (
              <button
                key={choice.status}
                type="button"
                className={choice.status === 'ACCEPTED' ? undefined : 'secondary'}
                disabled={loading}
                aria-describedby={`${id}-message`}
                onClick={() =>
                  void respond({ variables: { id: advice.id, status: choice.status } }).catch(() => undefined)
                }
              >
                {choice.label}
              </button>
            ))}
          </div>
        )}
        <ErrorMessage error={error} />
      </article>
    </li>
  );
}
