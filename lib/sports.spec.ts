import { SPORT_TAXONOMY, SPORTS } from './sports';

describe('the sport taxonomy', () => {
  it('knows at least 20 sports', () => {
    expect(SPORTS.length).toBeGreaterThanOrEqual(20);
  });

  it.each(SPORTS)('gives %s a stop threshold below its maximum plausible speed', (sport) => {
    const { movingSpeedThresholdMps, maxPlausibleSpeedMps } = SPORT_TAXONOMY[sport];
    expect(movingSpeedThresholdMps).toBeGreaterThanOrEqual(0);
    expect(maxPlausibleSpeedMps).toBeGreaterThan(movingSpeedThresholdMps);
  });

  it('converts from km/h: a run is moving from 3 km/h and implausible beyond 45 km/h', () => {
    expect(SPORT_TAXONOMY.RUN).toMatchObject({ movingSpeedThresholdMps: 0.833, maxPlausibleSpeedMps: 12.5 });
  });
});
