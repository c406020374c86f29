import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/** A seeded uniform source. Mutable, as pure-rand v8 generators are: every call advances it. */
export type UniformSource = RandomGenerator;

const MASK64 = (1n << 64n) - 1n;
const GOLDEN_GAMMA = 0x9e3779b97f4a7c15n;

// splitmix64's finaliser (Steele, Lea & Flood 2014): a bijection on 64 bits with full avalanche.
function mix64(z: bigint): bigint {
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
  return z ^ (z >> 31n);
}

/**
 * The generator for draw number `drawIndex` of a run seeded with `seed`. The 128-bit
 * xoroshiro128+ state is hashed from (seed, drawIndex), so draw k is the same whichever
 * worker computes it and in whatever order; jumping would cost k jumps to reach draw k.
 */
export function drawStream(seed: number, drawIndex: number): UniformSource {
  checkSeed(seed);
  checkIndex('drawIndex', drawIndex);
  return streamFor(mix64(BigInt.asUintN(64, BigInt(seed))) ^ BigInt(drawIndex));
}

// Keys permutation streams apart from draw streams: a different hash of the seed.
const PERMUTATION_DOMAIN = 0x4c6174696e48797en; // "LatinHy~"

/**
 * The generator that orders variable `variableIndex`'s Latin hypercube strata in a run seeded
 * with `seed`: its own stream, apart from every draw's, so a worker can make it on its own.
 */
export function permutationStream(seed: number, variableIndex: number): UniformSource {
  checkSeed(seed);
  checkIndex('variableIndex', variableIndex);
  return streamFor(mix64(mix64(BigInt.asUintN(64, BigInt(seed))) ^ PERMUTATION_DOMAIN) ^ BigInt(variableIndex));
}

function checkSeed(seed: number): void {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a whole number, got ${seed}`);
}

function checkIndex(name: string, index: number): void {
  if (!Number.isSafeInteger(index) || index < 0) throw new RangeError(`${name} must be a whole number 0 or more, got ${index}`);
}

function streamFor(key: bigint): UniformSource {
  // Two consecutive splitmix64 outputs; mix64 is a bijection, so they are never both 0.
  const s0 = mix64((key + GOLDEN_GAMMA) & MASK64);
  const s1 = mix64((key + 2n * GOLDEN_GAMMA) & MASK64);
  const high = (s: bigint) => Number(s >> 32n) | 0;
  const low = (s: bigint) => Number(s & 0xffffffffn) | 0;
  // pure-rand orders the state as [s0 high, s0 low, s1 high, s1 low].
  return xoroshiro128plusFromState([high(s0), low(s0), high(s1), low(s1)]);
}

/**
 * A double in [0, 1): a multiple of 2^-53, from the top 27 and 26 bits of two outputs.
 * pure-rand's uniformFloat64 keeps the lowest bits instead, and xoroshiro128+'s lowest
 * bits are its weakest (they fail linearity tests).
 */
export function nextUnit(g: UniformSource): number {
  const high = g.next() >>> 5;
  const low = g.next() >>> 6;
  return (high * 67108864 + low) / 9007199254740992;
}
