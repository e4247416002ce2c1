/**
 * A schema-driven fuzz of every field of the composed graph, as a schema-aware scanner would run it. The
 * fields come from introspecting the gateway: a field added to any subgraph is fuzzed the day it lands.
 * Replay a run with FUZZ_SEED=<the seed it printed>.
 */
import { BlockDocument, RegisterDocument } from './__generated__/operations';
import { anAthlete, PASSWORD } from './support/athletes';
import { introspect, objectTypeNames, rootFieldsOf } from './support/fuzz/api-schema';
import { Sampler } from './support/fuzz/arbitraries';
import type { Principal } from './support/fuzz/calls';
import { watchDeadLetters } from './support/fuzz/dead-letters';
import { fuzzField } from './support/fuzz/field-fuzzer';
import { FuzzReport } from './support/fuzz/report';
import { seedShared, seedUser } from './support/fuzz/seed-data';
import { Seen } from './support/fuzz/seen';
import { describeChanges, settledSnapshotOf, snapshotOf, unexplainedChanges } from './support/fuzz/snapshot';
import { useTestPlatform } from './support/test-platform';

// A few thousand calls on a busy machine.
jest.setTimeout(10 * 60_000);

const ADMIN_EMAIL = 'fuzz-admin@example.com';
const pulse = useTestPlatform({
  // The fuzzer is an admin, so that admin-only fields check their arguments rather than stop at FORBIDDEN.
  ADMIN_EMAILS: ADMIN_EMAIL,
  // Thousands of calls in a minute: rate limits would answer most with 429 and leave the fields untried.
  GATEWAY_RATE_LIMIT_USER: 'off',
  GATEWAY_RATE_LIMIT_IP: 'off',
});

const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
if (!Number.isSafeInteger(SEED))
  throw new Error(`FUZZ_SEED must be an integer, not ${process.env.FUZZ_SEED}`);

const principal = (name: string, token: string) => ({ name, token, seen: new Seen() }) satisfies Principal;

describe('every field of the supergraph under fuzzed arguments', () => {
  it('answers typical and hostile arguments with coded errors, stays up, dead-letters no event and leaves other users alone', async () => {
    console.log(`input fuzz: seed ${SEED} (replay with FUZZ_SEED=${SEED})`);
    const endpoint = { url: pulse().platform.gateway.url };
    const deadLetters = await watchDeadLetters(pulse().platform.bus);
    const schema = await introspect(endpoint.url);
    const roots = rootFieldsOf(schema);

    const admin = await pulse().send(RegisterDocument, {
      email: ADMIN_EMAIL,
      password: PASSWORD,
      displayName: 'Ada Fuzzer',
    });
    const fuzzer = principal('first user', admin.data!.register.accessToken);
    const victimAccount = await anAthlete(pulse(), 'Vic Victim');
    const victim = principal('second user', victimAccount.accessToken);
    // Sees what everybody sees: a change of the second user's answers that the bystander saw too is no harm.
    const bystander = principal('bystander', (await anAthlete(pulse(), 'Bea Bystander')).accessToken);
    await seedUser(pulse(), fuzzer);
    await seedUser(pulse(), victim);
    await seedShared(pulse(), fuzzer, [victim]);
    // Following, inviting, mentioning and cheering reach another athlete by design (a new follower, an
    // invitation in their inbox): the second user blocks the first, so nothing the first does may reach them.
    const blocked = await pulse().send(
      BlockDocument,
      { userId: admin.data!.register.user.id },
      victimAccount.accessToken,
    );
    if (blocked.errors)
      throw new Error(`the second user could not block the first: ${JSON.stringify(blocked.errors)}`);

    await snapshotOf(endpoint, fuzzer, roots); // fills the fuzzer's pools of ids
    const victimBefore = await settledSnapshotOf(endpoint, victim, roots);
    const bystanderBefore = await snapshotOf(endpoint, bystander, roots);
    const victimIds = new Map([...victim.seen.typedIds()].filter(([id]) => !fuzzer.seen.hasId(id)));

    const report = new FuzzReport();
    const started = Date.now();
    const run = {
      endpoint,
      gatewayOrigin: pulse().gatewayOrigin,
      sampler: new Sampler(SEED),
      report,
      objectTypes: objectTypeNames(schema),
      fuzzer,
      anonymous: { name: 'anonymous', seen: fuzzer.seen },
      victimIds,
      acceptedInputs: new Map<string, unknown[]>(),
    };
    for (const root of roots) await fuzzField(root, run);
    const fuzzSeconds = (Date.now() - started) / 1000;

    await deadLetters.settle();
    await deadLetters.stop();
    for (const message of deadLetters.parked) {
      report.failed({ field: '(event bus)', problem: `dead-lettered: ${deadLetters.describe(message)}` });
    }
    const changes = unexplainedChanges(
      { before: victimBefore, after: await settledSnapshotOf(endpoint, victim, roots) },
      { before: bystanderBefore, after: await snapshotOf(endpoint, bystander, roots) },
    );
    for (const change of describeChanges(changes)) {
      report.failed({ field: "(second user's data)", problem: change });
    }

    console.log(
      `input fuzz: ${report.totalCalls} calls in ${fuzzSeconds.toFixed(0)} s, ` +
        `${victimIds.size} ids of the second user tried, seed ${SEED}\n${report.table()}`,
    );
    if (report.failures.length) {
      throw new Error(
        `${report.failures.length} failed calls or checks (replay with FUZZ_SEED=${SEED}):\n${report.distinct()}`,
      );
    }
  });
});
