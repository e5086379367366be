/** A small, fast, seeded PRNG (mulberry32): the same seed gives the same archive on every machine. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A generator for one item of a run, independent of how many items came before it. */
  static forItem(seed: number, index: number, salt = 0): Random {
    return new Random(Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35) ^ Math.imul(salt + 1, 0x27d4eb2f));
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)] as T;
  }

  /** Skewed towards the start of the list, as real use is: a few councils and topics hold most items. */
  pickSkewed<T>(list: readonly T[], power = 2): T {
    return list[Math.floor(this.next() ** power * list.length)] as T;
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** `count` distinct entries of a list (or all of it when shorter). */
  sample<T>(list: readonly T[], count: number): T[] {
    const chosen = new Set<T>();
    for (let tries = 0; chosen.size < Math.min(count, list.length) && tries < count * 10; tries += 1) chosen.add(this.pick(list));
    return [...chosen];
  }
}
