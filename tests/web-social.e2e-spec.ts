/**
 * The web app's Feed and Inbox in a real browser, two athletes side by side: one finds the other by handle and
 * follows (at once: profiles are for everyone by default), the other asks to follow back and is approved in
 * the UI; a run logged through the API shows live in the follower's feed, which gives kudos and comments;
 * the runner's inbox, open all along, shows both live with its unread badge, and marks everything read.
 */
import type { Page } from 'playwright-core';
import { eventually } from '../lib/testing/eventually';
import { LogManualDocument, UpdateProfileDocument } from './__generated__/operations';
import { offlineButForGateway, PATIENCE_MS, screenshot, useChromium } from './support/browser';
import { useTestPlatform } from './support/test-platform';
import { sessionOfPage, signUpInBrowser } from './support/web-app';

const pulse = useTestPlatform();
const browser = useChromium();

/** Changes the athlete's profile once social has made it (it follows identity's event); answers it. */
async function updateProfile(token: string, input: { approveFollowers: boolean }) {
  let handle = '';
  await eventually(async () => {
    const result = await pulse().send(UpdateProfileDocument, { input }, token);
    expect(result.errors).toBeUndefined();
    handle = result.data!.updateProfile.handle;
  }, PATIENCE_MS);
  return handle;
}

async function findAthlete(page: Page, handle: string) {
  await page.getByLabel('Athlete handle').fill(`@${handle}`);
  await page.getByRole('button', { name: 'Find', exact: true }).click();
}

/** Marks the document: a page that still carries the mark was not reloaded. */
const markDocument = (page: Page) => page.evaluate(() => Object.assign(window, { notReloaded: true }));
const stillSameDocument = (page: Page) =>
  page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded === true);

async function fitsPhoneWidth(page: Page): Promise<number> {
  await page.setViewportSize({ width: 375, height: 800 });
  return page.evaluate(() => document.documentElement.scrollWidth);
}

describe('the web app’s feed and inbox', () => {
  it('follows by handle, shows a run live in the feed, cheers it, and the runner’s inbox shows it live', async () => {
    const origin = pulse().gatewayOrigin;
    const a = await offlineButForGateway(browser(), origin, { timezoneId: 'Europe/Berlin' });
    const b = await offlineButForGateway(browser(), origin, { timezoneId: 'Europe/Berlin' });
    const pageA = await a.context.newPage();
    const pageB = await b.context.newPage();
    await signUpInBrowser(pageA, origin, 'Ann Social');
    await signUpInBrowser(pageB, origin, 'Bob Social');
    const ann = await sessionOfPage(pageA);
    const bob = await sessionOfPage(pageB);
    // Ann's profile keeps its defaults (for everyone, no approval); Bob approves his followers.
    const annHandle = await updateProfile(ann.accessToken, { approveFollowers: false });
    const bobHandle = await updateProfile(bob.accessToken, { approveFollowers: true });

    // Bob finds Ann by her handle and follows her: accepted at once.
    await pageB.getByRole('link', { name: 'Feed', exact: true }).click();
    await pageB.getByRole('heading', { level: 1, name: 'Feed' }).waitFor();
    await pageB.getByText('Your feed is empty.').waitFor();
    await findAthlete(pageB, annHandle);
    await pageB.getByText(`@${annHandle}`).waitFor();
    await pageB.getByRole('button', { name: 'Follow Ann Social' }).click();
    await pageB.getByRole('button', { name: 'Unfollow Ann Social' }).waitFor();
    await expect(pageB.locator('.follow-status').textContent()).resolves.toBe('Following');

    // Ann asks to follow Bob, who approves her in his feed screen.
    await pageA.getByRole('link', { name: 'Feed', exact: true }).click();
    await findAthlete(pageA, bobHandle);
    await pageA.getByRole('button', { name: 'Follow Bob Social' }).click();
    await pageA.getByRole('button', { name: 'Withdraw request Bob Social' }).waitFor();
    await expect(pageA.locator('.follow-status').textContent()).resolves.toBe('Requested');
    await pageB.reload();
    await pageB.getByRole('heading', { name: 'Follow requests (1)' }).waitFor();
    await pageB.getByRole('button', { name: 'Approve Ann Social' }).click();
    await pageB.getByRole('heading', { name: /^Follow requests/ }).waitFor({ state: 'detached' });
    await findAthlete(pageA, bobHandle);
    await pageA.getByRole('button', { name: 'Unfollow Bob Social' }).waitFor();

    // Ann's inbox is open from now on; Bob's feed too.
    await pageA.getByRole('link', { name: 'Inbox', exact: false }).first().click();
    await pageA.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
    await pageA.getByRole('heading', { name: /New followers$/ }).waitFor();
    await markDocument(pageA);
    await markDocument(pageB);

    const run = await pulse().send(
      LogManualDocument,
      {
        input: {
          sport: 'RUN',
          title: 'Morning tempo',
          startedAt: new Date(Date.now() - 3_600_000).toISOString(),
          durationSeconds: 1_800,
          distanceMeters: 8_000,
          visibility: 'FOLLOWERS',
        },
      },
      ann.accessToken,
    );
    expect(run.errors).toBeUndefined();
    const workoutId = run.data!.logManualWorkout.id;

    // Live in Bob's feed, with the figures in his (metric) units and a link to the workout.
    const item = pageB.getByRole('article').filter({ hasText: 'Ann Social' });
    await item.waitFor({ timeout: PATIENCE_MS });
    expect(await stillSameDocument(pageB)).toBe(true);
    await expect(item.getByRole('link', { name: 'Morning tempo' }).getAttribute('href')).resolves.toBe(
      `/workouts/${workoutId}`,
    );
    const figures = await item.locator('.stat').allTextContents();
    expect(figures).toEqual(['Distance8.00 km', 'Duration30:00', 'Pace3:45 /km']);
    await expect(item.locator('.kudos-count').textContent()).resolves.toBe('0 kudos');

    await item.getByRole('button', { name: 'Give kudos' }).click();
    await item.getByRole('button', { name: 'Kudos given' }).waitFor();
    expect(await item.getByRole('button', { name: 'Kudos given' }).isDisabled()).toBe(true);
    await expect(item.locator('.kudos-count').textContent()).resolves.toBe('1 kudos');

    await item.getByRole('button', { name: 'Show comments (0)' }).click();
    await item.getByText('No comments yet.', { exact: false }).waitFor();
    await item.getByLabel('Add a comment').fill('Strong **finish**! <script>alert(1)</script>');
    await item.getByRole('button', { name: 'Post comment' }).click();
    const comment = item.getByRole('list', { name: 'Comments' }).getByRole('listitem');
    await comment.locator('strong', { hasText: 'finish' }).waitFor();
    await expect(comment.locator('.comment-text').textContent()).resolves.toContain(
      '<script>alert(1)</script>',
    );
    await item.getByRole('button', { name: 'Hide comments (1)' }).waitFor();
    await expect(item.getByLabel('Add a comment').inputValue()).resolves.toBe('');
    await screenshot(pageB, 'feed');

    // Ann's inbox shows the kudos and the comment live, unread, and the badge counts every unread item.
    const kudos = pageA.getByRole('heading', { name: /Kudos$/ });
    const commented = pageA.getByRole('heading', { name: /New comment$/ });
    await kudos.waitFor({ timeout: PATIENCE_MS });
    await commented.waitFor({ timeout: PATIENCE_MS });
    expect(await stillSameDocument(pageA)).toBe(true);
    await expect(pageA.locator('.notification', { has: kudos }).textContent()).resolves.toContain(
      'Bob Social gave kudos to your Morning tempo',
    );
    await expect(pageA.locator('.notification', { has: commented }).textContent()).resolves.toContain(
      'Bob Social commented on your Morning tempo',
    );
    expect(await pageA.locator('.notification.unread', { has: kudos }).count()).toBe(1);
    expect(await pageA.locator('.notification.unread', { has: commented }).count()).toBe(1);
    const badge = pageA.getByRole('navigation').getByRole('status', { name: /unread notifications?$/ });
    await eventually(async () => {
      const unread = await pageA.locator('.notification.unread').count();
      expect(unread).toBeGreaterThanOrEqual(3);
      await expect(badge.getAttribute('aria-label')).resolves.toBe(`${unread} unread notifications`);
      await expect(badge.textContent()).resolves.toBe(String(unread));
    }, PATIENCE_MS);
    await screenshot(pageA, 'inbox');

    await pageA.getByRole('button', { name: 'Mark all read' }).click();
    await badge.waitFor({ state: 'detached' });
    expect(await pageA.locator('.notification.unread').count()).toBe(0);
    expect(await pageA.getByRole('button', { name: 'Mark all read' }).isDisabled()).toBe(true);
    expect(await stillSameDocument(pageA)).toBe(true);

    // Archived, an item leaves the inbox for the archived list.
    const followers = pageA.getByRole('heading', { name: 'New followers' });
    await pageA.getByRole('button', { name: 'Archive “New followers”' }).click();
    await followers.waitFor({ state: 'detached' });
    await pageA.getByLabel('Show').selectOption('ARCHIVED');
    await followers.waitFor();
    await expect(pageA.locator('.notification').count()).resolves.toBe(1);
    await pageA.getByLabel('Show').selectOption('INBOX');
    await kudos.waitFor();

    // Both screens fit a phone.
    expect(await fitsPhoneWidth(pageA)).toBeLessThanOrEqual(375);
    expect(await fitsPhoneWidth(pageB)).toBeLessThanOrEqual(375);

    // Ann's own run in her feed: its kudos and comment counted, and no kudos button for herself.
    await pageA.getByRole('link', { name: 'Feed', exact: true }).click();
    const own = pageA.getByRole('article').filter({ hasText: 'Morning tempo' });
    await own.waitFor();
    await expect(own.locator('.kudos-count').textContent()).resolves.toBe('1 kudos');
    expect(await own.getByRole('button', { name: 'Give kudos' }).isDisabled()).toBe(true);
    await own.getByRole('button', { name: 'Show comments (1)' }).waitFor();
    expect(await fitsPhoneWidth(pageA)).toBeLessThanOrEqual(375);

    expect(a.outsideRequests).toEqual([]);
    expect(b.outsideRequests).toEqual([]);
    await a.context.close();
    await b.context.close();
  }, 300_000);
});
