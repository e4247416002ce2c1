/** The "Load more" button under a paginated list: fetches the page after the last cursor, says when it failed. */
import { useState } from 'react';
import { ErrorMessage } from './states';

interface PageInfo {
  hasNextPage: boolean;
  endCursor?: string | null;
}

export function LoadMore({
  pageInfo,
  fetchPage,
}: {
  pageInfo: PageInfo | null | undefined;
  fetchPage: (after: string) => Promise<unknown>;
}) {
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const after = pageInfo?.endCursor;
  if (!pageInfo?.hasNextPage || !after) return <ErrorMessage error={error} />;

  async function more(cursor: string) {
    setLoading(true);
    setError(null);
    try {
      await fetchPage(cursor);
    } catch (failure) {
      setError(failure);
    } finally {
      setLoading(false);
    }
  }

  return (
    <>
      <ErrorMessage error={error} />
      <p>
        <button type="button" className="secondary" disabled={loading} onClick={() => void more(after)}>
          {loading ? 'Loading more…' : 'Load more'}
        </button>
      </p>
    </>
  );
}
