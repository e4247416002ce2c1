/** One workout of the feed: who, what, the figures in the reader's units, kudos and the comments. */
import { useMutation } from '@apollo/client/react';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { FeedScreenItemFragment } from '../../__generated__/graphql';
import { formatDateTime } from '../../format/dates';
import { usePreferences } from '../../settings/preferences';
import { sportName } from '../../ui/sports';
import { ErrorMessage } from '../../ui/states';
import { FeedComments } from './feed-comments';
import { FeedScreenGiveKudosMutation } from './feed-documents';
import { kudosButton, kudosCountText } from './kudos-state';
import { workoutFigures } from './workout-figures';
import { Stat } from '../../ui/stat';

export function FeedItemCard({ item }: { item: FeedScreenItemFragment }) {
  const { userId, units, timeZone } = usePreferences();
  const [showComments, setShowComments] = useState(false);
  const commentsId = useId();
  const [giveKudos, kudosState] = useMutation(FeedScreenGiveKudosMutation, {
    update(cache, { data }) {
      if (!data || !workout) return;
      cache.modify({
        id: cache.identify({ __typename: 'Workout', id: workout.id }),
        fields: { kudos: () => data.giveKudos },
      });
    },
  });
  const { actor, workout } = item;
  const isOwn = actor.id === userId;
  const title = workout ? (workout.title ?? sportName(workout.sport)) : 'A workout';

  return (
    <article className="card feed-item" aria-labelledby={`${commentsId}-title`}>
      <header className="feed-item-header">
        {actor.profile?.avatar ? (
          <img className="avatar" src={actor.profile.avatar.url} alt="" width={40} height={40} />
        ) : (
          <span className="avatar" aria-hidden="true">
            {actor.displayName.slice(0, 1).toUpperCase()}
          </span>
        )}
        <div>
          <h3 id={`${commentsId}-title`}>
            {actor.displayName}
            {workout && <span className="muted"> · {sportName(workout.sport)}</span>}
          </h3>
          <p className="muted">
            {actor.profile && <>@{actor.profile.handle} · </>}
            <time dateTime={item.occurredAt}>{formatDateTime(item.occurredAt, timeZone)}</time>
          </p>
        </div>
      </header>
      {workout ? (
        <>
          <p>
            <Link to={`/workouts/${workout.id}`}>{title}</Link>
          </p>
          <dl className="stats">
            {workoutFigures(workout, units).map((figure) => (
              <Stat key={figure.label} label={figure.label} value={figure.value} />
            ))}
          </dl>
          <div className="actions feed-item-actions">
            <KudosControl
              count={workout.kudos?.count ?? 0}
              button={kudosButton({
                isOwn,
                givenByMe: workout.kudos?.givenByMe ?? false,
                sending: kudosState.loading,
              })}
              onGive={() => void giveKudos({ variables: { workoutId: workout.id } }).catch(() => undefined)}
            />
            <button
              type="button"
              className="secondary"
              aria-expanded={showComments}
              aria-controls={`${commentsId}-comments`}
              onClick={() => setShowComments((shown) => !shown)}
            >
              {showComments ? 'Hide comments' : 'Show comments'} ({workout.comments?.totalCount ?? 0})
            </button>
          </div>
          <ErrorMessage error={kudosState.error} />
          {showComments && <FeedComments id={`${commentsId}-comments`} workoutId={workout.id} />}
        </>
      ) : (
        <p className="muted">This workout is no longer available.</p>
      )}
    </article>
  );
}

function KudosControl({
  count,
  button,
  onGive,
}: {
  count: number;
  button: ReturnType<typeof kudosButton>;
  onGive: () => void;
}) {
  return (
    <>
      <span className="kudos-count">{kudosCountText(count)}</span>
      <button type="button" disabled={button.disabled} title={button.reason ?? undefined} onClick={onGive}>
        {button.label}
      </button>
    </>
  );
}
