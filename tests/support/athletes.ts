/** Builders for end-to-end tests: a registered athlete with tokens. */
import { randomUUID } from 'node:crypto';
import { RegisterDocument } from '../__generated__/operations';
import type { TestPlatform } from './test-platform';

export const PASSWORD = 'correct horse battery staple';

export async function anAthlete(pulse: TestPlatform, displayName = 'Ann Runner') {
  const email = `${randomUUID()}@example.com`;
  const result = await pulse.send(RegisterDocument, { email, password: PASSWORD, displayName });
  if (!result.data) throw new Error(`register failed: ${JSON.stringify(result.errors)}`);
  return { email, ...result.data.register };
}
