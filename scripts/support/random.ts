/**
 * Mulberry32: a small seeded random number generator, so scripts that shuffle or generate (the
 * classifier's training, the scale benchmark's knowledge) give the same result every run.
 *
 * @example
 * const next = mulberry32(42); next() === mulberry32(42)() // true: the same seed, the same numbers
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
