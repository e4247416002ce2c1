/**
 * Batches the look-ups of one request: the delivery log of a page of inbox items, and the devices of a page
 * of deliveries, each in one query instead of one per item.
 */
import DataLoader from 'dataloader';
import type { RequestContext } from '../../../../lib/graphql/context';
import type { PushDeviceRecord, PushDeviceRepo } from '../devices/push-device.repo';
import type { DeliveryRecord, DeliveryRepo } from './delivery.repo';

export interface DeliveryLoaders {
  ofNotification: DataLoader<string, DeliveryRecord[]>;
  device: DataLoader<string, PushDeviceRecord | null>;
}

export function createDeliveryLoaders(deps: {
  deliveries: Pick<DeliveryRepo, 'ofNotifications'>;
  devices: Pick<PushDeviceRepo, 'byIds'>;
}) {
  const perRequest = new WeakMap<RequestContext, DeliveryLoaders>();
  return (ctx: RequestContext): DeliveryLoaders => {
    let loaders = perRequest.get(ctx);
    if (!loaders) {
      loaders = {
        ofNotification: new DataLoader(async (ids) => {
          const rows = await deps.deliveries.ofNotifications(ids);
          return ids.map((id) => rows.filter((row) => row.notificationId === id));
        }),
        device: new DataLoader(async (ids) => {
          const found = new Map((await deps.devices.byIds(ids)).map((d) => [d.id, d]));
          return ids.map((id) => found.get(id) ?? null);
        }),
      };
      perRequest.set(ctx, loaders);
    }
    return loaders;
  };
}
