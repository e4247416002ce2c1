import {
  AddGearDocument,
  DeleteWorkoutDocument,
  FinishWorkoutDocument,
  MyGearDocument,
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
});
