/** What every social service is built from: one unit of work, a clock, and the outbox relay's wake-up. */
import type { Clock } from '../../../lib/clock';
import type { InTransaction } from '../../../lib/db/unit-of-work';
import type { EventEnvelope } from '../../../lib/events/envelope';
import type { SocialRepos } from './social.repos';

export interface SocialServiceDeps {
  /** Repositories on the client, for reads of one statement each. */
  repos: SocialRepos;
  inTransaction: InTransaction<SocialRepos>;
  clock: Clock;
  /** Wakes the outbox relay after a transaction that wrote events. */
  notify(): void;
  /** Athletes with more followers than this are not fanned out: their activities are merged when feeds are read. */
  fanOutMaxFollowers: number;
}

/** Runs work in one transaction, writes the events it collected into the outbox, then wakes the relay. */
export type Publishing = <T>(work: (repos: SocialRepos, events: EventEnvelope[]) => Promise<T>) => Promise<T>;

export function publishingIn({ inTransaction, notify }: SocialServiceDeps): Publishing {
  return async (work) => {
    const result = await inTransaction(async (repos) => {
      const events: EventEnvelope[] = [];
      const value = await work(repos, events);
      await repos.outbox.write(events);
      return value;
    });
    notify();
    return result;
  };
}
