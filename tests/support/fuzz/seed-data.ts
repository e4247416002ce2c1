/** A little of everything for a user before the fuzz: gear with a component, a finished and an open workout, a challenge. */
import type { FormattedExecutionResult } from 'graphql';
import {
  AddGearDocument,
  CreateChallengeDocument,
  FinishAtDocument,
  IssuePartnerApiKeyDocument,
  JoinChallengeDocument,
  StartAtDocument,
  StartWorkoutWithGearDocument,
} from '../../__generated__/operations';
import { eventually } from '../../../lib/testing/eventually';
import type { TestPlatform } from '../test-platform';
import { post } from './calls';
import type { Principal } from './calls';

const HOUR = 3_600_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

async function dataOf<R>(result: Promise<FormattedExecutionResult<R>>): Promise<R> {
  const { data, errors } = await result;
  if (!data || errors) throw new Error(`seeding failed: ${JSON.stringify(errors)}`);
  return data;
}

export async function seedUser(pulse: TestPlatform, user: Principal & { token: string }) {
  const send = pulse.send.bind(pulse);
  const shoes = (await dataOf(send(AddGearDocument, { input: { kind: 'SHOES', brand: 'Hoka' } }, user.token)))
    .addGear;
  const bike = (
    await dataOf(send(AddGearDocument, { input: { kind: 'BIKE', nickname: 'Canyon' } }, user.token))
  ).addGear;
  const component = await post({ url: pulse.platform.gateway.url }, user, {
    query: 'mutation ($gearId: ID!) { addGearComponent(gearId: $gearId, input: { kind: CHAIN }) { id } }',
    variables: { gearId: bike.id },
  });
  if (component.errors.length) throw new Error(`seeding failed: ${JSON.stringify(component.errors)}`);

  // Training learns about new gear through inventory.gear.changed: usable within moments.
  let finishedId = '';
  await eventually(async () => {
    finishedId = (
      await dataOf(
        send(
          StartWorkoutWithGearDocument,
          { sport: 'RUN', gearIds: [shoes.id], startedAt: ago(3 * HOUR) },
          user.token,
        ),
      )
    ).startWorkout.id;
  });
  await dataOf(
    send(FinishAtDocument, { id: finishedId, finishedAt: ago(2 * HOUR), distanceMeters: 10_000 }, user.token),
  );
  // Left open: pausing, finishing, discarding it, or streaming its progress, are someone else's to try.
  await dataOf(send(StartAtDocument, { sport: 'RIDE', startedAt: ago(HOUR / 2) }, user.token));
}

/** A challenge running now (the admin creates it, everyone joins) and a partner key of the admin's. */
export async function seedShared(
  pulse: TestPlatform,
  admin: { token: string },
  members: { token: string }[],
) {
  const send = pulse.send.bind(pulse);
  const { createChallenge } = await dataOf(
    send(
      CreateChallengeDocument,
      {
        input: {
          title: 'Fuzz month',
          goal: 'DISTANCE',
          target: 100_000,
          startsAt: ago(24 * HOUR),
          endsAt: ago(-30 * 24 * HOUR),
        },
      },
      admin.token,
    ),
  );
  for (const member of [admin, ...members]) {
    await dataOf(send(JoinChallengeDocument, { id: createChallenge.id }, member.token));
  }
  await dataOf(send(IssuePartnerApiKeyDocument, { name: 'Fuzz partner' }, admin.token));
}
