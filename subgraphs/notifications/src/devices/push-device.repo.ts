/** Phones (FCM registration tokens) and browsers (Web Push subscriptions) registered for push. */
import type { NotificationsTx } from '../notifications.prisma';

export type PushPlatform = 'ANDROID' | 'IOS' | 'WEB';

export interface PushDeviceRecord {
  id: string;
  userId: string;
  platform: PushPlatform;
  token: string;
  p256dh: string | null;
  auth: string | null;
  appVersion: string | null;
  createdAt: Date;
  lastSeenAt: Date;
}

/** What registering a device stores (the times are the registry's). */
export type DeviceRegistration = Omit<PushDeviceRecord, 'createdAt' | 'lastSeenAt'>;

const asRecord = <T extends { platform: string }>(row: T) => row as T & { platform: PushPlatform };

export type PushDeviceRepo = ReturnType<typeof createPushDeviceRepo>;

export function createPushDeviceRepo(tx: NotificationsTx) {
  return {
    /** Registers a device, or refreshes it (a token registered by another account moves to this one). */
    async register(device: DeviceRegistration, at: Date): Promise<PushDeviceRecord> {
      const { id, token, ...fields } = device;
      const row = await tx.pushDevice.upsert({
        where: { token },
        create: { id, token, ...fields, createdAt: at, lastSeenAt: at },
        update: { ...fields, lastSeenAt: at },
      });
      return asRecord(row);
    },
    async ofUser(userId: string): Promise<PushDeviceRecord[]> {
      const rows = await tx.pushDevice.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } });
      return rows.map(asRecord);
    },
    /** Each user's devices (none: an empty list), in one query. */
    async ofUsers(userIds: readonly string[]): Promise<Map<string, PushDeviceRecord[]>> {
      const all = new Map(userIds.map((userId) => [userId, [] as PushDeviceRecord[]]));
      const rows = await tx.pushDevice.findMany({
        where: { userId: { in: [...userIds] } },
        orderBy: { createdAt: 'asc' },
      });
      for (const row of rows) all.get(row.userId)!.push(asRecord(row));
      return all;
    },
    async byIds(ids: readonly string[]): Promise<PushDeviceRecord[]> {
      const rows = await tx.pushDevice.findMany({ where: { id: { in: [...ids] } } });
      return rows.map(asRecord);
    },
    /** Removes a device of `userId` (or any user's, without one: a token the push service says is gone). */
    async remove(id: string, userId?: string): Promise<boolean> {
      const { count } = await tx.pushDevice.deleteMany({ where: { id, ...(userId ? { userId } : {}) } });
      return count > 0;
    },
    /** Removes devices unseen since `before`; answers how many. */
    async expire(before: Date): Promise<number> {
      const { count } = await tx.pushDevice.deleteMany({ where: { lastSeenAt: { lt: before } } });
      return count;
    },
    async forget(userId: string): Promise<void> {
      await tx.pushDevice.deleteMany({ where: { userId } });
    },
  };
}
