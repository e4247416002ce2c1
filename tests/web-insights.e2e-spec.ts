import type { Page } from 'playwright-core';
import { eventually } from '../lib/testing/eventually';
import { formatDuration } from '../web/src/format/units';
import { raisedCountSentence } from '../web/src/screens/insights/flag-words';
import { formatLoad, formatRatio } from '../web/src/screens/insights/insights-figures';
import { loadRange } from '../web/src/screens/insights/load-range';
import { raceName } from '../web/src/screens/insights/race-words';
import {
  FinishRecordingDocument,
  LogManualDocument,
  MyInsightsDocument,
  StartWithIdDocument,
  WebProgressSettingsDocument,
} from './__generated__/operations';
import { offlineButForGateway, PATIENCE_MS, screenshot, useChromium } from './support/browser';
import { useTestPlatform } from './support/test-platform';
import { ndjson, runSamples } from './support/tracks';
import { sessionOfPage, signUpInBrowser } from './support/web-app';

const pulse = useTestPlatform();
const browser = useChromium();

const DAY_MS = 86_400_000;

/** A 5 km run in 30 minutes logged afterwards, `daysAgo` days back (a bit of history for the load). */
async function logRun(token: string, daysAgo: number) {
  const startedAt = new Date(Date.now() - daysAgo * DAY_MS - 31 * 60_000).toISOString();
  const result = await pulse().send(
    LogManualDocument,
    { input: { sport: 'RUN', startedAt, durationSeconds: 1_800, distanceMeters: 5_000 } },
    token,
  );
  if (!result.data) throw new Error(`logManualWorkout failed: ${JSON.stringify(result.errors)}`);
}

/**
 * A run recorded live that ended two minutes ago: 2 000 s at 4:00 per km (8.3 km) with a heart rate, so that
 * it has best efforts (race predictions come from them) and a load well above the two runs before it.
 */
async function recordRun(token: string) {
  const shape = { start: Date.now() - 2_120_000, seconds: 2_000, speed: 1_000 / 240 };
  const samples = runSamples(shape);
  const started = await pulse().send(
    StartWithIdDocument,
    { sport: 'RUN', startedAt: new Date(shape.start).toISOString() },
    token,
  );
  const workoutId = started.data!.startWorkout.id;
  for (let from = 0; from < samples.length; from += 500) {
    const response = await fetch(
      `${pulse().gatewayOrigin}/telemetry/workouts/${workoutId}/batches/b${from}`,
      {
        method: 'POST',
        body: ndjson(samples.slice(from, from + 500)),
        headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${token}` },
      },
    );
    expect(response.status).toBe(200);
  }
  const finished = await pulse().send(
    FinishRecordingDocument,
    { id: workoutId, finishedAt: new Date(samples.at(-1)!.t).toISOString() },
    token,
  );
  expect(finished.errors).toBeUndefined();
}

/** The form figures as the page lists them: each `dt` with the first `dd` after it. */
const shownStats = (page: Page) =>
  page.$$eval('.insights-stats .stat', (stats) =>
    Object.fromEntries(
      stats.map((stat) => [stat.querySelector('dt')!.textContent, stat.querySelector('dd')!.textContent]),
    ),
  );

describe('the web app’s insights screen', () => {
  it('shows the form, load, spikes, advice and race predictions the API has, and round-trips consent', async () => {
    const origin = pulse().gatewayOrigin;
    const { context, outsideRequests } = await offlineButForGateway(browser(), origin);
    const page = await context.newPage();
    await signUpInBrowser(page, origin, 'Ines Insights');
    const { accessToken: token } = await sessionOfPage(page);

    // Before any workout the screen says what to do first.
    await page.getByRole('link', { name: 'Insights' }).click();
    await page.getByRole('heading', { level: 1, name: 'Insights' }).waitFor();
    await page.getByText('Record a few workouts to see your load and form.').waitFor();

    // Two easy runs weeks apart, then a longer and harder one today: a load spike and advice follow.
    await logRun(token, 40);
    await logRun(token, 20);
    await recordRun(token);
    const zone = (await pulse().send(WebProgressSettingsDocument, {}, token)).data!.me.timeZone!;
    const range = loadRange(zone);
    const insights = async () => (await pulse().send(MyInsightsDocument, range, token)).data!.me;
    await eventually(async () => {
      const me = await insights();
      expect(me.trainingLoad!.filter((day) => day.workouts > 0)).toHaveLength(3);
      expect(me.loadFlags!.raisedCount).toBeGreaterThan(0);
      expect(me.recommendations!.edges.length).toBeGreaterThan(0);
      expect(me.racePredictions!.length).toBeGreaterThan(0);
    }, 2 * PATIENCE_MS);
    const me = await insights();

    await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
    await page.getByRole('link', { name: 'Insights' }).click();
    await page.getByRole('heading', { level: 2, name: 'Form today' }).waitFor();
    const form = me.form!;
    expect(await shownStats(page)).toMatchObject({
      Fitness: formatLoad(form.fitness),
      Fatigue: formatLoad(form.fatigue),
      Form: formatLoad(form.form),
      'Acute:chronic ratio': formatRatio(form.acuteChronicRatio),
      "Today's load": formatLoad(form.load),
    });
    await page.getByText(/^Fitness minus fatigue \(TSB\)\./).waitFor();

    // The chart: one point per day of the six weeks, and the sum of the API's loads under it.
    const chart = page.getByRole('img', { name: 'Daily training load' });
    const path = (await chart.locator('path.chart-line').getAttribute('d'))!;
    expect(path.match(/[ML]/g)).toHaveLength(42);
    const total = me.trainingLoad!.reduce((sum, day) => sum + day.load, 0);
    await page
      .locator('.insights-load-summary')
      .getByText(`${formatLoad(total)} AU from your workouts over 3 training days`, { exact: false })
      .waitFor();
    await page.getByLabel('Sport').selectOption('RIDE');
    await page.getByText('No load from ride workouts in these six weeks.').waitFor();
    await page.getByLabel('Sport').selectOption('RUN');
    // Every workout was a run: the same sum.
    await page
      .locator('.insights-load-summary')
      .getByText(`${formatLoad(total)} AU from run workouts over 3 training days`, { exact: false })
      .waitFor();

    // Spikes and advice are the API's, in sentences.
    const flag = me.loadFlags!.edges[0]!.node;
    const flags = page.locator('section[aria-labelledby="insights-flags"]');
    await flags.getByText(raisedCountSentence(me.loadFlags!.raisedCount)).waitFor();
    await flags
      .getByText(`your acute:chronic ratio was ${formatRatio(flag.ratio)}, above 1.5.`, { exact: false })
      .waitFor();
    await flags.getByText(flag.explanation, { exact: true }).waitFor();
    const advice = me.recommendations!.edges.map((edge) => edge.node);
    const articles = page.locator('section[aria-labelledby="insights-advice"] article');
    expect(await articles.count()).toBe(advice.length);
    // In the API's order, newest first.
    for (const [index, node] of advice.entries()) await articles.nth(index).getByText(node.message).waitFor();

    // Races: the API's predictions, named and timed the same way.
    const races = page.locator('.insights-races tbody tr');
    expect(await races.count()).toBe(me.racePredictions!.length);
    for (const prediction of me.racePredictions!) {
      const name = new RegExp(`^${raceName(prediction.race)} \\(`);
      const row = races.filter({ has: page.locator('th', { hasText: name }) });
      await row.getByText(formatDuration(prediction.predictedSeconds), { exact: true }).waitFor();
    }
    await screenshot(page, 'insights');

    // Answering advice: the buttons go, the sentence says which, the API agrees.
    const open = advice.filter((node) => node.status === 'OPEN');
    expect(open.length).toBeGreaterThan(0);
    const [accepted, dismissed] = open;
    const answer = async (id: string, button: 'Accept' | 'Dismiss', status: string) => {
      const article = articles.nth(advice.findIndex((node) => node.id === id));
      await article.getByRole('button', { name: button }).click();
      await article.getByText(new RegExp(`^You ${status.toLowerCase()} this`)).waitFor();
      expect(await article.getByRole('button').count()).toBe(0);
      const after = await insights();
      expect(after.recommendations!.edges.find((edge) => edge.node.id === id)!.node.status).toBe(status);
    };
    await answer(accepted!.id, 'Accept', 'ACCEPTED');
    if (dismissed) await answer(dismissed.id, 'Dismiss', 'DISMISSED');

    // Consent round-trips through the API and survives a reload (the notification's link, /insights).
    const share = page.getByLabel('Share my load and injury reports to train the injury model');
    expect(await share.isChecked()).toBe(false);
    await share.check();
    await page.getByText('Saved.').waitFor();
    expect((await insights()).insightsConsent).toEqual({ modelTraining: true, cohortBenchmarks: false });
    await page.goto(`${origin}/insights`);
    await page.getByRole('heading', { level: 2, name: 'Form today' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/insights');
    expect(await share.isChecked()).toBe(true);
    await share.uncheck();
    await page.getByText('Saved.').waitFor();
    expect((await insights()).insightsConsent).toEqual({ modelTraining: false, cohortBenchmarks: false });

    // A phone's width: nothing scrolls sideways.
    await page.setViewportSize({ width: 375, height: 800 });
    await page.getByRole('img', { name: 'Daily training load' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    expect(outsideRequests).toEqual([]);
    await context.close();
  });
});
