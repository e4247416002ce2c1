/**
 * A small deterministic random source for the models: training noise, synthetic cohorts and anything a test
 * must replay exactly. The generator is xoshiro128** (Blackman & Vigna 2018; 128-bit state, period 2^128 − 1,
 * passes BigCrush), its state filled from a 32-bit seed by SplitMix32 so that nearby seeds give unrelated
 * streams. Production code seeds it with `randomSeed()` (node:crypto) and records the seed; tests pass a
 * constant. Not a cryptographic generator: the seed must stay private when the noise protects privacy.
 */
import { randomBytes } from 'node:crypto';

// Globals captured once: inside Jest's sandbox every global lookup in a hot loop is slow.
const { imul, log, sqrt, cos, sin, PI, abs, sign } = Math;
const TWO_TO_32 = 2 ** 32;

export interface SeededRandom {
  /** The seed this stream started from (reduced to 32 bits), for the record. */
  readonly seed: number;
  /** Uniform on [0, 1), 32 bits of resolution. */
  uniform(): number;
  /** Standard normal N(0, 1) by the Box–Muller transform (the second value of each pair is kept). */
  gaussian(): number;
  /** Laplace(0, scale) by inverting its distribution function. */
  laplace(scale: number): number;
}

const rotateLeft = (value: number, bits: number) => (value << bits) | (value >>> (32 - bits));

/** SplitMix32's output sequence from `seed`: expands one 32-bit seed into a full xoshiro state. */
function splitMix32(seed: number, count: number): number[] {
  const words: number[] = [];
  let state = seed | 0;
  for (let i = 0; i < count; i++) {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = imul(z ^ (z >>> 16), 0x85ebca6b);
    z = imul(z ^ (z >>> 13), 0xc2b2ae35);
    words.push((z ^ (z >>> 16)) >>> 0);
  }
  return words;
}

/** The raw xoshiro128** generator over a 4-word state: each call returns the next unsigned 32-bit word. */
export function xoshiro128StarStar(state: readonly [number, number, number, number]): () => number {
  let [s0, s1, s2, s3] = state;
  return () => {
    const result = imul(rotateLeft(imul(s1, 5), 7), 9) >>> 0;
    const shifted = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= shifted;
    s3 = rotateLeft(s3, 11);
    return result;
  };
}

/** A xoshiro128** stream; `seed` is reduced to an unsigned 32-bit integer. */
export function createSeededRandom(seed: number): SeededRandom {
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  const normalizedSeed = seed >>> 0;
  const nextWord = xoshiro128StarStar(splitMix32(normalizedSeed, 4) as [number, number, number, number]);
  let spareGaussian: number | null = null;

  // Strictly inside (0, 1): the logarithms below never see 0.
  const openUniform = () => (nextWord() + 0.5) / TWO_TO_32;

  return {
    seed: normalizedSeed,
    uniform: () => nextWord() / TWO_TO_32,
    gaussian() {
      if (spareGaussian !== null) {
        const spare = spareGaussian;
        spareGaussian = null;
        return spare;
      }
      const radius = sqrt(-2 * log(openUniform()));
      const angle = 2 * PI * openUniform();
      spareGaussian = radius * sin(angle);
      return radius * cos(angle);
    },
    laplace(scale) {
      const centred = openUniform() - 0.5;
      return -scale * sign(centred) * log(1 - 2 * abs(centred));
    },
  };
}

/** A fresh seed from the operating system's cryptographic generator, for production runs. */
export function randomSeed(): number {
  return randomBytes(4).readUInt32BE(0);
}
