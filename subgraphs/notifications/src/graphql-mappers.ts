/** The domain types the notifications resolvers return for each GraphQL type (used by codegen's mappers). */
export type { NotificationView as Notification } from './inbox/notification-views';
export type { DeliveryRecord as NotificationDelivery } from './delivery/delivery.repo';
export type { PushDeviceRecord as PushDevice } from './devices/push-device.repo';

/** A user reference: notifications knows only the id here; identity resolves the rest. */
export interface User {
  id: string;
}
