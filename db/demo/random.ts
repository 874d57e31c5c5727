// Deterministic randomness and integer allocation for the demo district. The demo database
// must be byte-for-byte the same on every machine and every run (tests compare figures), so
// nothing here touches Math.random or the clock.

/** A 32-bit FNV-1a hash: turns a label ("DIS_INFLUENZA") into a PRNG seed. */
export function hashSeed(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export type Rng = () => number;

/**
 * A small seeded generator (mulberry32) returning numbers in [0, 1). One stream per label, so
 * adding an element to the demo never changes the numbers drawn for another.
 */
export function makeRng(label: string): Rng {
  let a = hashSeed(label);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw (Box–Muller). */
export function normal(rng: Rng): number {
  const u = Math.max(rng(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/** A Poisson draw (Knuth's method; the demo only uses small means). */
export function poisson(rng: Rng, mean: number): number {
  if (mean <= 0) return 0;
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rng();
  while (p > limit) {
    k++;
    p *= rng();
  }
  return k;
}

/** A uniform draw in [lo, hi). */
export function uniform(rng: Rng, lo: number, hi: number): number {
  return lo + (hi - lo) * rng();
}

/**
 * Splits a non-negative integer total into integer shares proportional to the weights
 * (largest remainder), so the shares always add up to the total exactly. A zero weight
 * gets nothing as long as some weight is positive.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  if (!Number.isInteger(total) || total < 0) throw new RangeError(`cannot apportion ${total}`);
  const sum = weights.reduce((a, b) => a + b, 0);
  if (total === 0) return weights.map(() => 0);
  if (!(sum > 0)) throw new RangeError('apportion needs a positive weight');
  const exact = weights.map((w) => (total * w) / sum);
  const shares = exact.map(Math.floor);
  let left = total - shares.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, r: x - Math.floor(x) }))
    .filter((o) => weights[o.i]! > 0)
    .sort((p, q) => q.r - p.r || p.i - q.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) shares[order[k]!.i]! += 1;
  return shares;
}

/** Weights shaken by ±jitter (a fraction), so month-to-month splits are not identical. */
export function jittered(weights: readonly number[], rng: Rng, jitter: number): number[] {
  return weights.map((w) => w * (1 + jitter * (2 * rng() - 1)));
}

/**
 * Splits a total like `apportion`, but no share exceeds its cap (a part never exceeds its
 * whole in the same commune). The caps double as weights. Throws if the total cannot fit.
 */
export function apportionCapped(total: number, caps: readonly number[], rng: Rng, jitter: number): number[] {
  const room = caps.reduce((a, b) => a + b, 0);
  if (total > room) throw new RangeError(`cannot fit ${total} under caps summing to ${room}`);
  const shares = apportion(total, jittered(caps, rng, jitter));
  let excess = 0;
  shares.forEach((s, i) => {
    if (s > caps[i]!) {
      excess += s - caps[i]!;
      shares[i] = caps[i]!;
    }
  });
  while (excess > 0) {
    let best = -1;
    shares.forEach((s, i) => {
      if (s < caps[i]! && (best < 0 || caps[i]! - s > caps[best]! - shares[best]!)) best = i;
    });
    shares[best]! += 1;
    excess--;
  }
  return shares;
}
