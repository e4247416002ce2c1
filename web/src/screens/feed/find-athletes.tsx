/** Finds an athlete by handle and follows them (or withdraws a request, or unfollows). */
import { useApolloClient, useLazyQuery, useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { usePreferences } from '../../settings/preferences';
import { Field } from '../../ui/field';
import { Empty, ErrorMessage, Loading } from '../../ui/states';
import {
  FeedScreenFindAthleteQuery,
  FeedScreenFollowMutation,
  FeedScreenQuery,
  FeedScreenUnfollowMutation,
} from './feed-documents';
import { followAction } from './follow-state';

export function FindAthletes() {
  const [handle, setHandle] = useState('');
  const [find, found] = useLazyQuery(FeedScreenFindAthleteQuery, { fetchPolicy: 'network-only' });

  function submit(event: FormEvent) {
    event.preventDefault();
    const wanted = handle.trim();
    if (wanted) void find({ variables: { handle: wanted } }).catch(() => undefined);
  }

  const athlete = found.data?.userByHandle;
  return (
    <section className="card" aria-labelledby="find-athletes-title">
      <h2 id="find-athletes-title">Find athletes</h2>
      <form className="find-athletes" onSubmit={submit} role="search" aria-label="Find an athlete by handle">
        <Field
          label="Athlete handle"
          hint="As shown on their profile, with or without @."
          autoComplete="off"
          spellCheck={false}
          maxLength={31}
          required
          value={handle}
          onChange={(event) => setHandle(event.target.value)}
        />
        <button type="submit" disabled={found.loading}>
          Find
        </button>
      </form>
      {found.loading && <Loading what="the athlete" />}
      <ErrorMessage error={found.error} />
      {found.called && !found.loading && found.data && !athlete && (
        <Empty>
          No athlete has the handle @{found.variables?.handle.replace(/^@/, '')}, or their profile is hidden
          from you.
        </Empty>
      )}
      {athlete && !found.loading && <FoundAthlete athlete={athlete} />}
    </section>
  );
}

interface Athlete {
  id: string;
  displayName: string;
  myFollowStatus?: 'PENDING' | 'ACCEPTED' | null;
  profile?: {
    handle: string;
    bio?: string | null;
    followerCount: number;
    avatar?: { url: string } | null;
  } | null;
}

function FoundAthlete({ athlete }: { athlete: Athlete }) {
  const { userId } = usePreferences();
  const client = useApolloClient();
  // A new follow brings the athlete's recent workouts into the feed, an ended one takes them out.
  const refetchFeed = () => client.refetchQueries({ include: [FeedScreenQuery] });
  const [follow, following] = useMutation(FeedScreenFollowMutation, {
    onCompleted: () => void refetchFeed(),
  });
  const [unfollow, unfollowing] = useMutation(FeedScreenUnfollowMutation, {
    update(cache) {
      cache.modify({
        id: cache.identify({ __typename: 'User', id: athlete.id }),
        fields: { myFollowStatus: () => null, isFollowedByMe: () => false },
      });
    },
    onCompleted: () => void refetchFeed(),
  });
  const action = followAction(athlete.myFollowStatus, athlete.id === userId);
  const busy = following.loading || unfollowing.loading;

  function act() {
    const variables = { userId: athlete.id };
    const done = action.button?.does === 'follow' ? follow({ variables }) : unfollow({ variables });
    void done.catch(() => undefined);
  }

  return (
    <div className="found-athlete">
      {athlete.profile?.avatar && (
        <img className="avatar" src={athlete.profile.avatar.url} alt="" width={40} height={40} />
      )}
      <div className="found-athlete-who">
        <p>
          <strong>{athlete.displayName}</strong>
          {athlete.profile && <span className="muted"> @{athlete.profile.handle}</span>}
        </p>
        {athlete.profile && (
          <p className="muted">
            {athlete.profile.followerCount} {athlete.profile.followerCount === 1 ? 'follower' : 'followers'}
            {athlete.profile.bio && <> · {athlete.profile.bio}</>}
          </p>
        )}
      </div>
      <div className="actions">
        {action.status && <span className="follow-status">{action.status}</span>}
        {action.button && (
          <button
            type="button"
            className={action.button.does === 'unfollow' ? 'secondary' : undefined}
            disabled={busy}
            aria-label={`${action.button.label} ${athlete.displayName}`}
            onClick={act}
          >
            {action.button.label}
          </button>
        )}
      </div>
      <ErrorMessage error={following.error ?? unfollowing.error} />
    </div>
  );
}
