/** The domain types the social resolvers return for each GraphQL type (used by codegen's mappers). */
import type { Connection } from '../../../lib/graphql/relay';
import type { ListedUser } from './follows/follow.repo';
import type { CommentRecord } from './reactions/reaction.repo';
import type { WorkoutRecord } from './workouts/workout.repo';

export type { ProfileRecord as Profile } from './profiles/profile.repo';
export type { MediaRecord as Image } from './media/media.repo';
export type { ImageUploadView as ImageUpload } from './media/media.service';
export type { FeedItem } from './feed/feed.service';
export type { KudosView as WorkoutKudos } from './reactions/reactions.service';
export type { CommentRecord as Comment } from './reactions/reaction.repo';
export type { ClubRecord as Club, MembershipRecord as ClubMembership } from './clubs/club.repo';
export type { PartnerMatch as Partner } from './partners/partner-search.repo';

/** A user reference: social knows the id; identity resolves the rest. */
export interface User {
  id: string;
}

/** A workout reference: training resolves its figures. */
export interface Workout {
  id: string;
}

/** A follow from the viewer's side: the other athlete, and where it stands. */
export interface Follow {
  userId: string;
  status: 'PENDING' | 'ACCEPTED';
  requestedAt: Date;
}

export type UserConnection = Connection<ListedUser> & { totalCount: number };
export interface UserEdge {
  cursor: string;
  node: ListedUser;
}
export type CommentConnection = Connection<CommentRecord> & { workout: WorkoutRecord };
