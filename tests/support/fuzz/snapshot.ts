/**
 * What a user sees of the graph: every Query field without required arguments, asked as them. Comparing a
 * user's snapshots from before and after the fuzz shows what others changed of theirs; a bystander's
 * snapshots tell apart the changes everybody sees (a new challenge, a board's ranks).
 */
import { isRequired, selectionOf, type RootField } from './api-schema';
import { post, type Endpoint, type Outcome, type Principal } from './calls';

/** Leaf values by path; list items keyed by their id where they have one, so a new item moves nothing. */
export type Snapshot = Map<string, string>;

const SNAPSHOT_DEPTH = 3;
// The depth each field's selection stays within the gateway's cost limit at (the same for every snapshot).
const depths = new WeakMap<RootField['field'], number>();

export async function snapshotOf(endpoint: Endpoint, principal: Principal, roots: RootField[]) {
  const snapshot: Snapshot = new Map();
  for (const root of roots) {
    if (root.operation !== 'query' || root.field.args.some(isRequired)) continue;
    let depth = depths.get(root.field) ?? SNAPSHOT_DEPTH;
    let outcome: Outcome;
    for (;;) {
      const query = `query { ${root.field.name} ${selectionOf(root.field.type, depth)} }`;
      outcome = await post(endpoint, principal, { query });
      if (depth === 0 || !outcome.errors.some((e) => e.extensions?.code === 'QUERY_TOO_COMPLEX')) break;
      depth -= 1;
    }
    depths.set(root.field, depth);
    principal.seen.harvest(outcome.data);
    flatten(snapshot, root.label, (outcome.data as Record<string, unknown> | undefined)?.[root.field.name]);
    snapshot.set(`${root.label} (errors)`, JSON.stringify(outcome.errors.map((e) => e.extensions?.code)));
  }
  return snapshot;
}

/** Snapshots until two in a row agree: what a user did settles (gear wear, XP) through events. */
export async function settledSnapshotOf(
  endpoint: Endpoint,
  principal: Principal,
  roots: RootField[],
  timeoutMs = 30_000,
): Promise<Snapshot> {
  const deadline = Date.now() + timeoutMs;
  let last = await snapshotOf(endpoint, principal, roots);
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const next = await snapshotOf(endpoint, principal, roots);
    if (changesBetween(last, next).length === 0) return next;
    if (Date.now() > deadline)
      throw new Error(`${principal.name}'s data kept changing: ${changesBetween(last, next)}`);
    last = next;
  }
}

function flatten(into: Snapshot, path: string, value: unknown) {
  if (Array.isArray(value)) {
    value.forEach((item, index) => flatten(into, `${path}[${keyOf(item) ?? index}]`, item));
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) flatten(into, `${path}.${key}`, item);
  } else {
    into.set(path, JSON.stringify(value));
  }
}

function keyOf(item: unknown): string | undefined {
  const node = (item as { node?: { id?: unknown } } | null)?.node;
  const id = (item as { id?: unknown } | null)?.id ?? node?.id;
  return typeof id === 'string' ? id : undefined;
}

export interface Change {
  path: string;
  before: string | undefined;
  after: string | undefined;
}

export function changesBetween(before: Snapshot, after: Snapshot): Change[] {
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths]
    .filter((path) => before.get(path) !== after.get(path))
    .map((path) => ({ path, before: before.get(path), after: after.get(path) }));
}

/** The changes of the victim's data that the bystander did not see the same way. */
export function unexplainedChanges(
  victim: { before: Snapshot; after: Snapshot },
  bystander: { before: Snapshot; after: Snapshot },
): Change[] {
  return changesBetween(victim.before, victim.after).filter(
    ({ path, before, after }) => bystander.before.get(path) !== before || bystander.after.get(path) !== after,
  );
}

/** Changes by item (a list item, or a field): `Query.myGear[<id>]: added`, `…: nickname "a" → "b"`. */
export function describeChanges(changes: Change[]): string[] {
  const byItem = new Map<string, Change[]>();
  for (const change of changes) {
    const item = change.path.slice(0, change.path.lastIndexOf(']') + 1) || change.path;
    byItem.set(item, [...(byItem.get(item) ?? []), change]);
  }
  return [...byItem].map(([item, itemChanges]) => {
    if (itemChanges.every((c) => c.before === undefined)) return `${item}: added`;
    if (itemChanges.every((c) => c.after === undefined)) return `${item}: removed`;
    const fields = itemChanges.map(
      (c) =>
        `${c.path.slice(item.length).replace(/^\./, '') || 'value'} ${c.before ?? '(absent)'} → ${c.after ?? '(absent)'}`,
    );
    return `${item}: ${fields.join(', ')}`;
  });
}
