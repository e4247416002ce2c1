/** Fuzzes one root field: typical calls signed in and anonymous, then one hostile value at a time in each slot. */
import fc from 'fast-check';
import { getNamedType, isInputObjectType } from 'graphql';
import { selectionOf, type RootField } from './api-schema';
import {
  hostileValuesOf,
  idTypeResolver,
  slotsOf,
  typicalArgs,
  withValueAt,
  type Path,
  type Sampler,
} from './arbitraries';
import { send, type Endpoint, type Principal } from './calls';
import { healthProblem, problemsOf, shown } from './checks';
import type { FuzzReport } from './report';

const TYPICAL_CALLS_SIGNED_IN = 10;
const TYPICAL_CALLS_ANONYMOUS = 2;
// Arguments go as variables, as clients send them. A share of the typical calls writes them inline instead,
// and a share of the hostile values is sent a second time inline: a literal reaches a scalar's parseLiteral,
// a variable its parseValue.
const INLINE_SHARE_TYPICAL = 0.25;
const INLINE_SHARE_HOSTILE = 0.5;
const SELECTION_DEPTH = 2;

export interface FuzzRun {
  endpoint: Endpoint;
  gatewayOrigin: string;
  sampler: Sampler;
  report: FuzzReport;
  objectTypes: string[];
  /** Signed in: makes the typical calls and every hostile one. */
  fuzzer: Principal;
  anonymous: Principal;
  /** The second user's ids, sent as hostile ids (with their type, for the report). */
  victimIds: Map<string, string>;
  /** Input objects that calls accepted, by type: typical values for other fields that take them. */
  acceptedInputs: Map<string, unknown[]>;
}

export async function fuzzField(root: RootField, run: FuzzRun): Promise<void> {
  const { field } = root;
  let selection = selectionOf(field.type, SELECTION_DEPTH);
  // Both callers draw ids and strings from what the fuzzer has seen: the anonymous one must be refused them.
  const source = {
    seen: run.fuzzer.seen,
    idTypeOf: idTypeResolver(field.name, getNamedType(field.type).name, run.objectTypes),
    accepted: (inputType: string) => run.acceptedInputs.get(inputType) ?? [],
  };
  // Typical arguments the field accepted: with one hostile value among them, that value is all that is wrong.
  const accepted: Record<string, unknown>[] = [];

  const call = async (
    principal: Principal,
    args: Record<string, unknown>,
    variant: string,
    inline: boolean,
  ) => {
    const outcome = await send(run.endpoint, principal, { root, args, selection, inline });
    run.report.counted(root.label);
    for (const problem of problemsOf(outcome)) {
      run.report.failed({
        field: root.label,
        problem,
        call: { variant, principal: principal.name, inline, args },
      });
    }
    return outcome;
  };
  const remember = (args: Record<string, unknown>) => {
    accepted.push(args);
    for (const arg of field.args) {
      const type = getNamedType(arg.type);
      if (isInputObjectType(type) && args[arg.name] != null) {
        run.acceptedInputs.set(type.name, [...(run.acceptedInputs.get(type.name) ?? []), args[arg.name]]);
      }
    }
  };

  for (let i = 0, depth = SELECTION_DEPTH; i < TYPICAL_CALLS_SIGNED_IN; i += 1) {
    const args = run.sampler.draw(typicalArgs(field.args, source));
    const outcome = await call(run.fuzzer, args, 'typical', run.sampler.chance(INLINE_SHARE_TYPICAL));
    if (outcome.data != null && outcome.errors.length === 0) remember(args);
    // Over the gateway's cost limit with typical arguments: a smaller selection, so that the field itself runs.
    if (depth > 0 && outcome.errors.some((e) => e.extensions?.code === 'QUERY_TOO_COMPLEX')) {
      depth -= 1;
      selection = selectionOf(field.type, depth);
    }
  }
  for (let i = 0; i < TYPICAL_CALLS_ANONYMOUS; i += 1) {
    const args = run.sampler.draw(typicalArgs(field.args, source));
    await call(run.anonymous, args, 'typical', run.sampler.chance(INLINE_SHARE_TYPICAL));
  }
  for (const slot of slotsOf(field.args)) {
    for (const value of hostileValuesOf(slot.type, [...run.victimIds.keys()])) {
      const spare = run.sampler.draw(typicalArgs(field.args, source, slot.path));
      const base = accepted.length ? run.sampler.draw(fc.constantFrom(...accepted)) : spare;
      const args = withValueAt(base, slot.path, value, spare);
      const variant = variantOf(slot.path, value, run.victimIds);
      await call(run.fuzzer, args, variant, false);
      if (run.sampler.chance(INLINE_SHARE_HOSTILE)) await call(run.fuzzer, args, variant, true);
    }
  }

  const unhealthy = await healthProblem(run.gatewayOrigin);
  if (unhealthy) {
    run.report.failed({ field: root.label, problem: `after its calls: ${unhealthy}` });
  }
}

function variantOf(path: Path, value: unknown, victimIds: Map<string, string>) {
  const victimType = typeof value === 'string' ? victimIds.get(value) : undefined;
  return `${path.join('.')} = ${victimType ? `second user's ${victimType} id` : shown(value)}`;
}
