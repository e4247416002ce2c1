/** The feed's items newest first, a page at a time, with the items `feedUpdated` announces merged in live. */
import { useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { LoadMore } from '../../ui/load-more';
import { Empty, ErrorMessage, Loading } from '../../ui/states';
import { FeedItemCard } from './feed-item-card';
import { FeedScreenQuery, FeedScreenUpdatedSubscription } from './feed-documents';
import { mergeNewestFirst } from '../../api/merge-newest-first';

const PAGE_SIZE = 10;
const occurredAt = (item: { occurredAt: string }) => item.occurredAt;

export function FeedList() {
  const { data, error, loading, fetchMore, subscribeToMore } = useQuery(FeedScreenQuery, {
    variables: { first: PAGE_SIZE },
  });
  const [liveCount, setLiveCount] = useState(0);

  useEffect(
    () =>
      subscribeToMore({
        document: FeedScreenUpdatedSubscription,
        updateQuery: (_, { previousData, complete, subscriptionData }) => {
          if (!complete) return;
          const item = subscriptionData.data.feedUpdated;
          setLiveCount((n) => n + 1);
          return {
            ...previousData,
            feed: {
              ...previousData.feed,
              edges: mergeNewestFirst(
                previousData.feed.edges,
                [{ __typename: 'FeedEdge' as const, node: item }],
                occurredAt,
              ),
            },
          };
        },
      }),
    [subscribeToMore],
  );

  const loadMore = (after: string) =>
    fetchMore({
      variables: { after },
      updateQuery: (previous, { fetchMoreResult }) => ({
        ...previous,
        feed: {
          ...fetchMoreResult.feed,
          edges: mergeNewestFirst(previous.feed.edges, fetchMoreResult.feed.edges, occurredAt),
        },
      }),
    });

  const feed = data?.feed;
  return (
    <section aria-labelledby="feed-items-title">
      <h2 id="feed-items-title">Latest workouts</h2>
      <p className="visually-hidden" role="status" aria-live="polite">
        {liveCount > 0
          ? `${liveCount} new ${liveCount === 1 ? 'workout' : 'workouts'} arrived in your feed.`
          : ''}
      </p>
      {!feed && loading && <Loading what="your feed" />}
      <ErrorMessage error={error} />
      {feed && feed.edges.length === 0 && (
        <Empty>
          Your feed is empty. Find athletes by their handle above and follow them: their workouts show here
          with yours, newest first, as soon as they finish them.
        </Empty>
      )}
      {feed && feed.edges.length > 0 && (
        <ol className="feed-items" aria-label="Workouts, newest first">
          {feed.edges.map(({ node }) => (
            <li key={node.id}>
              <FeedItemCard item={node} />
            </li>
          ))}
        </ol>
      )}
      <LoadMore pageInfo={feed?.pageInfo} fetchPage={loadMore} />
    </section>
  );
}
