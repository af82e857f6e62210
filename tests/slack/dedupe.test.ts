import { describe, expect, it } from 'vitest';
import { MemorySeenStore } from '../../src/slack/dedupe.js';

describe('MemorySeenStore', () => {
  it('claims an id once', async () => {
    const seen = new MemorySeenStore();
    expect(await seen.claim('Ev1')).toBe(true);
    expect(await seen.claim('Ev1')).toBe(false);
    expect(await seen.claim('Ev2')).toBe(true);
  });

  it('forgets ids after the expiry', async () => {
    let now = 0;
    const seen = new MemorySeenStore({ ttlMs: 1000, now: () => now });
    await seen.claim('Ev1');
    now = 999;
    expect(await seen.claim('Ev1')).toBe(false);
    now = 2500;
    expect(await seen.claim('Ev1')).toBe(true);
  });

  it('stays bounded, forgetting the oldest first', async () => {
    const seen = new MemorySeenStore({ max: 3 });
    for (const id of ['a', 'b', 'c', 'd']) await seen.claim(id);
    expect(await seen.claim('d')).toBe(false);
    expect(await seen.claim('a')).toBe(true);
  });

  it('gives a released id back', async () => {
    const seen = new MemorySeenStore();
    await seen.claim('Ev1');
    await seen.release('Ev1');
    expect(await seen.claim('Ev1')).toBe(true);
  });
});
