/**
 * Posts a tip to each channel on a cron schedule (croner), at most once per slot across every
 * process sharing the tip-slot store: the slot and the rotation step are claimed together before
 * the post, a failed post is retried with backoff inside the slot (honouring 429 Retry-After, up
 * to a cap), and a slot that still fails is logged, never posted late. A post Slack may have done
 * without confirming it (a timeout) is not retried, so a tip is never posted twice. "Posted" is
 * recorded after the post; at start, a slot taken and never recorded as posted is reported.
 *
 * @example
 * const tips = new TipScheduler({ channels: ['C1'], schedule: '0 9 * * 1-5', timezone: 'UTC', tipIds, slots, post, log });
 * (Channel ids are unique across Slack workspaces, so they key the slots on their own.)
 * tips.start(); // ... tips.stop();
 */
import { Cron } from 'croner';
import type { Logger } from '../log.js';
import { deliveryUnconfirmed } from '../slack/delivery.js';
import type { TipSlotStore } from '../state/tip-slots.js';
import { tipAt } from './rotation.js';

export interface TipSchedulerOptions {
  channels: string[];
  schedule: string;
  timezone: string;
  tipIds: readonly string[];
  slots: TipSlotStore;
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

/** A Retry-After longer than this is not waited for in full. */
export const RETRY_AFTER_CAP_MS = 30_000;
/** How often a slot claim is tried while the state store does not answer. */
const CLAIM_TRIES = 8;
const CLAIM_RETRY_MS = 250;

const wait = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class TipScheduler {
  private job?: Cron;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly o: Required<TipSchedulerOptions>;

  constructor(options: TipSchedulerOptions) {
    this.o = { attempts: 4, backoffMs: 1000, sleep: wait, now: Date.now, ...options };
  }

  start(): void {
    if (!this.o.tipIds.length) {
      this.o.log.error({ door: 'tips' }, 'tip scheduler not started: the knowledge has no tips');
      return;
    }
    this.job = new Cron(this.o.schedule, { timezone: this.o.timezone, protect: true }, async (self: Cron) => {
      await this.runSlot(self.currentRun() ?? new Date(this.o.now())).catch((err: unknown) =>
        this.o.log.error({ door: 'tips', err }, 'tip slot failed'),
      );
    });
    this.o.log.info(
      { channels: this.o.channels, schedule: this.o.schedule, timezone: this.o.timezone, next: this.job.nextRun() },
      'tip scheduler started',
    );
    void this.reportUnposted();
  }

  stop(): void {
    this.job?.stop();
  }

  /** Waits for the slot being posted, if any. */
  async idle(): Promise<void> {
    await this.queue;
  }

  /** Reports the latest slot before start-up when it was taken and never recorded as posted. */
  private async reportUnposted(): Promise<void> {
    const [previous] = this.job?.previousRuns(1, new Date(this.o.now())) ?? [];
    if (!previous) return;
    const slot = previous.toISOString();
    for (const channel of this.o.channels) {
      const status = await this.o.slots.status(channel, slot).catch(() => undefined);
      if (status === 'taken')
        this.o.log.warn(
          { door: 'tips', channel, slot },
          'tip slot was taken but its post was never confirmed (a process stopped while posting); not posted again',
        );
    }
  }

  /** When the next slot starts (ms since epoch), if there is one. */
  private nextSlotAt(): number | undefined {
    return this.job?.nextRun()?.getTime();
  }

  private outOfSlot(delay: number): boolean {
    const next = this.nextSlotAt();
    return next !== undefined && this.o.now() + delay >= next;
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

  /** Claims the slot, trying again for a while when the store does not answer (e.g. Redis restarting). */
  private async claim(channel: string, slot: string): Promise<number | undefined> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.o.slots.claim(channel, slot);
      } catch (err) {
        if (attempt >= CLAIM_TRIES || this.outOfSlot(CLAIM_RETRY_MS)) throw err;
        await this.o.sleep(CLAIM_RETRY_MS);
      }
    }
  }

  private async postNext(channel: string, slot: string): Promise<SlotResult> {
    const ctx = { door: 'tips', channel, slot };
    if (!this.o.tipIds.length) {
      this.o.log.error(ctx, 'no tips in the knowledge; this slot is skipped');
      return { channel, status: 'failed', attempts: 0 };
    }
    let n: number | undefined;
    try {
      n = await this.claim(channel, slot);
    } catch (err) {
      this.o.log.error(
        { ...ctx, err },
        'tip slot could not be claimed (state store unavailable); this slot is skipped',
      );
      return { channel, status: 'failed', attempts: 0 };
    }
    if (n === undefined) return { channel, status: 'skipped', attempts: 0 };
    const tipId = tipAt(channel, n, this.o.tipIds);
    const where = { ...ctx, tip: tipId };
    for (let attempt = 1; ; attempt++) {
      try {
        await this.o.post(channel, tipId);
        this.o.log.info({ ...where, attempts: attempt }, 'tip posted');
        await this.o.slots
          .posted(channel, slot)
          .catch((err: unknown) => this.o.log.warn({ ...where, err }, 'tip posted, but not recorded as posted'));
        return { channel, tipId, status: 'posted', attempts: attempt };
      } catch (err) {
        const retryAfter = Number((err as { retryAfter?: unknown }).retryAfter);
        const delay =
          Number.isFinite(retryAfter) && retryAfter > 0
            ? Math.min(retryAfter * 1000, RETRY_AFTER_CAP_MS)
            : this.o.backoffMs * 2 ** (attempt - 1);
        if (deliveryUnconfirmed(err)) {
          // Slack may have posted it; a retry could post the tip twice.
          this.o.log.error({ ...where, err, attempts: attempt }, 'tip post not confirmed by Slack; not retried');
          return { channel, tipId, status: 'unconfirmed', attempts: attempt };
        }
        if (attempt >= this.o.attempts || this.outOfSlot(delay)) {
          this.o.log.error({ ...where, err, attempts: attempt }, 'tip not posted; this slot is skipped');
          return { channel, tipId, status: 'failed', attempts: attempt };
        }
        this.o.log.warn({ ...where, attempt, retry_in_ms: delay }, 'tip post failed; retrying');
        await this.o.sleep(delay);
      }
    }
  }
}
