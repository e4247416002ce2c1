/**
 * What one caller has seen in its answers: ids by the type they belong to, and short strings by the key
 * they came under. Typical arguments reuse them, so calls reach past "not found".
 */
const MAX_STRINGS_PER_KEY = 50;

const capitalised = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

/** `gearIds` → `Gear`, `workoutId` → `Workout`; undefined for a name that does not end in Id(s). */
export const typeOfIdName = (name: string) => {
  const match = /^(.*[a-z])Ids?$/.exec(name);
  return match ? capitalised(match[1]!) : undefined;
};

export class Seen {
  private readonly ids = new Map<string, Set<string>>();
  private readonly strings = new Map<string, Set<string>>();

  idsOf(type: string): string[] {
    return [...(this.ids.get(type) ?? [])];
  }

  allIds(): string[] {
    return [...new Set([...this.ids.values()].flatMap((ids) => [...ids]))];
  }

  /** Every id with the type it belongs to (the first one it was seen as). */
  typedIds(): Map<string, string> {
    const typed = new Map<string, string>();
    for (const [type, ids] of this.ids) for (const id of ids) if (!typed.has(id)) typed.set(id, type);
    return typed;
  }

  hasId(id: string): boolean {
    return [...this.ids.values()].some((ids) => ids.has(id));
  }

  stringsOf(key: string): string[] {
    return [...(this.strings.get(key) ?? [])];
  }

  /** Takes `id`s (typed by the object's `__typename`), `<type>Id(s)` values and short strings of an answer. */
  harvest(value: unknown): void {
    if (Array.isArray(value)) {
      for (const item of value) this.harvest(item);
      return;
    }
    if (!value || typeof value !== 'object') return;
    const typename = (value as { __typename?: unknown }).__typename;
    for (const [key, item] of Object.entries(value)) {
      const idType = key === 'id' && typeof typename === 'string' ? typename : typeOfIdName(key);
      if (idType) {
        for (const id of [item].flat()) if (typeof id === 'string') add(this.ids, idType, id);
      } else if (typeof item === 'string' && item.length <= 200) {
        if ((this.strings.get(key)?.size ?? 0) < MAX_STRINGS_PER_KEY) add(this.strings, key, item);
      } else {
        this.harvest(item);
      }
    }
  }
}

function add(map: Map<string, Set<string>>, key: string, value: string) {
  const set = map.get(key) ?? new Set<string>();
  set.add(value);
  map.set(key, set);
}
