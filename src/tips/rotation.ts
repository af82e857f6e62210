/**
 * Tip rotation per channel: the n-th tip a channel gets is a pure function of n, so the only state
 * is a counter (kept by a tip-slot store, see src/state/tip-slots.ts). Every tip comes once per
 * cycle, each cycle in its own shuffled order, and a cycle never starts with the tip that ended
 * the one before. A change in the tips changes the order from the next tip on.
 *
 * @example
 * tipAt('C123', 0, ['tip-a', 'tip-b']) // the channel's first tip
 */

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** A deterministic shuffle (mulberry32 + Fisher-Yates) for a channel and cycle. */
export function shuffled(ids: readonly string[], seed: string): string[] {
  let a = hash(seed);
  const rand = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...ids];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j] as string, out[i] as string];
  }
  return out;
}

/** The order of one cycle of a channel's rotation. */
function cycleOrder(channel: string, cycle: number, ids: readonly string[]): string[] {
  const order = shuffled(ids, `${channel}:${cycle}`);
  if (cycle > 0 && order.length > 1) {
    const before = shuffled(ids, `${channel}:${cycle - 1}`);
    if (order[0] === before[before.length - 1]) [order[0], order[1]] = [order[1] as string, order[0] as string];
  }
  return order;
}

/** The tip a channel gets at position `n` (0, 1, 2, …) of its rotation. */
export function tipAt(channel: string, n: number, ids: readonly string[]): string {
  if (!ids.length) throw new Error('no tips to rotate');
  const sorted = [...new Set(ids)].sort();
  const order = cycleOrder(channel, Math.floor(n / sorted.length), sorted);
  return order[n % sorted.length] as string;
}
