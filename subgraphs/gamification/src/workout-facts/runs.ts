/**
 * Runs of consecutive integers (day or week numbers), kept as intervals so each insertion is O(1) in any
 * order: the longest run so far and the run ending at a given number are read without a scan.
 */
export interface RunTracker {
  add(value: number): void;
  /** The longest run of consecutive values added so far. */
  longest(): number;
  /** The length of the run whose last value is `value` (0 when `value` was not added or is not its end). */
  runEndingAt(value: number): number;
}

export function createRunTracker(): RunTracker {
  const members = new Set<number>();
  const endOfStart = new Map<number, number>();
  const startOfEnd = new Map<number, number>();
  let longest = 0;
  return {
    add(value) {
      if (members.has(value)) return;
      members.add(value);
      let start = value;
      let end = value;
      const leftStart = startOfEnd.get(value - 1);
      if (leftStart !== undefined) {
        startOfEnd.delete(value - 1);
        start = leftStart;
      }
      const rightEnd = endOfStart.get(value + 1);
      if (rightEnd !== undefined) {
        endOfStart.delete(value + 1);
        end = rightEnd;
      }
      endOfStart.set(start, end);
      startOfEnd.set(end, start);
      longest = Math.max(longest, end - start + 1);
    },
    longest: () => longest,
    runEndingAt(value) {
      const start = startOfEnd.get(value);
      return start === undefined ? 0 : value - start + 1;
    },
  };
}
