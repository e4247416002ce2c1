/** The social feed: finding and following athletes, follow requests to answer, and the workouts of the circle. */
import { Page } from '../../ui/page';
import { FeedList } from './feed-list';
import { FindAthletes } from './find-athletes';
import { FollowRequests } from './follow-requests';
import './feed.css';

export function FeedScreen() {
  return (
    <Page title="Feed">
      <FindAthletes />
      <FollowRequests />
      <FeedList />
    </Page>
  );
}
