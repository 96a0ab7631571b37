/** A seeded source of uniform numbers in [0, 1). */
export type Random = () => number;

/**
 * mulberry32: 32 bits of state and a handful of integer operations per draw — cheap enough for the price
 * walk's hot loop and identical on every platform, which "same seed, same world" needs. Not for secrets.
 */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Hashes integers into one 32-bit seed (murmur3's finaliser per part), so a sub-stream — one historical
 * bar, say — depends only on what identifies it, never on how many draws happened before it.
 */
export function mixSeed(...parts: number[]): number {
  let hash = 0x9e3779b9;
  for (const part of parts) {
    hash = Math.imul(hash ^ (part >>> 0), 0x85ebca6b);
    hash ^= hash >>> 13;
    hash = Math.imul(hash, 0xc2b2ae35);
    hash ^= hash >>> 16;
  }
  return hash >>> 0;
}

/** An integer in [min, max], both ends included. */
export function randomInt(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** Roughly standard normal: three uniforms summed and rescaled. Bell-shaped, bounded at ±3, no logs or roots. */
export function roughNormal(random: Random): number {
  return (random() + random() + random() - 1.5) * 2;
}
