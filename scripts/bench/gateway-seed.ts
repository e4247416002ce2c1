/**
 * Seeds the benchmark's data through a gateway, as an app would: athletes, each with running shoes and a
 * watch strap as gear and several finished runs wearing both, then waits until inventory has credited the
 * wear (it arrives through events) so that every measured response is the same.
 */
import { randomUUID } from 'node:crypto';
import { postGraphql } from './gateway-query';

export interface SeededAthlete {
  userId: string;
  displayName: string;
  accessToken: string;
}

const REGISTER = `mutation ($email: String!, $password: String!, $displayName: String!) {
  register(email: $email, password: $password, displayName: $displayName) { accessToken user { id } } }`;
const ADD_GEAR = `mutation ($input: AddGearInput!) { addGear(input: $input) { id } }`;
const START = `mutation ($startedAt: DateTime, $gearIds: [ID!]) {
  startWorkout(sport: RUN, startedAt: $startedAt, gearIds: $gearIds) { id } }`;
const FINISH = `mutation ($id: ID!, $finishedAt: DateTime, $distanceMeters: Float) {
  finishWorkout(id: $id, finishedAt: $finishedAt, distanceMeters: $distanceMeters) { id } }`;
const GEAR_COUNTS = `{ myGear { workoutCount } }`;

async function call<T>(url: string, query: string, variables: object, token?: string): Promise<T> {
  const { status, body } = await postGraphql(url, { query, variables }, token);
  const result = JSON.parse(body) as { data?: T; errors?: unknown[] };
  if (status !== 200 || result.errors || !result.data) {
    throw new Error(`seeding failed (HTTP ${status}): ${body.slice(0, 500)}`);
  }
  return result.data;
}

/** Retries `attempt` every 50 ms for up to 20 s: gear reaches training (and wear inventory) by events. */
async function eventually<T>(attempt: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

export async function seedAthletes(
  url: string,
  options: { athletes: number; workoutsPerAthlete: number },
): Promise<SeededAthlete[]> {
  const seeded: SeededAthlete[] = [];
  for (let a = 0; a < options.athletes; a += 1) {
    const displayName = `Bench Athlete ${a + 1}`;
    const { register } = await call<{ register: { accessToken: string; user: { id: string } } }>(
      url,
      REGISTER,
      { email: `${randomUUID()}@example.com`, password: 'correct horse battery staple', displayName },
    );
    const token = register.accessToken;
    const gearIds: string[] = [];
    for (const input of [
      { kind: 'SHOES', brand: 'Asics', model: `Novablast ${a + 1}` },
      { kind: 'OTHER', nickname: `Watch strap ${a + 1}` },
    ]) {
      gearIds.push((await call<{ addGear: { id: string } }>(url, ADD_GEAR, { input }, token)).addGear.id);
    }
    for (let w = 0; w < options.workoutsPerAthlete; w += 1) {
      const startedAt = Date.UTC(2026, 0, 1 + w, 6, 0, 0);
      const { startWorkout } = await eventually(() =>
        call<{ startWorkout: { id: string } }>(
          url,
          START,
          { startedAt: new Date(startedAt).toISOString(), gearIds },
          token,
        ),
      );
      await call(
        url,
        FINISH,
        {
          id: startWorkout.id,
          finishedAt: new Date(startedAt + 3_000_000 + w * 60_000).toISOString(),
          distanceMeters: 10_000 + w * 250,
        },
        token,
      );
    }
    await eventually(async () => {
      const { myGear } = await call<{ myGear: { workoutCount: number }[] }>(url, GEAR_COUNTS, {}, token);
      if (myGear.some((g) => g.workoutCount !== options.workoutsPerAthlete)) {
        throw new Error(`gear wear not credited yet: ${JSON.stringify(myGear)}`);
      }
    });
    seeded.push({ userId: register.user.id, displayName, accessToken: token });
  }
  return seeded;
}
