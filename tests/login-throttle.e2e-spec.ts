import { request } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { FormattedExecutionResult } from 'graphql';
import { LoginDocument } from './__generated__/operations';
import { print } from 'graphql';
import { anAthlete, PASSWORD } from './support/athletes';
import { errorCodes, useTestPlatform } from './support/test-platform';

const pulse = useTestPlatform();

// Loopback answers on all of 127.0.0.0/8, so each test client gets its own source address, as the gateway
// (which trusts no proxy) sees it.
const STRANGER = '127.0.0.2';
const OWNER = '127.0.0.3';
const SPRAYER = '127.0.0.4';

/** Signs in from `localAddress`, with extra request headers. */
function loginFrom(
  localAddress: string,
  variables: { email: string; password: string },
  headers: Record<string, string> = {},
): Promise<FormattedExecutionResult> {
  const body = JSON.stringify({ query: print(LoginDocument), variables });
  const { port } = new URL(pulse().platform.gateway.url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/graphql',
        method: 'POST',
        localAddress,
        headers: { 'content-type': 'application/json', ...headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve(JSON.parse(text) as FormattedExecutionResult));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('sign-in throttling through the gateway', () => {
  it("lets the owner in from another address after a stranger's 20 wrong passwords", async () => {
    const owner = await anAthlete(pulse());
    const codes: unknown[] = [];
    for (let i = 0; i < 20; i += 1) {
      // The stranger claims the owner's address: the gateway overwrites the header with the real one.
      const result = await loginFrom(
        STRANGER,
        { email: owner.email, password: `guess ${i}` },
        { 'x-pulse-client-ip': OWNER },
      );
      codes.push(errorCodes(result)?.[0]);
    }
    // After the fifth failure the back-off starts at 1 s: how many of the rest are checked depends on speed.
    expect(codes.slice(0, 5)).toEqual(Array(5).fill('UNAUTHENTICATED'));
    expect(codes).toContain('RATE_LIMITED');
    expect(new Set(codes)).toEqual(new Set(['UNAUTHENTICATED', 'RATE_LIMITED']));

    const fromOwner = await loginFrom(OWNER, { email: owner.email, password: PASSWORD });
    expect(fromOwner.errors).toBeUndefined();
    expect(fromOwner.data).toMatchObject({ login: { user: { id: owner.user.id } } });
  });

  it('checks only 20 of 75 passwords sprayed over 15 emails from one address, all sent at once', async () => {
    const emails = Array.from({ length: 15 }, () => `${randomUUID()}@example.com`);
    const results = await Promise.all(
      Array.from({ length: 75 }, (_, i) =>
        loginFrom(SPRAYER, { email: emails[i % 15]!, password: `Summer2026-${i}` }),
      ),
    );
    const codes = results.map((result) => errorCodes(result)?.[0]);
    expect(codes.filter((code) => code === 'UNAUTHENTICATED')).toHaveLength(20);
    expect(codes.filter((code) => code === 'RATE_LIMITED')).toHaveLength(55);
  });
});
