/**
 * Jest's order, except that the files known to run longest start first on a run without timings (a fresh
 * clone, CI): started late, the input fuzzer alone kept one worker busy for minutes after the rest had
 * finished. With timings from an earlier run, Jest's own order (longest first) already does this.
 */
const Sequencer = require('@jest/test-sequencer').default;

const LONGEST = [
  'tests/input-fuzz.e2e-spec.ts',
  'tests/services-mode.e2e-spec.ts',
  'tests/upload-abuse.e2e-spec.ts',
  'tests/explorer.e2e-spec.ts',
  'subgraphs/training/src/imports/import.service.int-spec.ts',
  'lib/db/shared-pglite.int-spec.ts',
];

class LongFirstSequencer extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    if (sorted.some((test) => test.duration != null)) return sorted;
    const rank = (test) => {
      const index = LONGEST.findIndex((path) => test.path.endsWith(path));
      return index === -1 ? LONGEST.length : index;
    };
    // Array.prototype.sort is stable: the other files keep Jest's order.
    return [...sorted].sort((a, b) => rank(a) - rank(b));
  }
}

module.exports = LongFirstSequencer;
