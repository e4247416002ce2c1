/**
 * GraphQL adapters of the notifications context: parse arguments, call one service method, map the result.
 * Every `User` field is the account holder's own: null for anyone else (`@auth` has already refused
 * anonymous callers); mutations act on the caller's own inbox, settings and devices.
 */
import { requireViewer } from '../../../lib/auth/viewer';
import type { RequestContext } from '../../../lib/graphql/context';
import { DateTime } from '../../../lib/graphql/scalars';
import type { Resolvers } from './__generated__/resolvers-types';
import { createDeliveryLoaders } from './delivery/delivery-loaders';
import type { DeliveryRepo } from './delivery/delivery.repo';
import type { PushDeviceRepo } from './devices/push-device.repo';
import type { PushDeviceService } from './devices/push-device.service';
import type { InboxService } from './inbox/inbox.service';
import type { SettingsService } from './preferences/settings.service';
import { WORKFLOWS } from './workflows/workflow-catalogue';
import { describeStep } from './workflows/workflow';

export interface NotificationsServices {
  inbox: InboxService;
  settings: SettingsService;
  devices: PushDeviceService;
  deliveries: Pick<DeliveryRepo, 'ofNotifications'>;
  deviceRecords: Pick<PushDeviceRepo, 'byIds'>;
  webPushPublicKey: string | null;
}

/** `read()` when the viewer is the account holder, null otherwise. */
const own = <T>(ctx: RequestContext, user: { id: string }, read: () => T): T | null =>
  ctx.viewer?.userId === user.id ? read() : null;

const catalogue = WORKFLOWS.map((w) => ({
  name: w.name,
  category: w.category,
  critical: w.critical,
  trigger: w.trigger,
  steps: w.steps.map(describeStep),
  groupHours: 'group' in w && w.group ? w.group.openHours : null,
}));

export function createResolvers(services: NotificationsServices): Resolvers {
  const { inbox, settings, devices, deliveries, deviceRecords } = services;
  const loaders = createDeliveryLoaders({ deliveries, devices: deviceRecords });
  return {
    DateTime,
    Query: {
      notificationWorkflows: () => catalogue,
      webPushPublicKey: () => services.webPushPublicKey,
    },
    Mutation: {
      markNotificationsRead: (_root, args, ctx) => inbox.markRead(requireViewer(ctx.viewer).userId, args.ids),
      markAllNotificationsRead: (_root, _args, ctx) => inbox.markAllRead(requireViewer(ctx.viewer).userId),
      archiveNotification: (_root, args, ctx) => inbox.archive(requireViewer(ctx.viewer).userId, args.id),
      updateNotificationSettings: (_root, { input }, ctx) =>
        settings.change(requireViewer(ctx.viewer).userId, input),
      registerPushDevice: (_root, { input }, ctx) =>
        devices.register(requireViewer(ctx.viewer).userId, input),
      unregisterPushDevice: (_root, args, ctx) =>
        devices.unregister(requireViewer(ctx.viewer).userId, args.id),
    },
    Subscription: {
      notificationReceived: {
        subscribe: (_root, _args, ctx) =>
          inbox.subscribe(requireViewer(ctx.viewer).userId) as AsyncIterable<never>,
        resolve: (view: unknown) => view as never,
      },
    },
    User: {
      __resolveReference: (ref) => ({ id: ref.id }),
      notifications: (user, args, ctx) =>
        own(ctx, user, () => inbox.page(user.id, args.filter ?? 'INBOX', args.first, args.after)),
      unreadNotificationCount: (user, _args, ctx) => own(ctx, user, () => inbox.unreadCount(user.id)),
      notificationSettings: (user, _args, ctx) => own(ctx, user, () => settings.settings(user.id)),
      pushDevices: (user, _args, ctx) => own(ctx, user, () => devices.list(user.id)),
      notificationDeliveries: (user, args, ctx) =>
        own(ctx, user, () => inbox.deliveryLog(user.id, args.first, args.after)),
    },
    Notification: {
      __resolveReference: (ref, ctx) => (ctx.viewer ? inbox.view(ctx.viewer.userId, ref.id) : null),
      actors: (item) => item.actorIds.map((id) => ({ id })),
      read: (item) => item.readAt !== null,
      deliveries: (item, _args, ctx) => loaders(ctx).ofNotification.load(item.id),
    },
    NotificationDelivery: {
      device: (delivery, _args, ctx) =>
        delivery.deviceId ? loaders(ctx).device.load(delivery.deviceId) : null,
    },
  };
}
