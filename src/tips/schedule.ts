/**
 * Posts a tip to each channel on a cron schedule (croner), exactly once per slot: the slot and
 * the rotation step are saved before the post is attempted, a failed post is retried with
 * backoff inside the slot (honouring 429 Retry-After), and a slot that still fails is logged,
 * never posted late. A post Slack may have done without confirming it (a timeout) is not
 * retried, so a tip is never posted twice.
 *
 * @example
 * const tips = new TipScheduler({ channels: ['C1'], schedule: '0 9 * * 1-5', timezone: 'UTC', tipIds, store, post, log });
 * tips.start(); // ... tips.stop();
 */
import { Cron } from 'croner';
import type { Logger } from '../log.js';
import { deliveryUnconfirmed } from '../slack/delivery.js';
import { nextTip } from './rotation.js';
import type { TipStateStore } from './state.js';

export interface TipSchedulerOptions {
  channels: string[];
  schedule: string;
  timezone: string;
  tipIds: readonly string[];
  store: TipStateStore;
  /** Posts one tip; throws on failure (an error with `retryAfter` seconds for a 429). */
  post: (channel: string, tipId: string) => Promise<void>;
  log: Logger;
  attempts?: number;
  backoffMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export type SlotResult = {
  channel: string;
  tipId?: string;
  status: 'posted' | 'skipped' | 'failed' | 'unconfirmed';
  attempts: number;
};

const wait = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class TipScheduler {
  private job?: Cron;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly o: Required<TipSchedulerOptions>;

  constructor(options: TipSchedulerOptions) {
    this.o = { attempts: 4, backoffMs: 1000, sleep: wait, now: Date.now, ...options };
  }

  start(): void {
    this.job = new Cron(this.o.schedule, { timezone: this.o.timezone, protect: true }, async (self: Cron) => {
      await this.runSlot(self.currentRun() ?? new Date(this.o.now()));
    });
    this.o.log.info(
      { channels: this.o.channels, schedule: this.o.schedule, timezone: this.o.timezone, next: this.job.nextRun() },
      'tip scheduler started',
    );
  }

  stop(): void {
    this.job?.stop();
  }

  /** When the next slot starts (ms since epoch), if there is one. */
  private nextSlotAt(): number | undefined {
    return this.job?.nextRun()?.getTime();
  }

  /** Runs one slot for every channel (slots never overlap; a slot already taken is skipped). */
  runSlot(slot: Date, channels: string[] = this.o.channels): Promise<SlotResult[]> {
    const run = this.queue.then(async () => {
      const results: SlotResult[] = [];
      for (const channel of channels) results.push(await this.postNext(channel, slot.toISOString()));
      return results;
    });
    this.queue = run.catch(() => {});
    return run;
  }

  private async postNext(channel: string, slot: string): Promise<SlotResult> {
    const state = await this.o.store.load();
    const last = state.channels[channel]?.lastSlot;
    if (last && last >= slot) return { channel, status: 'skipped', attempts: 0 };
    const taken = nextTip(state, channel, this.o.tipIds);
    const rotation = taken.state.channels[channel];
    if (rotation) rotation.lastSlot = slot;
    await this.o.store.save(taken.state);
    const ctx = { door: 'tips', channel, slot, tip: taken.tipId };
    for (let attempt = 1; ; attempt++) {
      try {
        await this.o.post(channel, taken.tipId);
        this.o.log.info({ ...ctx, attempts: attempt }, 'tip posted');
        return { channel, tipId: taken.tipId, status: 'posted', attempts: attempt };
      } catch (err) {
        const retryAfter = Number((err as { retryAfter?: unknown }).retryAfter);
        const delay =
          Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : this.o.backoffMs * 2 ** (attempt - 1);
        if (deliveryUnconfirmed(err)) {
          // Slack may have posted it; a retry could post the tip twice.
          this.o.log.error({ ...ctx, err, attempts: attempt }, 'tip post not confirmed by Slack; not retried');
          return { channel, tipId: taken.tipId, status: 'unconfirmed', attempts: attempt };
        }
        const nextSlot = this.nextSlotAt();
        const outOfSlot = nextSlot !== undefined && this.o.now() + delay >= nextSlot;
        if (attempt >= this.o.attempts || outOfSlot) {
          this.o.log.error({ ...ctx, err, attempts: attempt }, 'tip not posted; this slot is skipped');
          return { channel, tipId: taken.tipId, status: 'failed', attempts: attempt };
        }
        this.o.log.warn({ ...ctx, attempt, retry_in_ms: delay }, 'tip post failed; retrying');
        await this.o.sleep(delay);
      }
    }
  }
}
