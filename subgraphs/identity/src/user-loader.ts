/**
 * Batches the account look-ups of one request: the gateway resolves a page of `User` references
 * (e.g. the athletes of 100 workouts) in one query instead of one per reference.
 */
import DataLoader from 'dataloader';
import { validate as isUuid } from 'uuid';
import type { RequestContext } from '../../../lib/graphql/context';
import type { UserRecord } from './user.repo';

export function createUserLoaders(findByIds: (ids: readonly string[]) => Promise<UserRecord[]>) {
  const perRequest = new WeakMap<RequestContext, DataLoader<string, UserRecord | null>>();
  return (ctx: RequestContext): DataLoader<string, UserRecord | null> => {
    let loader = perRequest.get(ctx);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const rows = await findByIds(ids.filter((id) => isUuid(id)));
        const byId = new Map(rows.map((row) => [row.id, row]));
        return ids.map((id) => byId.get(id) ?? null);
      });
      perRequest.set(ctx, loader);
    }
    return loader;
  };
}
