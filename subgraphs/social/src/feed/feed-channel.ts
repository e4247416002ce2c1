/** The pub/sub channel of a viewer's live feed (`feedUpdated`); its messages carry an activity's id. */
export const feedChannel = (viewerId: string) => `social.feed.${viewerId}`;

export interface FeedMessage {
  activityId: string;
}
