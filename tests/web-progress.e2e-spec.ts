import type { Page } from 'playwright-core';
import { eventually } from '../lib/testing/eventually';
import {
  AddGearDocument,
  CreateChallengeDocument,
  DeleteWorkoutDocument,
  LeaderboardDocument,
  MyGearDocument,
  RegisterDocument,
  WebProgressLogRunDocument,
  WebProgressSettingsDocument,
} from './__generated__/operations';
import { PASSWORD } from './support/athletes';
import { offlineButForGateway, PATIENCE_MS, screenshot, useChromium } from './support/browser';
import { useTestPlatform } from './support/test-platform';
import { sessionOfPage, signUpInBrowser } from './support/web-app';

const ADMIN_EMAIL = 'web-progress-admin@example.com';
const pulse = useTestPlatform({ ADMIN_EMAILS: ADMIN_EMAIL });
const browser = useChromium();

/** A run logged afterwards that ended a minute ago (so it lies in this week, for the boards and the dashboard). */
function aRun(distanceMeters: number, minutes: number, gearIds?: string[]) {
  return {
    sport: 'RUN' as const,
    startedAt: new Date(Date.now() - (minutes + 1) * 60_000).toISOString(),
    durationSeconds: minutes * 60,
    distanceMeters,
    ...(gearIds && { gearIds }),
  };
}

async function logRun(token: string, distanceMeters: number, minutes: number) {
  const result = await pulse().send(
    WebProgressLogRunDocument,
    { input: aRun(distanceMeters, minutes) },
    token,
  );
  if (!result.data) throw new Error(`logManualWorkout failed: ${JSON.stringify(result.errors)}`);
  return result.data.logManualWorkout;
}

/** The athletes' names in the order the leaderboard's table shows them. */
const boardNames = (page: Page) =>
  page.locator('.leaderboard-table tbody tr td:nth-child(2)').allTextContents();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the web app’s progress screens', () => {
  it('moves a rival above the athlete on the weekly distance board live, without a reload', async () => {
    const origin = pulse().gatewayOrigin;
    const first = await offlineButForGateway(browser(), origin);
    const second = await offlineButForGateway(browser(), origin);
    const pageA = await first.context.newPage();
    const pageB = await second.context.newPage();
    await signUpInBrowser(pageA, origin, 'Ada Leader');
    await signUpInBrowser(pageB, origin, 'Bea Chaser');
    const ada = await sessionOfPage(pageA);
    const bea = await sessionOfPage(pageB);

    await logRun(ada.accessToken, 5_000, 25);
    const board = { metric: 'DISTANCE' as const, period: 'WEEK' as const };
    await eventually(async () => {
      const page = await pulse().send(LeaderboardDocument, { board, first: 100 }, ada.accessToken);
      expect(page.data!.leaderboard.edges.map((e) => e.node.athlete.id)).toContain(ada.userId);
    }, PATIENCE_MS);

    for (const page of [pageA, pageB]) {
      await page.getByRole('link', { name: 'Leaderboards' }).click();
      await page.getByRole('heading', { level: 1, name: 'Leaderboards' }).waitFor();
      await page.locator('.leaderboard-table').getByText('Ada Leader').waitFor();
    }
    // Weekly distance of everyone is what the screen opens on.
    expect(await pageA.getByLabel('Period').inputValue()).toBe('WEEK');
    expect(await pageA.getByLabel('Ranked by').inputValue()).toBe('DISTANCE');
    expect(await pageA.getByLabel('Athletes').inputValue()).toBe('EVERYONE');
    expect(await boardNames(pageA)).toEqual(['Ada Leader (you)']);
    await expect(pageA.locator('tr[aria-current="true"]').textContent()).resolves.toContain('5.00 km');
    await expect(pageA.locator('.leaderboard-rank').textContent()).resolves.toBe(
      'You are 1st of 1 with 5.00 km.',
    );
    expect(await boardNames(pageB)).toEqual(['Ada Leader']);
    await expect(pageB.locator('.leaderboard-rank').textContent()).resolves.toMatch(/not on this board yet/);
    // A reload would lose this mark.
    await pageA.evaluate(() => ((window as unknown as { stillThisPage: boolean }).stillThisPage = true));

    await logRun(bea.accessToken, 8_000, 40);

    await pageA.waitForFunction(
      () => {
        const cells = [...document.querySelectorAll('.leaderboard-table tbody tr td:nth-child(2)')];
        return cells.map((cell) => cell.textContent).join('|') === 'Bea Chaser|Ada Leader (you)';
      },
      null,
      { timeout: PATIENCE_MS },
    );
    expect(await boardNames(pageA)).toEqual(['Bea Chaser', 'Ada Leader (you)']);
    const ranks = await pageA.locator('.leaderboard-table tbody tr td:first-child').allTextContents();
    expect(ranks).toEqual(['1', '2']);
    expect(await pageA.locator('.leaderboard-table tbody tr td:last-child').allTextContents()).toEqual([
      '8.00 km',
      '5.00 km',
    ]);
    await pageA.getByText('Live: updated just now').waitFor();
    await pageA.locator('.leaderboard-rank').getByText('You are 2nd of 2 with 5.00 km.').waitFor();
    expect(await pageA.evaluate(() => (window as unknown as { stillThisPage?: boolean }).stillThisPage)).toBe(
      true,
    );
    await screenshot(pageA, 'leaderboards');

    // Bea's own page follows too, with her row marked.
    await pageB.locator('tr[aria-current="true"]').getByText('Bea Chaser (you)').waitFor();
    expect(first.outsideRequests).toEqual([]);
    expect(second.outsideRequests).toEqual([]);
    await first.context.close();
    await second.context.close();
  });

  it('adds shoes, makes them the default for runs, and shows the wear a run put on them', async () => {
    const origin = pulse().gatewayOrigin;
    const { context, outsideRequests } = await offlineButForGateway(browser(), origin);
    const page = await context.newPage();
    await signUpInBrowser(page, origin, 'Gus Gear');
    const gus = await sessionOfPage(page);
    // A new athlete's dashboard says what to do first.
    await page.getByText('No workouts this week yet.').waitFor();
    await page.getByText('Nothing recorded yet.').waitFor();

    await page.getByRole('link', { name: 'Gear' }).click();
    await page.getByText('No gear yet.').waitFor();
    await page.getByLabel('Kind').selectOption('SHOES');
    await page.getByLabel('Brand').fill('Brooks');
    await page.getByLabel('Model').fill('Ghost 16');
    await page.getByRole('button', { name: 'Add gear' }).click();
    const shoes = page.getByRole('article', { name: 'Brooks Ghost 16' });
    await shoes.waitFor();
    await expect(
      shoes.getByRole('meter', { name: 'Wear of Brooks Ghost 16' }).getAttribute('aria-valuenow'),
    ).resolves.toBe('0');
    await shoes.getByText('0 m of 700.00 km (0 %)').waitFor();

    await shoes.getByLabel('Use by default for').selectOption('RUN');
    await shoes.getByRole('button', { name: 'Set as default' }).click();
    await shoes.getByText('Default for Run').waitFor();
    const gear = await pulse().send(MyGearDocument, {}, gus.accessToken);
    const shoesId = gear.data!.myGear[0]!.id;

    // Training learns of new defaults a moment after inventory: a run logged before that has no gear, and
    // is taken back before trying again.
    let runId = '';
    await eventually(async () => {
      const run = await logRun(gus.accessToken, 10_000, 50);
      if (!run.gearIds.includes(shoesId)) {
        await pulse().send(DeleteWorkoutDocument, { id: run.id }, gus.accessToken);
        await sleep(500);
        throw new Error('The run did not get the default shoes yet');
      }
      runId = run.id;
    }, PATIENCE_MS);
    expect(runId).not.toBe('');
    await eventually(async () => {
      const worn = await pulse().send(MyGearDocument, {}, gus.accessToken);
      expect(worn.data!.myGear[0]).toMatchObject({ distanceMeters: 10_000, workoutCount: 1 });
    }, PATIENCE_MS);

    await page.reload();
    await shoes.getByText('10.00 km of 700.00 km (1 %)').waitFor();
    const meter = shoes.getByRole('meter', { name: 'Wear of Brooks Ghost 16' });
    expect(Number(await meter.getAttribute('aria-valuenow'))).toBeCloseTo((10_000 / 700_000) * 100, 3);
    expect(await meter.getAttribute('class')).toBe('bar');
    await shoes.getByText('1 workout ·').waitFor();

    // A bike wears out by its components instead.
    await page.getByLabel('Kind').selectOption('BIKE');
    await page.getByLabel('Nickname').fill('Commuter');
    await page.getByRole('button', { name: 'Add gear' }).click();
    const bike = page.getByRole('article', { name: 'Commuter' });
    await bike.getByText('0 m, no wear limit').waitFor();
    await bike.getByText('Add a component to Commuter').click();
    await bike.getByLabel('Component', { exact: true }).selectOption('CHAIN');
    await bike.getByRole('button', { name: 'Add component' }).click();
    await bike.getByRole('meter', { name: 'Wear of Chain' }).waitFor();
    await bike.getByText('0 m of 5000.00 km (0 %)').waitFor();
    await screenshot(page, 'gear');

    // Retiring asks first, then lists the shoes apart.
    await shoes.getByRole('button', { name: 'Retire' }).click();
    await shoes.getByRole('button', { name: 'Yes, retire Brooks Ghost 16' }).click();
    await page.getByRole('heading', { level: 2, name: 'Retired' }).waitFor();
    await shoes.waitFor({ state: 'detached' });
    await expect(page.locator('section[aria-labelledby="gear-retired"]').textContent()).resolves.toContain(
      'Brooks Ghost 16',
    );
    expect(outsideRequests).toEqual([]);
    await context.close();
  });

  it('switches to imperial units and sets heart rates, then shows miles on the dashboard', async () => {
    const origin = pulse().gatewayOrigin;
    const { context, outsideRequests } = await offlineButForGateway(browser(), origin);
    const page = await context.newPage();
    await signUpInBrowser(page, origin, 'Ivy Imperial');
    const ivy = await sessionOfPage(page);
    const run = await logRun(ivy.accessToken, 5_000, 30);

    await page.getByRole('link', { name: 'Profile' }).click();
    await page.getByRole('heading', { level: 2, name: 'Profile and preferences' }).waitFor();
    expect(await page.getByLabel('Units').inputValue()).toBe('METRIC');
    await page.getByLabel('Units').selectOption('IMPERIAL');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Profile saved.').waitFor();

    // The API's checks come back as sentences with the fields' names.
    await page.getByLabel('Maximum heart rate (bpm)').fill('180');
    await page.getByLabel('Resting heart rate (bpm)').fill('190');
    await page.getByRole('button', { name: 'Save heart rates' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toBe(
      'Resting heart rate must be an integer from 25 to 120.',
    );
    await page.getByLabel('Resting heart rate (bpm)').fill('48');
    await page.getByRole('button', { name: 'Save heart rates' }).click();
    await page.getByText('Heart rates saved.').waitFor();
    const settings = await pulse().send(WebProgressSettingsDocument, {}, ivy.accessToken);
    expect(settings.data!.me).toMatchObject({
      profile: { units: 'IMPERIAL' },
      trainingProfile: { maxHeartRate: 180, restingHeartRate: 48 },
    });
    await screenshot(page, 'profile');

    // No reload: the app's preferences were read again after saving.
    await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
    const week = page.locator('section[aria-labelledby="dashboard-week"]');
    await week.getByText('3.11 mi').waitFor();
    await page.locator(`a[href="/workouts/${run.id}"]`).waitFor();
    await expect(page.locator('.dashboard-recent').textContent()).resolves.toContain('3.11 mi');
    await screenshot(page, 'dashboard');

    // The first workout unlocks an achievement a moment later (gamification follows training's events).
    await page.getByRole('link', { name: 'Achievements' }).click();
    const unlocked = page.locator('section[aria-labelledby="achievements-unlocked"] li');
    await eventually(async () => {
      if ((await unlocked.count()) === 0) {
        await sleep(1_000);
        await page.reload();
        await page.getByRole('heading', { level: 2, name: 'Unlocked' }).waitFor();
      }
      expect(await unlocked.count()).toBeGreaterThan(0);
    }, PATIENCE_MS);
    await expect(unlocked.first().textContent()).resolves.toMatch(/Unlocked \w+/);

    // A challenge an admin opened: joined and left from the screen, its progress in miles.
    const admin = await pulse().send(RegisterDocument, {
      email: ADMIN_EMAIL,
      password: PASSWORD,
      displayName: 'Challenge Admin',
    });
    const challenge = await pulse().send(
      CreateChallengeDocument,
      {
        input: {
          title: 'Twenty kilometres',
          goal: 'DISTANCE',
          target: 20_000,
          startsAt: new Date(Date.now() - 86_400_000).toISOString(),
          endsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        },
      },
      admin.data!.register.accessToken,
    );
    expect(challenge.errors).toBeUndefined();
    await page.reload();
    const card = page.getByRole('article', { name: 'Twenty kilometres' });
    await card.getByText('12.43 mi, any sport').waitFor();
    await card.getByRole('button', { name: 'Join Twenty kilometres' }).click();
    await card.getByText('3.11 mi of 12.43 mi (25 %)').waitFor();
    await expect(
      card
        .getByRole('progressbar', { name: 'Your progress in Twenty kilometres' })
        .getAttribute('aria-valuenow'),
    ).resolves.toBe('25');
    await screenshot(page, 'achievements');
    await card.getByRole('button', { name: 'Leave Twenty kilometres' }).click();
    await card.getByRole('button', { name: 'Join Twenty kilometres' }).waitFor();
    expect(await card.getByRole('progressbar').count()).toBe(0);
    expect(outsideRequests).toEqual([]);
    await context.close();
  });

  it('fits every progress screen into a 375 px wide phone', async () => {
    const origin = pulse().gatewayOrigin;
    const { context, outsideRequests } = await offlineButForGateway(browser(), origin, {
      viewport: { width: 375, height: 740 },
    });
    const page = await context.newPage();
    await signUpInBrowser(page, origin, 'Pat Phone-With-A-Rather-Long-Display-Name');
    const pat = await sessionOfPage(page);
    const added = await pulse().send(
      AddGearDocument,
      { input: { kind: 'SHOES', brand: 'Hoka', model: 'Speedgoat 6 Wide', initialDistanceMeters: 650_000 } },
      pat.accessToken,
    );
    const shoesId = added.data!.addGear.id;
    await eventually(async () => {
      const run = await pulse().send(
        WebProgressLogRunDocument,
        { input: aRun(12_000, 60, [shoesId]) },
        pat.accessToken,
      );
      if (!run.data) {
        await sleep(500);
        throw new Error(JSON.stringify(run.errors));
      }
    }, PATIENCE_MS);

    const screens: [string, string][] = [
      ['/', 'This week'],
      ['/gear', 'In use'],
      ['/leaderboards', 'Pat Phone-With-A-Rather-Long-Display-Name'],
      ['/achievements', 'Challenges'],
      ['/profile', 'Heart rate'],
    ];
    for (const [path, content] of screens) {
      await page.goto(`${origin}${path}`);
      await page.getByText(content, { exact: false }).first().waitFor();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect({ path, fits: width <= 375 }).toEqual({ path, fits: true });
    }
    expect(outsideRequests).toEqual([]);
    await context.close();
  });
});
