import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { GPX_FIXTURES_DIR } from '../lib/testing/gpx-fixtures';
import { formatDistance, formatDuration, formatElevation, formatHeartRate } from '../web/src/format/units';

import { WorkoutFiguresDocument } from './__generated__/operations';
import { offlineButForGateway, PATIENCE_MS, screenshot, useChromium } from './support/browser';
import { useTestPlatform } from './support/test-platform';
import { METRES_PER_DEGREE } from './support/tracks';
import { sessionOfPage, signUpInBrowser } from './support/web-app';

const pulse = useTestPlatform();
const browser = useChromium();
/** Reading a file is done by a worker of the training context: on a busy machine, give it time. */
const IMPORT_PATIENCE_MS = 60_000;

async function importThroughScreen(
  page: Page,
  file: string | { name: string; mimeType: string; buffer: Buffer },
  sport = '',
) {
  await page.getByRole('link', { name: 'Import', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Import a file' }).waitFor();
  await page.getByLabel('Workout file').setInputFiles(file);
  await page.getByLabel('Sport', { exact: true }).selectOption(sport);
  await page.getByRole('button', { name: 'Import' }).click();
}

async function figuresOf(page: Page, workoutId: string) {
  const { accessToken } = await sessionOfPage(page);
  const result = await pulse().send(WorkoutFiguresDocument, { id: workoutId }, accessToken);
  return result.data!.workout!;
}

const text = (page: Page, testId: string) => page.getByTestId(testId).textContent();

/** An Apple Health workout with a heart rate: 300 fixes at 1 Hz, 3 m/s due north, 140 bpm then 150 bpm. */
function healthExport() {
  const at = (second: number) => new Date(Date.UTC(2026, 10, 19, 7, 0, second)).toISOString();
  return {
    workout: {
      workoutActivityType: 'HKWorkoutActivityTypeRunning',
      startDate: at(0),
      endDate: at(299),
      sourceRevision: { source: { name: 'Workout', bundleIdentifier: 'com.apple.health' } },
      device: { name: 'Apple Watch', model: 'Watch', localIdentifier: 'W1' },
    },
    route: Array.from({ length: 300 }, (_, second) => ({
      latitude: 46 + (3 * second) / METRES_PER_DEGREE,
      longitude: 14.5,
      altitude: 300 + second / 10,
      timestamp: at(second),
    })),
    heartRate: Array.from({ length: 60 }, (_, i) => ({ startDate: at(i * 5), quantity: i < 30 ? 140 : 150 })),
  };
}

describe('workouts in the web app', () => {
  it('imports a GPX file, shows the workout as the API has it, and names a second import of it a conflict', async () => {
    const origin = pulse().gatewayOrigin;
    const { context, outsideRequests } = await offlineButForGateway(browser(), origin);
    const page = await context.newPage();
    await signUpInBrowser(page, origin, 'Lake Walker');

    await page.getByRole('link', { name: 'Workouts', exact: true }).click();
    await page.getByText('No workouts yet.').waitFor();
    const empty = page.locator('.state.empty');
    expect(await empty.getByRole('link', { name: 'Record one' }).getAttribute('href')).toBe('/record');
    expect(await empty.getByRole('link', { name: 'import a file' }).getAttribute('href')).toBe('/import');

    // The real walk around Cerknica lake (gpxpy's test file), its sport left to the file and its speed.
    await importThroughScreen(page, join(GPX_FIXTURES_DIR, 'cerknicko-jezero.gpx'));
    const open = page.getByRole('link', { name: 'Open the workout' });
    await open.waitFor({ timeout: IMPORT_PATIENCE_MS });
    // Named no sport, the file's speed says WALK (which leaves out its stretch at 30 km/h).
    expect(await page.getByRole('status').filter({ hasText: 'Imported:' }).textContent()).toMatch(
      /^Imported: Walk, \d+\.\d\d km in \d+:\d\d\. Open the workout/,
    );
    await open.click();
    await page.waitForURL(/\/workouts\/[0-9a-f-]{36}$/);
    const workoutId = page.url().split('/').pop()!;
    await page.getByTestId('workout-distance').waitFor();

    const api = await figuresOf(page, workoutId);
    expect(api).toMatchObject({ source: 'IMPORTED', sport: 'WALK', sampleCount: 296 });
    // A new athlete reads metric units; the page formats exactly what the API says.
    expect(await text(page, 'workout-distance')).toBe(formatDistance(api.distanceMeters, 'METRIC'));
    expect(await text(page, 'workout-moving-time')).toBe(formatDuration(api.movingSeconds));
    expect(await text(page, 'workout-elevation-gain')).toBe(
      formatElevation(api.elevationGainMeters, 'METRIC'),
    );
    expect(await text(page, 'workout-average-heart-rate')).toBe(
      formatHeartRate(api.metrics?.heartRate?.average),
    );
    // The file has no heart rate.
    expect(await text(page, 'workout-distance')).toMatch(/^\d+\.\d\d km$/);
    expect(await text(page, 'workout-moving-time')).toMatch(/^(\d+:)?\d+:\d\d$/);
    expect(await text(page, 'workout-elevation-gain')).toMatch(/^\d+ m$/);
    expect(await text(page, 'workout-average-heart-rate')).toBe('–');
    // The guessed sport says why.
    await page.getByText(/^Pulse guessed the sport from the track's speed/).waitFor();

    const track = page.getByRole('img', { name: 'Map of the track' });
    const points = (await track.locator('polyline').getAttribute('points'))!.trim().split(/\s+/);
    expect(points.length).toBeGreaterThan(100);
    for (const point of points) expect(point).toMatch(/^-?\d+(\.\d)?,-?\d+(\.\d)?$/);
    expect(await track.locator('image').count()).toBe(0);
    await page.getByRole('img', { name: 'Pace' }).waitFor();
    await page.getByRole('img', { name: 'Elevation' }).waitFor();
    expect(await page.getByRole('img', { name: 'Heart rate' }).count()).toBe(0);
    expect(await page.locator('path.chart-line').count()).toBe(2);
    await page.getByRole('heading', { level: 2, name: 'Splits per kilometre' }).waitFor();
    const splits = page.getByRole('region', { name: 'Splits per kilometre' }).locator('tbody tr');
    expect(await splits.count()).toBe(api.metrics!.kilometres.length);
    expect(api.metrics!.kilometres.length).toBeGreaterThan(1);
    await screenshot(page, 'workout-detail');

    await page.setViewportSize({ width: 375, height: 800 });
    await page.reload();
    await page.getByRole('img', { name: 'Elevation' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await screenshot(page, 'workout-detail-375');
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.getByRole('link', { name: 'Workouts', exact: true }).click();
    const listed = page.locator(`a[href="/workouts/${workoutId}"]`);
    await listed.waitFor();
    // Titled by the file's track name, with its sport, distance and time beside it.
    expect(await listed.textContent()).toBe('ACTIVE LOG');
    const row = page.locator('li', { has: listed });
    expect(await row.textContent()).toContain('Walk · ');
    expect(await row.textContent()).toContain(`Distance${formatDistance(api.distanceMeters, 'METRIC')}`);
    expect(await row.textContent()).toContain(`Time${formatDuration(api.movingSeconds)}`);
    await screenshot(page, 'workouts');

    // The same file again: the app points at the workout it became the first time.
    await importThroughScreen(page, join(GPX_FIXTURES_DIR, 'cerknicko-jezero.gpx'));
    const conflict = page.getByRole('alert').filter({ hasText: 'before' });
    await conflict.waitFor({ timeout: IMPORT_PATIENCE_MS });
    expect(await conflict.textContent()).toBe('You imported this activity before. See that workout.');
    expect(await conflict.getByRole('link', { name: 'See that workout' }).getAttribute('href')).toBe(
      `/workouts/${workoutId}`,
    );
    await screenshot(page, 'import-conflict');

    // Corrected on the workout's page, the sport is the athlete's and the figures are recomputed for it.
    await conflict.getByRole('link', { name: 'See that workout' }).click();
    await page.getByLabel('Sport of this workout').selectOption('OTHER');
    await page.getByRole('button', { name: 'Change sport' }).click();
    await page.getByText(/^Saved: Other\./).waitFor();
    const corrected = await figuresOf(page, workoutId);
    expect(corrected.sport).toBe('OTHER');
    await page
      .getByTestId('workout-moving-time')
      .filter({ hasText: new RegExp(`^${formatDuration(corrected.movingSeconds)}$`) })
      .waitFor();
    expect(await text(page, 'workout-distance')).toBe(formatDistance(corrected.distanceMeters, 'METRIC'));
    await page.getByText(/^Pulse guessed the sport/).waitFor({ state: 'detached' });
    // Other is read in speed, not pace.
    await page.getByRole('img', { name: 'Speed' }).waitFor();

    expect(outsideRequests).toEqual([]);
    await context.close();
  });

  it('shows the heart rate of an imported health export with its zones, and deletes a workout', async () => {
    const origin = pulse().gatewayOrigin;
    const { context, outsideRequests } = await offlineButForGateway(browser(), origin);
    const page = await context.newPage();
    await signUpInBrowser(page, origin, 'Heart Runner');

    const health = {
      name: 'run.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(healthExport())),
    };
    await importThroughScreen(page, health, 'RUN');
    const open = page.getByRole('link', { name: 'Open the workout' });
    await open.waitFor({ timeout: IMPORT_PATIENCE_MS });
    await open.click();
    await page.waitForURL(/\/workouts\/[0-9a-f-]{36}$/);
    const workoutId = page.url().split('/').pop()!;
    await page.getByTestId('workout-average-heart-rate').waitFor();

    const api = await figuresOf(page, workoutId);
    expect(api.sport).toBe('RUN');
    expect(api.metrics?.heartRate?.average).toBeGreaterThan(139);
    expect(await text(page, 'workout-average-heart-rate')).toBe(
      formatHeartRate(api.metrics!.heartRate!.average),
    );
    expect(await text(page, 'workout-distance')).toBe(formatDistance(api.distanceMeters, 'METRIC'));
    expect(await text(page, 'workout-moving-time')).toBe(formatDuration(api.movingSeconds));
    await page.getByRole('img', { name: 'Heart rate' }).waitFor({ timeout: PATIENCE_MS });
    await page.getByRole('img', { name: 'Pace' }).waitFor();

    // Without a max and resting heart rate of their own, the zones say so and where to set them.
    const zones = page.getByRole('region', { name: 'Heart-rate zones' });
    await zones.getByText(/These zones use a default maximum heart rate/).waitFor();
    expect(await zones.getByRole('link', { name: 'profile' }).getAttribute('href')).toBe('/profile');
    expect(await zones.locator('.zone-row').count()).toBe(5);

    await page.getByRole('button', { name: 'Delete workout' }).click();
    await page.getByRole('button', { name: 'Keep it' }).click();
    await page.getByRole('button', { name: 'Delete workout' }).click();
    await page.getByRole('button', { name: 'Yes, delete it' }).click();
    await page.getByRole('heading', { level: 1, name: 'Workouts' }).waitFor();
    await page.getByText('No workouts yet.').waitFor();

    await page.goto(`${origin}/workouts/${workoutId}`);
    await page.getByText('This workout does not exist or is not visible to you.').waitFor();
    expect(outsideRequests).toEqual([]);
    await context.close();
  });
});
