/** Calls and failures per field, and the failures grouped into a readable list. */
import { shown } from './checks';

export interface Failure {
  /** `Mutation.finishWorkout`, or what a check after the calls looked at: `(event bus)`. */
  field: string;
  problem: string;
  /** The call that failed (absent for the checks after the calls). */
  call?: {
    /** `typical`, or where the hostile value went and what it was: `finishedAt = "yesterday"`. */
    variant: string;
    principal: string;
    inline: boolean;
    args: Record<string, unknown>;
  };
}

// Ids and numbers vary from call to call; a failure is the same one without them.
const normalised = (problem: string) =>
  problem.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<id>');

export class FuzzReport {
  private readonly calls = new Map<string, number>();
  readonly failures: Failure[] = [];

  counted(field: string): void {
    this.calls.set(field, (this.calls.get(field) ?? 0) + 1);
  }

  failed(failure: Failure): void {
    this.failures.push(failure);
  }

  get totalCalls(): number {
    return [...this.calls.values()].reduce((sum, n) => sum + n, 0);
  }

  /** One line per field: calls, failures. */
  table(): string {
    const failuresOf = (field: string) => this.failures.filter((f) => f.field === field).length;
    const width = Math.max(...[...this.calls.keys()].map((field) => field.length));
    return [...this.calls]
      .map(
        ([field, calls]) =>
          `${field.padEnd(width)}  ${String(calls).padStart(4)} calls  ${failuresOf(field)} failed`,
      )
      .join('\n');
  }

  /** The distinct failures (field, problem) with the variants that showed them and one example call. */
  distinct(): string {
    const groups = new Map<string, Failure[]>();
    for (const failure of this.failures) {
      const key = `${failure.field}: ${normalised(failure.problem)}`;
      groups.set(key, [...(groups.get(key) ?? []), failure]);
    }
    return [...groups]
      .map(([key, failures]) => {
        const calls = failures.flatMap((f) => (f.call ? [f.call] : []));
        if (!calls.length) return `- ${key}`;
        const variants = [...new Set(calls.map((c) => c.variant))];
        const paths = [...new Set(calls.map((c) => (c.inline ? 'inline' : 'variables')))].join('+');
        return [
          `- ${key} (×${failures.length}, ${paths})`,
          `    with: ${variants.slice(0, 8).join(' | ')}${variants.length > 8 ? ` | … ${variants.length - 8} more` : ''}`,
          `    e.g. as ${calls[0]!.principal}: ${shown(calls[0]!.args)}`,
        ].join('\n');
      })
      .join('\n');
  }
}
