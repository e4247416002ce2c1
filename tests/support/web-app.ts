/** Steps through the web app as an athlete would, for the web app's end-to-end tests. */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { PASSWORD } from './athletes';

export interface WebAthlete {
  email: string;
  displayName: string;
}

/** Signs up through the form (the app then shows the dashboard, signed in). */
export async function signUpInBrowser(
  page: Page,
  origin: string,
  displayName = 'Ann Runner',
): Promise<WebAthlete> {
  const email = `${randomUUID()}@example.com`;
  await page.goto(`${origin}/sign-up`);
  await page.getByLabel('Name').fill(displayName);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
  return { email, displayName };
}

/** The session the app keeps in localStorage, read from the page (its tokens, for API calls of the test). */
export async function sessionOfPage(page: Page): Promise<{ userId: string; accessToken: string }> {
  const stored = await page.evaluate(() => window.localStorage.getItem('pulse.session'));
  if (!stored) throw new Error('The page has no session');
  return JSON.parse(stored) as { userId: string; accessToken: string };
}
