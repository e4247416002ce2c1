/**
 * A workout's comments, oldest first, and a form to add one. The server renders the Markdown with raw HTML
 * off and only safe links (Comment.html: "Markdown only, no HTML passes through"), so its HTML is shown as is.
 */
import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { usePreferences } from '../../settings/preferences';
import { Empty, ErrorMessage, Loading } from '../../ui/states';
import { relativeTime } from '../../format/dates';
import { FeedScreenAddCommentMutation, FeedScreenCommentsQuery } from './feed-documents';

const MAX_LENGTH = 2_000;

export function FeedComments({ id, workoutId }: { id: string; workoutId: string }) {
  const { timeZone } = usePreferences();
  const textId = useId();
  const [text, setText] = useState('');
  const { data, loading, error, refetch } = useQuery(FeedScreenCommentsQuery, { variables: { workoutId } });
  const [addComment, adding] = useMutation(FeedScreenAddCommentMutation, {
    update(cache) {
      // Every page of this workout's comments counts one more (the feed's count reads one of them).
      cache.modify({
        id: cache.identify({ __typename: 'Workout', id: workoutId }),
        fields: {
          comments: (existing) => {
            const page = existing as { totalCount?: number } | null;
            return page && typeof page.totalCount === 'number'
              ? { ...page, totalCount: page.totalCount + 1 }
              : existing;
          },
        },
      });
    },
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const written = text.trim();
    if (!written) return;
    const result = await addComment({ variables: { workoutId, text: written } }).catch(() => null);
    if (!result?.data) return;
    setText('');
    await refetch().catch(() => undefined);
  }

  const comments = data?.workout?.comments;
  return (
    <div id={id} className="feed-comments">
      {!comments && loading && <Loading what="comments" />}
      <ErrorMessage error={error} />
      {data && !comments && <Empty>This workout is no longer visible to you.</Empty>}
      {comments && comments.edges.length === 0 && <Empty>No comments yet. Be the first to cheer.</Empty>}
      {comments && comments.edges.length > 0 && (
        <ul className="list" aria-label="Comments">
          {comments.edges.map(({ node }) => (
            <li key={node.id}>
              <p className="muted">
                <strong>{node.author.displayName}</strong> ·{' '}
                <time dateTime={node.createdAt}>{relativeTime(node.createdAt, timeZone)}</time>
                {node.editedAt && ' · edited'}
              </p>
              <div className="comment-text" dangerouslySetInnerHTML={{ __html: node.html }} />
            </li>
          ))}
        </ul>
      )}
      {comments && (
        <form className="form comment-form" onSubmit={(event) => void submit(event)}>
          <div className="field">
            <label htmlFor={textId}>Add a comment</label>
            <textarea
              id={textId}
              rows={3}
              maxLength={MAX_LENGTH}
              required
              value={text}
              aria-describedby={`${textId}-hint`}
              onChange={(event) => setText(event.target.value)}
            />
            <small id={`${textId}-hint`} className="hint">
              Markdown works; @handle mentions an athlete.
            </small>
          </div>
          <ErrorMessage error={adding.error} />
          <div className="actions">
            <button type="submit" disabled={adding.loading || !text.trim()}>
              {adding.loading ? 'Posting…' : 'Post comment'}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
