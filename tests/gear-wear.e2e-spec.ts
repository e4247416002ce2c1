import {
  AddGearDocument,
  DeleteWorkoutDocument,
  FinishWorkoutDocument,
  MyGearDocument,
  RetireGearDocument,
  StartWorkoutWithGearDocument,
  UpdateWorkoutDistanceDocument,
} from './__generated__/operations';
import { eventually } from '../lib/testing/eventually';
import { anAthlete } from './support/athletes';
import { useTestPlatform } from './support/test-platform';

const pulse = useTestPlatform();

describe('gear wears as workouts finish (training → events → inventory)', () => {
  it('credits the finished distance to every gear item used, corrects it on edit and reverses it on delete', async () => {
    const { accessToken: token } = await anAthlete(pulse());
    const shoes = (
      await pulse().send(
        AddGearDocument,
        { input: { kind: 'SHOES', brand: 'Hoka', model: 'Clifton 9', initialDistanceMeters: 120_000 } },
        token,
      )
    ).data!.addGear;
    const spare = (
      await pulse().send(AddGearDocument, { input: { kind: 'OTHER', nickname: 'Race belt' } }, token)
    ).data!.addGear;
    expect(shoes).toMatchObject({
      name: 'Hoka Clifton 9',
      distanceMeters: 120_000,
      retirementDistanceMeters: 700_000,
    });

    // Training learns about new gear through inventory.gear.changed: usable within moments.
    let workoutId = '';
    await eventually(async () => {
      const started = await pulse().send(
        StartWorkoutWithGearDocument,
        { sport: 'RUN', gearIds: [shoes.id, spare.id], startedAt: '2026-11-20T06:00:00Z' },
        token,
      );
      expect(started.errors).toBeUndefined();
      workoutId = started.data!.startWorkout.id;
      // Workout.gear is resolved by inventory from training's gearIds (@requires).
      expect(started.data!.startWorkout.gear.map((g) => g.name).sort()).toEqual([
        'Hoka Clifton 9',
        'Race belt',
      ]);
    });

    await pulse().send(FinishWorkoutDocument, { id: workoutId, distanceMeters: 10_000 }, token);
    const distances = async () =>
      Object.fromEntries(
        (await pulse().send(MyGearDocument, {}, token)).data!.myGear.map((g) => [g.id, g.distanceMeters]),
      );
    await eventually(async () =>
      expect(await distances()).toEqual({ [shoes.id]: 130_000, [spare.id]: 10_000 }),
    );

    await pulse().send(UpdateWorkoutDistanceDocument, { id: workoutId, distanceMeters: 12_000 }, token);
    await eventually(async () =>
      expect(await distances()).toEqual({ [shoes.id]: 132_000, [spare.id]: 12_000 }),
    );

    await pulse().send(DeleteWorkoutDocument, { id: workoutId }, token);
    await eventually(async () => expect(await distances()).toEqual({ [shoes.id]: 120_000, [spare.id]: 0 }));
  });

  it('shows the wear status of shoes as workouts take them past 80 %, then 100 %, also once retired', async () => {
    const { accessToken: token } = await anAthlete(pulse());
    const flats = (
      await pulse().send(
        AddGearDocument,
        { input: { kind: 'SHOES', nickname: 'Race flats', retirementDistanceMeters: 20_000 } },
        token,
      )
    ).data!.addGear;
    const wearOfFlats = async (includeRetired = false) => {
      const { myGear } = (await pulse().send(MyGearDocument, { includeRetired }, token)).data!;
      const found = myGear.find((g) => g.id === flats.id)!;
      const { status, distanceMeters, wearStatus, wearThresholdPercent, wearThresholdReachedAt } = found;
      return { status, distanceMeters, wearStatus, wearThresholdPercent, wearThresholdReachedAt };
    };
    const run = async (day: string, distanceMeters: number) => {
      let id = '';
      // The first run waits until training knows the new gear (inventory.gear.changed).
      await eventually(async () => {
        const started = await pulse().send(
          StartWorkoutWithGearDocument,
          { sport: 'RUN', gearIds: [flats.id], startedAt: `${day}T06:00:00Z` },
          token,
        );
        expect(started.errors).toBeUndefined();
        id = started.data!.startWorkout.id;
      });
      const finished = await pulse().send(
        FinishWorkoutDocument,
        { id, finishedAt: `${day}T07:30:00Z`, distanceMeters },
        token,
      );
      expect(finished.errors).toBeUndefined();
    };

    expect(await wearOfFlats()).toEqual({
      status: 'ACTIVE',
      distanceMeters: 0,
      wearStatus: 'FINE',
      wearThresholdPercent: null,
      wearThresholdReachedAt: null,
    });

    await run('2026-11-20', 17_000); // 85 %
    await eventually(async () =>
      expect(await wearOfFlats()).toEqual({
        status: 'ACTIVE',
        distanceMeters: 17_000,
        wearStatus: 'REPLACE_SOON',
        wearThresholdPercent: 80,
        wearThresholdReachedAt: expect.any(String),
      }),
    );
    const reached80 = Date.parse((await wearOfFlats()).wearThresholdReachedAt!);

    await run('2026-11-21', 5_000); // 110 %
    await eventually(async () =>
      expect(await wearOfFlats()).toEqual({
        status: 'ACTIVE',
        distanceMeters: 22_000,
        wearStatus: 'REPLACE',
        wearThresholdPercent: 100,
        wearThresholdReachedAt: expect.any(String),
      }),
    );
    const worn = await wearOfFlats();
    expect(Date.parse(worn.wearThresholdReachedAt!)).toBeGreaterThanOrEqual(reached80);

    // Retired gear keeps showing its wear; `status` says it is out of use.
    await pulse().send(RetireGearDocument, { id: flats.id }, token);
    expect(await wearOfFlats(true)).toEqual({ ...worn, status: 'RETIRED' });
  });
});
