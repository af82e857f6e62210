/**
 * Tip slots: which scheduled slot of a channel was taken, and how far the channel's rotation has
 * gone. Taking a slot and advancing the rotation is one atomic step (`claim`), so two schedulers
 * (two replicas, or a restart inside a slot) never post the same slot, nor the same tip, twice.
 * Slots are compared by key, never against a clock that may step back. "Posted" is recorded after
 * the post, so a slot that was taken and never posted (the process died) can be told apart.
 *
 * - `MemoryTipSlots`: one process.
 * - `FileTipSlots`: one process that may restart (a JSON file in STATE_DIR).
 * - `RedisTipSlots` (redis-stores.ts): any number of replicas.
 *
 * @example
 * const n = await slots.claim('T1:C1', '2026-01-05T09:00:00.000Z'); // undefined: taken already
 * if (n !== undefined) { await post(tipAt('C1', n, tipIds)); await slots.posted('T1:C1', slot); }
 */
import type { z as Z } from 'zod';
import { JsonFile } from './json-file.js';
import { lazily, zod } from '../knowledge/zod.js';

export type SlotStatus = 'taken' | 'posted';

export interface TipSlotStore {
  /** Takes the slot and the rotation's next position (0, 1, 2, …) together; undefined when the slot was taken already. */
  claim(channel: string, slot: string): Promise<number | undefined>;
  /** Records that the slot's tip was posted. */
  posted(channel: string, slot: string): Promise<void>;
  status(channel: string, slot: string): Promise<SlotStatus | undefined>;
}

/** How many recent slots are remembered per channel (slots are only ever re-run within minutes). */
export const SLOTS_KEPT = 200;

const schemas = lazily(() => {
  const z = zod();
  const ChannelSlots = z.object({
    /** How many tips the channel's rotation has handed out. */
    count: z.number().int().min(0),
    slots: z.record(z.string(), z.enum(['taken', 'posted'])),
  });
  return {
    TipSlots: z.object({ version: z.literal(2), channels: z.record(z.string(), ChannelSlots) }),
    /** The rotation file of earlier versions (an order, a position and the last slot per channel). */
    V1: z.object({
      version: z.literal(1),
      channels: z.record(
        z.string(),
        z.object({ order: z.array(z.string()), next: z.number(), cycle: z.number(), lastSlot: z.string().optional() }),
      ),
    }),
  };
});
type TipSlots = Z.infer<ReturnType<typeof schemas>['TipSlots']>;

const emptySlots = (): TipSlots => ({ version: 2, channels: {} });

function take(state: TipSlots, channel: string, slot: string): number | undefined {
  const c = (state.channels[channel] ??= { count: 0, slots: {} });
  if (c.slots[slot]) return undefined;
  c.slots[slot] = 'taken';
  const keys = Object.keys(c.slots);
  for (const old of keys.slice(0, Math.max(0, keys.length - SLOTS_KEPT))) delete c.slots[old];
  return c.count++;
}

export class MemoryTipSlots implements TipSlotStore {
  private readonly state = emptySlots();

  async claim(channel: string, slot: string): Promise<number | undefined> {
    return take(this.state, channel, slot);
  }

  async posted(channel: string, slot: string): Promise<void> {
    const c = this.state.channels[channel];
    if (c?.slots[slot]) c.slots[slot] = 'posted';
  }

  async status(channel: string, slot: string): Promise<SlotStatus | undefined> {
    return this.state.channels[channel]?.slots[slot];
  }
}

function fromV1(old: unknown): TipSlots | undefined {
  const v1 = schemas().V1.safeParse(old);
  if (!v1.success) return undefined;
  const state = emptySlots();
  for (const [channel, r] of Object.entries(v1.data.channels)) {
    state.channels[channel] = {
      count: r.cycle * r.order.length + r.next,
      slots: r.lastSlot ? { [r.lastSlot]: 'posted' } : {},
    };
  }
  return state;
}

export class FileTipSlots implements TipSlotStore {
  private readonly json: JsonFile<TipSlots>;

  constructor(file: string, report?: (message: string) => void) {
    this.json = new JsonFile(file, () => schemas().TipSlots, emptySlots, report, fromV1);
  }

  get file(): string {
    return this.json.file;
  }

  claim(channel: string, slot: string): Promise<number | undefined> {
    return this.json.change((s) => take(s, channel, slot));
  }

  async posted(channel: string, slot: string): Promise<void> {
    await this.json.change((s) => {
      const c = s.channels[channel];
      if (c?.slots[slot]) c.slots[slot] = 'posted';
    });
  }

  async status(channel: string, slot: string): Promise<SlotStatus | undefined> {
    return (await this.json.read()).channels[channel]?.slots[slot];
  }
}
