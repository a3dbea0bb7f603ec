/**
 * A small seeded PRNG (mulberry32) and the draws the generator needs. Same seed, same
 * sequence, on every machine: no Math.random, no clock. Never use it for secrets.
 */

/** mulberry32: 32-bit state, fast, good enough for synthetic data (not for cryptography). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Mixes numbers into one 32-bit seed, so that each (seed, centre, stream) gets its own sequence. */
export function deriveSeed(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x01000193) >>> 0;
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
    h = Math.imul(h ^ (h >>> 12), 0x297a2d39) >>> 0;
    h = (h ^ (h >>> 15)) >>> 0;
  }
  return h;
}

const rankedCumulative = new WeakMap<readonly unknown[], { exponent: number; cumulative: Float64Array }>();

/** Cumulative weights, for picking from a weighted list in O(log n). */
export function cumulativeOf(weights: readonly number[]): Float64Array {
  const cumulative = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => {
    sum += Math.max(0, w);
    cumulative[i] = sum;
  });
  return cumulative;
}

export function searchCumulative(cumulative: Float64Array, u: number): number {
  const target = u * (cumulative[cumulative.length - 1] as number);
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cumulative[mid] as number) > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export class Rng {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next();
  }

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** An index drawn with the given cumulative weights. */
  index(cumulative: Float64Array): number {
    return searchCumulative(cumulative, this.next());
  }

  /** Picks from a list ordered from the most to the least common: weight 1 / rank^exponent. */
  ranked<T>(items: readonly T[], exponent = 0.8): T {
    let entry = rankedCumulative.get(items);
    if (!entry || entry.exponent !== exponent) {
      entry = { exponent, cumulative: cumulativeOf(items.map((_, i) => 1 / (i + 1) ** exponent)) };
      rankedCumulative.set(items, entry);
    }
    return items[searchCumulative(entry.cumulative, this.next())] as T;
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Exponential with the given mean. */
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }
}

/** A weighted table: draw keys with their weights. */
export class Weighted<K> {
  readonly keys: readonly K[];
  private readonly cumulative: Float64Array;

  constructor(entries: ReadonlyArray<readonly [K, number]>) {
    this.keys = entries.map(([k]) => k);
    this.cumulative = cumulativeOf(entries.map(([, w]) => w));
  }

  draw(rng: Rng): K {
    return this.keys[rng.index(this.cumulative)] as K;
  }

  drawIndex(rng: Rng): number {
    return rng.index(this.cumulative);
  }
}
