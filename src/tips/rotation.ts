/**
 * Tip rotation per channel: a shuffled order of every tip; no tip repeats until all were
 * posted, then a new shuffled cycle begins. Pure functions over a small serialisable state.
 *
 * @example
 * const { tipId, state: next } = nextTip(state, 'C123', ['tip-a', 'tip-b']);
 */
import { z } from 'zod';

export const ChannelRotationSchema = z.object({
  order: z.array(z.string()),
  next: z.number().int().min(0),
  cycle: z.number().int().min(0),
  /** The last scheduled slot (ISO time) a tip was taken for. */
  lastSlot: z.string().optional(),
});

export const TipStateSchema = z.object({
  version: z.literal(1),
  channels: z.record(z.string(), ChannelRotationSchema),
});

export type ChannelRotation = z.infer<typeof ChannelRotationSchema>;
export type TipState = z.infer<typeof TipStateSchema>;

export const emptyState = (): TipState => ({ version: 1, channels: {} });

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

function newCycle(channel: string, cycle: number, ids: readonly string[], last?: string): ChannelRotation {
  const order = shuffled(ids, `${channel}:${cycle}`);
  if (order.length > 1 && order[0] === last) [order[0], order[1]] = [order[1] as string, order[0] as string];
  return { order, next: 0, cycle };
}

/** The channel's next tip and the state after taking it. Tips removed from the knowledge are skipped, new ones join the cycle. */
export function nextTip(state: TipState, channel: string, ids: readonly string[]): { tipId: string; state: TipState } {
  if (!ids.length) throw new Error('no tips to rotate');
  const known = new Set(ids);
  let r = state.channels[channel] ?? newCycle(channel, 0, ids);
  const missing = ids.filter((id) => !r.order.includes(id));
  if (missing.length) r = { ...r, order: [...r.order, ...missing] };
  while (r.next < r.order.length && !known.has(r.order[r.next] as string)) r = { ...r, next: r.next + 1 };
  if (r.next >= r.order.length) r = newCycle(channel, r.cycle + 1, ids, r.order[r.order.length - 1]);
  const tipId = r.order[r.next] as string;
  return { tipId, state: { ...state, channels: { ...state.channels, [channel]: { ...r, next: r.next + 1 } } } };
}
