/** The pub/sub channel of a user's live inbox (`notificationReceived`); its messages carry an item's id. */
export const inboxChannel = (userId: string) => `notifications.inbox.${userId}`;

export interface InboxMessage {
  notificationId: string;
}
