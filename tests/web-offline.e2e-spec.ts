import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { GPX_FIXTURES_DIR } from '../lib/testing/gpx-fixtures';
import { WebRecordMyWorkoutsDocument } from './__generated__/operations';
import { offlineButForGateway, PATIENCE_MS, screenshot, useChromium } from './support/browser';
import { useTestPlatform } from './support/test-platform';
import { sessionOfPage, signUpInBrowser } from './support/web-app';

const pulse = useTestPlatform();
const browser = useChromium();

// tests/fixtures/README.md: 104 points over 514 s, 2 736.3 m; replayed at 60× in about 9 s.
const FIXTURE = { file: 'around-visnjan-with-car.gpx', points: 104, distance: 2736.3 };

type Stores = { recordings: unknown[]; steps: unknown[] };

/** The outbox's IndexedDB stores as they are (web/src/offline/outbox.ts), read or written from the page. */
const readOutbox = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<Stores>((resolve, reject) => {
        const opening = indexedDB.open('pulse-outbox');
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const tx = opening.result.transaction(['recordings', 'steps']);
          const recordings = tx.objectStore('recordings').getAll();
          const steps = tx.objectStore('steps').getAll();
          tx.oncomplete = () => {
            opening.result.close();
            resolve({ recordings: recordings.result, steps: steps.result });
          };
        };
      }),
  );

const writeOutbox = (page: Page, stores: Stores) =>
  page.evaluate(
    (contents) =>
      new Promise<void>((resolve, reject) => {
        const opening = indexedDB.open('pulse-outbox');
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const tx = opening.result.transaction(['recordings', 'steps'], 'readwrite');
          for (const recording of contents.recordings) tx.objectStore('recordings').put(recording);
          for (const step of contents.steps) tx.objectStore('steps').put(step);
          tx.oncomplete = () => {
            opening.result.close();
            resolve();
          };
        };
      }),
    stores,
  );

async function eventuallyEmpty(page: Page) {
  const deadline = Date.now() + PATIENCE_MS;
  for (;;) {
    const { recordings, steps } = await readOutbox(page).catch(() => ({ recordings: [0], steps: [0] }));
    if (recordings.length === 0 && steps.length === 0) return;
    if (Date.now() > deadline)
      throw new Error(`The outbox still holds ${recordings.length} recordings, ${steps.length} steps`);
    await page.waitForTimeout(250);
  }
}

describe('recording offline in the web app', () => {
  it('opens offline from the service worker, records, and sends it all once when back online', async () => {
    const origin = pulse().gatewayOrigin;
    const { context, outsideRequests } = await offlineButForGateway(browser(), origin);
    const page = await context.newPage();
    await signUpInBrowser(page, origin, 'Offline Walker');
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Record', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Record' }).waitFor();

    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Record' }).waitFor();
    await page.getByText('You are offline: the recording is kept on this device').waitFor();

    await page.getByLabel('Sport').selectOption('OTHER');
    await page.getByLabel('Replay a GPX file').check();
    await page.getByLabel('GPX file', { exact: true }).setInputFiles(join(GPX_FIXTURES_DIR, FIXTURE.file));
    await page.getByLabel('Replay speed').selectOption('60');
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByText('The whole file has been replayed').waitFor();
    // Offline, the figures are the device's own.
    expect(await page.getByText('Figures computed on this device.').isVisible()).toBe(true);
    expect(await page.getByTestId('live-samples').textContent()).toBe('0');
    await page.getByRole('button', { name: 'Finish' }).click();
    await page.getByText('Finished and saved on this device').waitFor();

    const waiting = page.getByRole('list', { name: 'Recordings waiting to be sent' }).getByRole('listitem');
    await expect(waiting.count()).resolves.toBe(1);
    await expect(waiting.getByTestId('waiting-samples').textContent()).resolves.toBe(String(FIXTURE.points));
    expect(await page.getByTestId('live-distance').textContent()).toMatch(/^2\.7\d km$/);
    await screenshot(page, 'record-offline');
    // What the outbox holds now: put back later, as if every acknowledgement had been lost.
    const queued = await readOutbox(page);
    expect(queued.recordings).toHaveLength(1);
    expect(queued.steps).toHaveLength(1 + 11 + 1);

    await context.setOffline(false);
    await page.waitForURL(/\/workouts\/[0-9a-f-]{36}$/, { timeout: PATIENCE_MS });
    const workoutId = new URL(page.url()).pathname.split('/').pop()!;
    await eventuallyEmpty(page);

    const { accessToken } = await sessionOfPage(page);
    const workouts = async () =>
      (await pulse().send(WebRecordMyWorkoutsDocument, {}, accessToken)).data!.myWorkouts.edges.map(
        (e) => e.node,
      );
    const [first, ...others] = await workouts();
    expect(others).toEqual([]);
    expect(first).toMatchObject({ id: workoutId, status: 'FINISHED', sampleCount: FIXTURE.points });
    expect(Math.abs(first!.distanceMeters! - FIXTURE.distance) / FIXTURE.distance).toBeLessThan(0.005);

    // Everything sent again (start, every batch, the finish) after a reload, on two `online` events.
    const resent: string[] = [];
    page.on('request', (request) => {
      const body = request.postData() ?? '';
      for (const name of ['startWorkout', 'recordTelemetry', 'finishWorkout'])
        if (body.includes(name)) resent.push(name);
    });
    await writeOutbox(page, queued);
    await page.goto(`${origin}/record`);
    await page.getByRole('heading', { level: 1, name: 'Record' }).waitFor();
    await page.evaluate(() => {
      window.dispatchEvent(new Event('online'));
      window.dispatchEvent(new Event('online'));
    });
    await eventuallyEmpty(page);
    await page.getByText('Nothing is waiting: every recording has reached Pulse.').waitFor();
    expect(resent.filter((name) => name === 'recordTelemetry')).toHaveLength(11);
    expect(resent).toContain('startWorkout');
    expect(resent.at(-1)).toBe('finishWorkout');
    expect(await workouts()).toEqual([first]);
    expect(outsideRequests).toEqual([]);
    await context.close();
  });
});
