/**
 * Argument values from GraphQL input types: typical ones (fast-check arbitraries of valid-looking values,
 * ids and strings taken from earlier answers) and the hostile ones sent one at a time in each place.
 */
import fc from 'fast-check';
import {
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLArgument,
  type GraphQLInputObjectType,
  type GraphQLInputType,
} from 'graphql';
import { isRequired } from './api-schema';
import { typeOfIdName, type Seen } from './seen';

const DAY = 86_400_000;
export const NIL_UUID = '00000000-0000-0000-0000-000000000000';

const HOSTILE_STRINGS = ['nul\u0000byte', '\ud800', 'x'.repeat(100_000), ''];
const HOSTILE_NUMBERS = [0, -1, 5e-324, 1e308, -1e308, 2147483647];
const HOSTILE_DATE_TIMES = [
  '',
  'yesterday',
  '2026-02-30T00:00:00Z',
  '+275760-09-13T00:00:00.000Z',
  '2026-01-01T00:00:00+25:00',
  12345,
  '0001-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
];
const HOSTILE_IDS = [NIL_UUID, 'not-a-uuid', ...HOSTILE_STRINGS];

/** Where a path of keys (argument, input field, list index) leads inside the arguments of a call. */
export type Path = (string | number)[];

/** What typical values are drawn from: the caller's own earlier answers, and which type an `id` means. */
export interface Source {
  seen: Seen;
  /** The object type whose id an argument or input field named `name` takes. */
  idTypeOf(name: string): string;
  /** Input objects of this type that some call accepted (a leaderboard's `board` serves the subscription too). */
  accepted(inputType: string): unknown[];
}

/**
 * The type an id argument means: `gearIds` → Gear; a bare `id` → the longest type named in the field's name
 * (`retireGearComponent` → GearComponent), else the field's return type.
 */
export function idTypeResolver(fieldName: string, returnType: string, objectTypes: string[]) {
  const named = objectTypes
    .filter((type) => fieldName.toLowerCase().includes(type.toLowerCase()))
    .sort((a, b) => b.length - a.length)[0];
  return (name: string) => typeOfIdName(name) ?? named ?? returnType;
}

const letters = (minLength: number, maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz '), minLength, maxLength });

// Relay's convention: a page's `after` is an earlier `endCursor` (or an edge's `cursor`).
const STRING_ALIASES: Record<string, string[]> = { after: ['endCursor', 'cursor'] };

function stringOf(name: string, source: Source): fc.Arbitrary<string> {
  // Lower-case letters only: an error message that echoes them cannot look like a leaked internal.
  const fresh = /email$/i.test(name)
    ? letters(6, 12).map((local) => `${local.replace(/ /g, 'x')}@example.com`)
    : letters(3, 20);
  const seen = [name, ...(STRING_ALIASES[name] ?? [])].flatMap((key) => source.seen.stringsOf(key));
  return seen.length ? fc.oneof(fc.constantFrom(...seen), fresh) : fresh;
}

function idOf(name: string, source: Source): fc.Arbitrary<string> {
  const ofType = source.seen.idsOf(source.idTypeOf(name));
  const any = source.seen.allIds();
  if (ofType.length) return fc.oneof({ arbitrary: fc.constantFrom(...ofType), weight: 5 }, fc.uuid());
  return any.length ? fc.oneof(fc.constantFrom(...any), fc.uuid()) : fc.uuid();
}

function scalarOf(scalar: string, name: string, source: Source): fc.Arbitrary<unknown> {
  switch (scalar) {
    case 'Int':
      return fc.integer({ min: 0, max: 100 });
    case 'Float':
      return fc.integer({ min: 0, max: 200_000 }).map((tenths) => tenths / 10);
    case 'Boolean':
      return fc.boolean();
    case 'ID':
      return idOf(name, source);
    case 'DateTime':
      // Mostly the recent past (when workouts start); sometimes the coming weeks (when challenges end).
      return fc
        .oneof(
          { arbitrary: fc.integer({ min: 60_000, max: 14 * DAY }), weight: 3 },
          fc.integer({ min: -30 * DAY, max: -60_000 }),
        )
        .map((ago) => new Date(Date.now() - ago).toISOString());
    default:
      return stringOf(name, source);
  }
}

/**
 * Valid-looking values of `type` for an argument or input field called `name`. Optional input fields are
 * left out at random, except the one `keep` leads into (a hostile value goes there).
 */
export function typicalOf(
  type: GraphQLInputType,
  name: string,
  source: Source,
  keep: Path = [],
  depth = 0,
): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return typicalOf(type.ofType, name, source, keep, depth);
  if (isListType(type)) return listOf(type.ofType, name, source, keep, depth, LIST_LENGTHS);
  if (isEnumType(type)) return fc.constantFrom(...type.getValues().map((value) => value.name));
  if (isInputObjectType(type)) {
    const accepted = keep.length ? [] : source.accepted(type.name);
    const fresh = inputObjectOf(type, source, keep, depth);
    return accepted.length ? fc.oneof(fc.constantFrom(...accepted), fresh) : fresh;
  }
  return scalarOf(type.name, name, source);
}

const LIST_LENGTHS = { min: 1, max: 3 };

function listOf(
  item: GraphQLInputType,
  name: string,
  source: Source,
  keep: Path,
  depth: number,
  length: { min: number; max: number },
) {
  const items = typicalOf(item, name, source, keep.slice(1), depth);
  return fc.array(items, { minLength: length.min, maxLength: length.max });
}

function inputObjectOf(type: GraphQLInputObjectType, source: Source, keep: Path, depth: number) {
  // Beyond a few levels only the required fields: self-referencing inputs (filters of filters) end.
  const fields = Object.values(type.getFields()).filter(
    (field) => depth < 3 || isRequired(field) || field.name === keep[0],
  );
  // The lists of one input object have one length: they are often columns of the same rows (telemetry).
  return fc.integer({ min: LIST_LENGTHS.min, max: LIST_LENGTHS.max }).chain((length) =>
    fc.record(
      Object.fromEntries(
        fields.map((field) => {
          const fieldKeep = field.name === keep[0] ? keep.slice(1) : [];
          const inner = isNonNullType(field.type) ? field.type.ofType : field.type;
          const arbitrary = isListType(inner)
            ? listOf(inner.ofType, field.name, source, fieldKeep, depth + 1, { min: length, max: length })
            : typicalOf(field.type, field.name, source, fieldKeep, depth + 1);
          return [field.name, arbitrary];
        }),
      ),
      { requiredKeys: fields.filter((f) => isRequired(f) || f.name === keep[0]).map((f) => f.name) },
    ),
  );
}

/** Typical arguments of a field (see typicalOf). */
export function typicalArgs(
  args: readonly GraphQLArgument[],
  source: Source,
  keep: Path = [],
): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(
    Object.fromEntries(
      args.map((arg) => [
        arg.name,
        typicalOf(arg.type, arg.name, source, arg.name === keep[0] ? keep.slice(1) : []),
      ]),
    ),
    { requiredKeys: args.filter((a) => isRequired(a) || a.name === keep[0]).map((a) => a.name) },
  );
}

/** A place for a hostile value: an argument, a field of an input object, the first element of a list. */
export interface Slot {
  path: Path;
  type: GraphQLInputType;
}

export function slotsOf(args: readonly GraphQLArgument[]): Slot[] {
  const slots: Slot[] = [];
  const visit = (path: Path, type: GraphQLInputType, depth: number) => {
    slots.push({ path, type });
    const inner = isNonNullType(type) ? type.ofType : type;
    if (isListType(inner)) visit([...path, 0], inner.ofType, depth);
    else if (isInputObjectType(inner) && depth < 3) {
      for (const field of Object.values(inner.getFields()))
        visit([...path, field.name], field.type, depth + 1);
    }
  };
  for (const arg of args) visit([arg.name], arg.type, 0);
  return slots;
}

/**
 * The hostile values of a slot's type: null where it is nullable, an empty list for a list; for an ID the
 * second user's ids (`victimIds`) too. Input objects and lists get theirs in their own fields and elements.
 */
export function hostileValuesOf(type: GraphQLInputType, victimIds: string[]): unknown[] {
  const nulls = isNonNullType(type) ? [] : [null];
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return [...nulls, []];
  if (isEnumType(inner) || isInputObjectType(inner)) return nulls;
  switch (inner.name) {
    case 'Boolean':
      return nulls;
    case 'Int':
    case 'Float':
      return [...nulls, ...HOSTILE_NUMBERS];
    case 'DateTime':
      return [...nulls, ...HOSTILE_DATE_TIMES];
    case 'ID':
      return [...nulls, ...HOSTILE_IDS, ...victimIds];
    default:
      return [...nulls, ...HOSTILE_STRINGS];
  }
}

type Container = Record<string | number, unknown>;

/**
 * `base` with `value` at `path`. Where `base` lacks a container on the way (an optional argument or input
 * field left out), it is taken from `spare`, arguments drawn with typicalArgs' `keep` set to `path`.
 */
export function withValueAt(base: Record<string, unknown>, path: Path, value: unknown, spare: Container) {
  const copy = structuredClone(base);
  let container: Container = copy;
  let spareContainer: Container | undefined = spare;
  for (const key of path.slice(0, -1)) {
    spareContainer = spareContainer?.[key] as Container | undefined;
    container[key] ??= structuredClone(spareContainer);
    container = container[key] as Container;
  }
  container[path.at(-1)!] = value;
  return copy;
}

/** Draws values with one seed per draw, derived from the run's seed: a run replays from its seed. */
export class Sampler {
  private draws = 0;

  constructor(private readonly seed: number) {}

  draw<T>(arbitrary: fc.Arbitrary<T>): T {
    return fc.sample(arbitrary, { seed: mix(this.seed, this.draws++), numRuns: 1 })[0]!;
  }

  /** True with probability `p` (not through fast-check, whose bias favours small integers). */
  chance(p: number): boolean {
    return (mix(this.seed, this.draws++) >>> 0) / 2 ** 32 < p;
  }
}

// Consecutive seeds give fast-check correlated first values: spread them (murmur3's finaliser).
function mix(seed: number, n: number): number {
  let h = Math.imul(seed ^ Math.imul(n + 1, 0x9e3779b9), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}
