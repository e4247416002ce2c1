/** One challenge: its goal and window, the athlete's progress, and joining or leaving it. */
import { useMutation } from '@apollo/client/react';
import { useId } from 'react';
import type { AchievementsScreenChallengeFragment } from '../../__generated__/graphql';
import { formatDate, formatDateTime } from '../../format/dates';
import { usePreferences } from '../../settings/preferences';
import { sportName } from '../../ui/sports';
import { ErrorMessage } from '../../ui/states';
import { AchievementsScreenJoinChallenge, AchievementsScreenLeaveChallenge } from './achievements-documents';
import { challengeAmount, challengeWindow, percentOf } from './progress-words';

export function ChallengeCard({ challenge }: { challenge: AchievementsScreenChallengeFragment }) {
  const { units, timeZone } = usePreferences();
  const headingId = useId();
  const [join, joining] = useMutation(AchievementsScreenJoinChallenge);
  const [leave, leaving] = useMutation(AchievementsScreenLeaveChallenge);
  const phase = challengeWindow(challenge.startsAt, challenge.endsAt);
  const progress = challenge.myProgress;
  const amount = (value: number) => challengeAmount(challenge.goal, value, units);
  const percent = progress ? percentOf(progress.current, progress.target) : 0;
  const busy = joining.loading || leaving.loading;
  const when =
    phase === 'UPCOMING'
      ? `Starts ${formatDateTime(challenge.startsAt, timeZone)}`
      : phase === 'RUNNING'
        ? `Until ${formatDateTime(challenge.endsAt, timeZone)}`
        : `Ended ${formatDate(challenge.endsAt, timeZone)}`;

  return (
    <article className="card challenge-card" aria-labelledby={headingId}>
      <h3 id={headingId}>{challenge.title}</h3>
      <p>
        {amount(challenge.target)}
        {challenge.sport ? ` of ${sportName(challenge.sport)}` : ', any sport'} · {when} ·{' '}
        {challenge.memberCount} {challenge.memberCount === 1 ? 'athlete' : 'athletes'}
      </p>
      {progress && (
        <>
          <div
            className="bar"
            role="progressbar"
            aria-label={`Your progress in ${challenge.title}`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
          >
            <span style={{ width: `${percent}%` }} />
          </div>
          <p>
            {amount(progress.current)} of {amount(progress.target)} ({percent} %)
            {progress.completed && (
              <span className="challenge-done">
                {' '}
                · Completed {formatDate(progress.completedAt, timeZone)}
              </span>
            )}
          </p>
        </>
      )}
      {phase !== 'ENDED' && (
        <div className="actions">
          {progress ? (
            <button
              type="button"
              className="secondary"
              disabled={busy}
              onClick={() => void leave({ variables: { id: challenge.id } }).catch(() => undefined)}
            >
              Leave {challenge.title}
            </button>
          ) : (
            <button
              type="button"
              disabled={busy}
              onClick={() => void join({ variables: { id: challenge.id } }).catch(() => undefined)}
            >
              Join {challenge.title}
            </button>
          )}
        </div>
      )}
      <ErrorMessage error={joining.error ?? leaving.error} />
    </article>
  );
}
