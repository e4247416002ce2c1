import { predictRaces, riegelSeconds, type BestEffort } from './race-predictions';

const anEffort = (
  distanceMeters: number,
  seconds: number,
  workoutId = `w-${distanceMeters}`,
): BestEffort => ({
  distanceMeters,
  seconds,
  workoutId,
  date: '2026-04-06',
});

const predictionOf = (efforts: BestEffort[], targetName: string) =>
  predictRaces(efforts).find((prediction) => prediction.targetName === targetName);

describe('riegelSeconds', () => {
  it('is T1 × (D2 / D1)^1.06', () => {
    // 2^1.06 = e^(1.06 × 0.693147) = e^0.734736 = 2.0849315; 1200 s × 2.0849315 = 2501.918 s.
    expect(riegelSeconds(1200, 5000, 10_000)).toBeCloseTo(2501.918, 3);
  });
});

describe('predictRaces', () => {
  it('predicts every target from a 5 km in 20:00', () => {
    // 10 km: 2501.918 s = 41:41.9. Half: (21097.5 / 5000)^1.06 = e^(1.06 × 1.439698) = 4.600199 →
    // 5520.239 s = 1:32:00.2. Marathon: (42195 / 5000)^1.06 = e^(1.06 × 2.132845) = 9.591101 →
    // 11509.321 s = 3:11:49.3.
    const fiveK = anEffort(5000, 1200);
    expect(predictRaces([fiveK])).toEqual([
      { targetName: '5k', distanceMeters: 5000, predictedSeconds: 1200, from: fiveK },
      {
        targetName: '10k',
        distanceMeters: 10_000,
        predictedSeconds: expect.closeTo(2501.918, 3),
        from: fiveK,
      },
      {
        targetName: 'half_marathon',
        distanceMeters: 21_097.5,
        predictedSeconds: expect.closeTo(5520.239, 3),
        from: fiveK,
      },
      {
        targetName: 'marathon',
        distanceMeters: 42_195,
        predictedSeconds: expect.closeTo(11509.321, 3),
        from: fiveK,
      },
    ]);
  });

  it('predicts each target from the effort closest to it in distance ratio', () => {
    const fiveK = anEffort(5000, 1200);
    const half = anEffort(21_097.5, 5400);
    expect(predictionOf([fiveK, half], '10k')?.from).toBe(fiveK); // ln 2 = 0.693 against ln 2.11 = 0.747
    expect(predictionOf([fiveK, half], 'half_marathon')).toMatchObject({
      predictedSeconds: 5400,
      from: half,
    });
    // 5400 × 2^1.06 = 11258.630 s = 3:07:38.6
    expect(predictionOf([fiveK, half], 'marathon')?.predictedSeconds).toBeCloseTo(11258.63, 2);
  });

  it('breaks a tie in distance ratio with the faster prediction', () => {
    // For 10 km, 5 km and 20 km both lie at |ln 2|: 1200 × 2^1.06 = 2501.9 s against 5100 × 2^−1.06 = 2446.1 s.
    const fiveK = anEffort(5000, 1200);
    const twentyK = anEffort(20_000, 5100);
    expect(predictionOf([fiveK, twentyK], '10k')).toMatchObject({
      predictedSeconds: expect.closeTo(2446.12, 2),
      from: twentyK,
    });
    expect(predictionOf([twentyK, fiveK], '10k')?.from).toBe(twentyK);
  });

  it('keeps efforts shorter than 1 500 m away from the half marathon and the marathon', () => {
    const oneK = anEffort(1000, 210);
    // 5 km: 210 × 5^1.06 = 1156.45 s; 10 km: 210 × 10^1.06 = 2411.12 s.
    expect(
      predictRaces([oneK]).map((prediction) => [prediction.targetName, prediction.predictedSeconds]),
    ).toEqual([
      ['5k', expect.closeTo(1156.45, 2)],
      ['10k', expect.closeTo(2411.12, 2)],
    ]);
    // A mile (1 609.344 m) is long enough: 360 × (21097.5 / 1609.344)^1.06 = 5507.31 s.
    expect(predictionOf([oneK, anEffort(1609.344, 360)], 'half_marathon')?.predictedSeconds).toBeCloseTo(
      5507.31,
      2,
    );
  });

  it('is empty without efforts, and leaves out efforts without a positive finite distance and time', () => {
    expect(predictRaces([])).toEqual([]);
    expect(predictRaces([anEffort(0, 1200), anEffort(5000, 0), anEffort(Number.NaN, 1200)])).toEqual([]);
  });
});
