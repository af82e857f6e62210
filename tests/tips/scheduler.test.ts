/**
 * The tip scheduler with a fake clock: slots are run directly (no real time passes), posts go
 * to a recording function that can fail on demand.
 */
import { Writable } from 'node:stream';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { TipScheduler } from '../../src/tips/schedule.js';
import { FileTipSlots, MemoryTipSlots, type TipSlotStore } from '../../src/state/tip-slots.js';

const tipIds = Array.from({ length: 8 }, (_, i) => `tip-${i}`);
const slot = (n: number) => new Date(Date.UTC(2026, 0, 5 + n, 9));

function setup(
  opts: {
    store?: TipSlotStore;
    fail?: (call: number) => Error | undefined;
    channels?: string[];
    tips?: string[];
  } = {},
) {
  const posts: { channel: string; tipId: string }[] = [];
  const sleeps: number[] = [];
  const lines: string[] = [];
  const destination = new Writable({
    write(c, _e, done) {
      lines.push(String(c));
      done();
    },
  });
  let calls = 0;
  const scheduler = new TipScheduler({
    channels: opts.channels ?? ['C1'],
    schedule: '0 9 * * 1-5',
    timezone: 'UTC',
    tipIds: opts.tips ?? tipIds,
    slots: opts.store ?? new MemoryTipSlots(),
    log: createLogger({ level: 'info', destination }),
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    post: async (channel, tipId) => {
      const err = opts.fail?.(++calls);
      if (err) throw err;
      posts.push({ channel, tipId });
    },
  });
  return { scheduler, posts, sleeps, lines };
}

describe('tip scheduler', () => {
  it('posts one tip per slot per channel, and a slot runs once', async () => {
    const { scheduler, posts } = setup({ channels: ['C1', 'C2'] });
    await scheduler.runSlot(slot(0));
    const again = await scheduler.runSlot(slot(0));
    expect(again.map((r) => r.status)).toEqual(['skipped', 'skipped']);
    expect(posts.map((p) => p.channel)).toEqual(['C1', 'C2']);
  });

  it('never repeats a tip across a full rotation', async () => {
    const { scheduler, posts } = setup();
    for (let i = 0; i < tipIds.length; i++) await scheduler.runSlot(slot(i));
    expect(new Set(posts.map((p) => p.tipId)).size).toBe(tipIds.length);
  });

  it('continues the rotation after a restart, neither repeating nor skipping', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'tips-')), 'state', 'tips.json');
    const first = setup({ store: new FileTipSlots(file) });
    for (let i = 0; i < 3; i++) await first.scheduler.runSlot(slot(i));
    const second = setup({ store: new FileTipSlots(file) });
    await second.scheduler.runSlot(slot(2)); // the same slot again after the restart: skipped
    for (let i = 3; i < tipIds.length; i++) await second.scheduler.runSlot(slot(i));
    const all = [...first.posts, ...second.posts].map((p) => p.tipId);
    expect(all).toHaveLength(tipIds.length);
    expect(new Set(all).size).toBe(tipIds.length);
  });

  it('reports a corrupt state file, keeps it aside and starts afresh', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tips-'));
    const file = join(dir, 'tips.json');
    writeFileSync(file, '{ not json');
    const reports: string[] = [];
    const { scheduler, posts } = setup({ store: new FileTipSlots(file, (m) => reports.push(m)) });
    const [result] = await scheduler.runSlot(slot(0));
    expect(result?.status).toBe('posted');
    expect(posts).toHaveLength(1);
    expect(reports.join()).toMatch(/corrupt/);
    expect(readFileSync(`${file}.corrupt`, 'utf8')).toBe('{ not json');
    expect(JSON.parse(readFileSync(file, 'utf8')).version).toBe(2);
  });

  it("continues an earlier version's rotation file where it stopped", async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'tips-')), 'tips.json');
    const lastSlot = slot(0).toISOString();
    writeFileSync(
      file,
      JSON.stringify({ version: 1, channels: { C1: { order: tipIds, next: 3, cycle: 0, lastSlot } } }),
    );
    const { scheduler, posts } = setup({ store: new FileTipSlots(file) });
    expect((await scheduler.runSlot(slot(0)))[0]?.status).toBe('skipped');
    await scheduler.runSlot(slot(1));
    expect(JSON.parse(readFileSync(file, 'utf8')).channels.C1.count).toBe(4);
    expect(posts).toHaveLength(1);
  });

  it('posts on time even when a saved slot lies ahead of the clock', async () => {
    const store = new MemoryTipSlots();
    await store.claim('C1', '2099-01-05T09:00:00.000Z');
    const { scheduler, posts } = setup({ store });
    expect((await scheduler.runSlot(slot(0)))[0]?.status).toBe('posted');
    expect(posts).toHaveLength(1);
  });

  it('logs a slot whose state cannot be saved, skips it, and carries on (no crash)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tips-'));
    writeFileSync(join(dir, 'a-file'), 'not a directory');
    const { scheduler, posts, lines } = setup({ store: new FileTipSlots(join(dir, 'a-file', 'tips.json')) });
    const [result] = await scheduler.runSlot(slot(0));
    expect(result?.status).toBe('failed');
    expect(posts).toHaveLength(0);
    expect(lines.join('')).toContain('tip slot could not be claimed (state store unavailable); this slot is skipped');
    expect(lines.join('')).toMatch(/EEXIST|ENOTDIR/);
  });

  it('records a posted slot as posted after the post', async () => {
    const store = new MemoryTipSlots();
    const { scheduler } = setup({ store });
    await scheduler.runSlot(slot(0));
    expect(await store.status('C1', slot(0).toISOString())).toBe('posted');
  });

  it('at start, reports the last slot that was taken but never recorded as posted, and does not post it', async () => {
    const store = new MemoryTipSlots();
    const { Cron } = await import('croner');
    const [previous] = new Cron('0 9 * * 1-5', { paused: true, timezone: 'UTC' }).previousRuns(1, new Date());
    await store.claim('C1', previous?.toISOString() ?? '');
    const { scheduler, posts, lines } = setup({ store });
    scheduler.start();
    for (let i = 0; i < 50 && !lines.join('').includes('never confirmed'); i++)
      await new Promise((r) => setTimeout(r, 10));
    scheduler.stop();
    expect(lines.join('')).toContain('tip slot was taken but its post was never confirmed');
    expect(posts).toHaveLength(0);
  });

  it('with no tips at all, logs each slot instead of throwing', async () => {
    const { scheduler, lines } = setup({ tips: [] });
    expect((await scheduler.runSlot(slot(0)))[0]?.status).toBe('failed');
    scheduler.start();
    expect(lines.join('')).toContain('tip scheduler not started: the knowledge has no tips');
  });

  it('retries a 429 after its Retry-After and posts once', async () => {
    const limited = Object.assign(new Error('rate limited'), { retryAfter: 2 });
    const { scheduler, posts, sleeps } = setup({ fail: (n) => (n === 1 ? limited : undefined) });
    const [result] = await scheduler.runSlot(slot(0));
    expect(result).toMatchObject({ status: 'posted', attempts: 2 });
    expect(sleeps).toEqual([2000]);
    expect(posts).toHaveLength(1);
  });

  it('waits at most 30 s for a long Retry-After', async () => {
    const limited = Object.assign(new Error('rate limited'), { retryAfter: 3600 });
    const { scheduler, sleeps } = setup({ fail: (n) => (n === 1 ? limited : undefined) });
    await scheduler.runSlot(slot(0));
    expect(sleeps).toEqual([30_000]);
  });

  it('backs off on other failures, logs a slot that still fails, and never posts it late', async () => {
    const { scheduler, posts, sleeps, lines } = setup({ fail: () => new Error('boom') });
    const [result] = await scheduler.runSlot(slot(0));
    expect(result).toMatchObject({ status: 'failed', attempts: 4 });
    expect(sleeps).toEqual([1000, 2000, 4000]);
    expect(lines.join('')).toContain('tip not posted; this slot is skipped');
    const retry = await scheduler.runSlot(slot(0));
    expect(retry[0]?.status).toBe('skipped');
    expect(posts).toHaveLength(0);
  });

  it('does not retry a post Slack may have done without confirming (timeout), so it is never posted twice', async () => {
    const timeout = Object.assign(new Error('An HTTP protocol error occurred'), {
      original: new DOMException('The operation was aborted due to timeout', 'TimeoutError'),
    });
    const { scheduler, sleeps, lines } = setup({ fail: (n) => (n === 1 ? timeout : undefined) });
    const [result] = await scheduler.runSlot(slot(0));
    expect(result).toMatchObject({ status: 'unconfirmed', attempts: 1 });
    expect(sleeps).toEqual([]);
    expect(lines.join('')).toContain('tip post not confirmed by Slack; not retried');
  });
});

describe('tips configuration', () => {
  it('refuses an invalid schedule or time zone with one line naming the variable', () => {
    expect(() => loadConfig({ TIPS_SCHEDULE: 'every morning' })).toThrow(/^TIPS_SCHEDULE must be a cron expression/);
    expect(() => loadConfig({ TIPS_SCHEDULE: '61 * * * *' })).toThrow(/^TIPS_SCHEDULE /);
    expect(() => loadConfig({ TIPS_TIMEZONE: 'Mars/Olympus' })).toThrow(/^TIPS_TIMEZONE must be an IANA time zone/);
    expect(() => loadConfig({ TIPS_CHANNEL: 'general' })).toThrow(/^TIPS_CHANNEL must be channel ids/);
  });

  it('defaults to weekdays at 09:00 UTC, accepts seconds, and turns off without a channel or with TIPS_SCHEDULER=off', () => {
    expect(loadConfig({ TIPS_CHANNEL: 'C1AB, C2CD' }).tips).toEqual({
      channels: ['C1AB', 'C2CD'],
      schedule: '0 9 * * 1-5',
      timezone: 'UTC',
    });
    expect(
      loadConfig({ TIPS_CHANNEL: 'C1AB', TIPS_SCHEDULE: '*/10 * * * * *', TIPS_TIMEZONE: 'Europe/Paris' }).tips
        ?.timezone,
    ).toBe('Europe/Paris');
    expect(loadConfig({}).tips).toBeUndefined();
    expect(loadConfig({ TIPS_CHANNEL: 'C1AB', TIPS_SCHEDULER: 'off' }).tips).toBeUndefined();
  });
});
