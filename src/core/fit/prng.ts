/**
 * mulberry32: a small, fast 32-bit PRNG (Tommy Ettinger, public domain), good enough for
 * bootstrap resampling and fully determined by its seed, which keeps the core reproducible.
 *
 * @returns a function giving uniform numbers in [0, 1)
 * @example createRandom(42)() → 0.6011037519201636
 */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
