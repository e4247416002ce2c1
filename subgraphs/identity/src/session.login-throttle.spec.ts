import { HOME, newTestSessions, PASSWORD } from './session.fixture';

const STRANGER = '198.51.100.7';
const ANN = 'ann@example.com';

async function withAnn() {
  const kit = await newTestSessions();
  await kit.accounts.register({ email: ANN, password: PASSWORD, displayName: 'Ann' });
  const attempt = (email: string, password: string, address: string) =>
    kit.sessions.login(email, password, address).then(
      () => 'SIGNED_IN',
      (error: { code?: string }) => error.code,
    );
  return { ...kit, attempt };
}

describe('login throttling per client address', () => {
  it("does not lock the owner out after a stranger's 20 wrong passwords", async () => {
    const { attempt } = await withAnn();
    const stranger: (string | undefined)[] = [];
    for (let i = 0; i < 20; i += 1) stranger.push(await attempt(ANN, 'guess', STRANGER));
    expect(stranger.slice(0, 5)).toEqual(Array(5).fill('UNAUTHENTICATED'));
    expect(stranger.slice(5)).toEqual(Array(15).fill('RATE_LIMITED'));
    expect(await attempt(ANN, PASSWORD, STRANGER)).toBe('RATE_LIMITED');
    expect(await attempt(ANN, PASSWORD, HOME)).toBe('SIGNED_IN');
  });

  it('refuses an address spraying passwords over many emails after 20 failed checks', async () => {
    const { attempt } = await withAnn();
    const answers: (string | undefined)[] = [];
    for (let i = 0; i < 75; i += 1)
      answers.push(await attempt(`user${i % 15}@example.com`, 'guess', STRANGER));
    expect(answers.filter((a) => a === 'UNAUTHENTICATED')).toHaveLength(20);
    expect(answers.slice(20)).toEqual(Array(55).fill('RATE_LIMITED'));
    expect(await attempt(ANN, PASSWORD, STRANGER)).toBe('RATE_LIMITED');
    expect(await attempt(ANN, PASSWORD, HOME)).toBe('SIGNED_IN');
  });

  it('checks at most 20 passwords of a burst sent from one address all at once', async () => {
    const { attempt } = await withAnn();
    const answers = await Promise.all(
      Array.from({ length: 75 }, (_, i) => attempt(`user${i % 15}@example.com`, 'guess', STRANGER)),
    );
    expect(answers.filter((a) => a === 'UNAUTHENTICATED')).toHaveLength(20);
    expect(answers.filter((a) => a === 'RATE_LIMITED')).toHaveLength(55);
  });

  it('keeps counting an address across emails when it signs in to its own account', async () => {
    const { attempt, accounts } = await withAnn();
    await accounts.register({ email: 'eve@example.com', password: PASSWORD, displayName: 'Eve' });
    for (let i = 0; i < 19; i += 1) await attempt(`user${i}@example.com`, 'guess', STRANGER);
    expect(await attempt('eve@example.com', PASSWORD, STRANGER)).toBe('SIGNED_IN');
    expect(await attempt('user19@example.com', 'guess', STRANGER)).toBe('UNAUTHENTICATED');
    expect(await attempt('user20@example.com', 'guess', STRANGER)).toBe('RATE_LIMITED');
  });

  it('still slows an email down when many addresses fail on it, the owner included', async () => {
    const { attempt, advance } = await withAnn();
    for (let a = 0; a < 10; a += 1) {
      for (let i = 0; i < 5; i += 1) await attempt(ANN, 'guess', `192.0.2.${a}`);
    }
    expect(await attempt(ANN, PASSWORD, HOME)).toBe('RATE_LIMITED');
    advance(1);
    expect(await attempt(ANN, PASSWORD, HOME)).toBe('SIGNED_IN');
  });

  it("counts only an address's first five failures towards the email's slowdown", async () => {
    const { attempt, advance } = await withAnn();
    for (let i = 0; i < 60; i += 1) {
      await attempt(ANN, 'guess', STRANGER);
      advance(15 * 60);
    }
    expect(await attempt(ANN, PASSWORD, HOME)).toBe('SIGNED_IN');
  });
});
