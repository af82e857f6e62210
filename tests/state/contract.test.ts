/**
 * One contract, every implementation: the same cases run against the memory, file and Redis
 * stores (Redis for real: a redis-server on a free loopback port). Anything a listener or the
 * tip scheduler relies on is here, including what must hold when two callers race.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'redis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ClaimStore, FileClaims, MemoryClaims } from '../../src/state/claims.js';
import { type CorrectionStore, FileCorrections, MemoryCorrections } from '../../src/state/corrections.js';
import { type FeedbackStore, FileFeedback, MemoryFeedback, type Vote } from '../../src/state/feedback.js';
import { FileGaps, type GapStore, MemoryGaps } from '../../src/state/gaps.js';
import type { RedisClient } from '../../src/state/redis.js';
import {
  RedisClaims,
  RedisCorrections,
  RedisFeedback,
  RedisGaps,
  RedisThreadContext,
  RedisTipSlots,
} from '../../src/state/redis-stores.js';
import { MemoryThreadContext, type ThreadContextStore } from '../../src/state/thread-context.js';
import { FileTipSlots, MemoryTipSlots, type TipSlotStore } from '../../src/state/tip-slots.js';
import { type RedisServer, startRedis } from '../helpers/redis-server.js';

let server: RedisServer;
const clients: RedisClient[] = [];

async function redisClient(): Promise<RedisClient> {
  const c = createClient({ url: server.url });
  await c.connect();
  clients.push(c);
  return c;
}

beforeAll(async () => {
  server = await startRedis();
}, 20_000);

afterAll(async () => {
  for (const c of clients) await c.close();
  await server?.stop();
});

beforeEach(async () => {
  await (await redisClient()).flushAll();
});

const dir = () => mkdtempSync(join(tmpdir(), 'pystack-state-'));

/** Each implementation: `make()` gives a store; `again()` gives another handle on the same state (another process). */
interface Impl<S> {
  name: string;
  make(): Promise<{ store: S; again?: () => Promise<S> }>;
}

const claimImpls: Impl<ClaimStore>[] = [
  { name: 'memory', make: async () => ({ store: new MemoryClaims() }) },
  {
    name: 'file',
    make: async () => {
      const file = join(dir(), 'claims.log');
      return { store: new FileClaims(file), again: async () => new FileClaims(file) };
    },
  },
  {
    name: 'redis',
    make: async () => ({
      store: new RedisClaims(await redisClient()),
      again: async () => new RedisClaims(await redisClient()),
    }),
  },
];

const slotImpls: Impl<TipSlotStore>[] = [
  { name: 'memory', make: async () => ({ store: new MemoryTipSlots() }) },
  {
    name: 'file',
    make: async () => {
      const file = join(dir(), 'tips.json');
      return { store: new FileTipSlots(file), again: async () => new FileTipSlots(file) };
    },
  },
  {
    name: 'redis',
    make: async () => ({
      store: new RedisTipSlots(await redisClient()),
      again: async () => new RedisTipSlots(await redisClient()),
    }),
  },
];

const feedbackImpls: Impl<FeedbackStore>[] = [
  { name: 'memory', make: async () => ({ store: new MemoryFeedback() }) },
  {
    name: 'file',
    make: async () => {
      const file = join(dir(), 'feedback.json');
      return { store: new FileFeedback(file), again: async () => new FileFeedback(file) };
    },
  },
  {
    name: 'redis',
    make: async () => ({
      store: new RedisFeedback(await redisClient()),
      again: async () => new RedisFeedback(await redisClient()),
    }),
  },
];

const correctionImpls: Impl<CorrectionStore>[] = [
  { name: 'memory', make: async () => ({ store: new MemoryCorrections() }) },
  {
    name: 'file',
    make: async () => {
      const file = join(dir(), 'corrections.json');
      return { store: new FileCorrections(file), again: async () => new FileCorrections(file) };
    },
  },
  {
    name: 'redis',
    make: async () => ({
      store: new RedisCorrections(await redisClient()),
      again: async () => new RedisCorrections(await redisClient()),
    }),
  },
];

const gapImpls: Impl<GapStore>[] = [
  { name: 'memory', make: async () => ({ store: new MemoryGaps() }) },
  {
    name: 'file',
    make: async () => {
      const file = join(dir(), 'gaps.jsonl');
      return { store: new FileGaps(file), again: async () => new FileGaps(file) };
    },
  },
  {
    name: 'redis',
    make: async () => ({
      store: new RedisGaps(await redisClient()),
      again: async () => new RedisGaps(await redisClient()),
    }),
  },
];

const threadImpls: Impl<ThreadContextStore>[] = [
  { name: 'memory', make: async () => ({ store: new MemoryThreadContext() }) },
  {
    name: 'redis',
    make: async () => ({
      store: new RedisThreadContext(await redisClient()),
      again: async () => new RedisThreadContext(await redisClient()),
    }),
  },
];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(claimImpls)('claims: $name', ({ name, make }) => {
  it('grants a key once, and other keys independently', async () => {
    const { store } = await make();
    expect(await store.claim('event:T1:Ev1', 60)).toBe(true);
    expect(await store.claim('event:T1:Ev1', 60)).toBe(false);
    expect(await store.claim('event:T1:Ev2', 60)).toBe(true);
    expect(await store.claim('event:T2:Ev1', 60)).toBe(true);
  });

  it('grants exactly one of many simultaneous claims', async () => {
    const { store } = await make();
    const results = await Promise.all(Array.from({ length: 25 }, () => store.claim('click:T1:U1:1.2', 60)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('gives a released key back', async () => {
    const { store } = await make();
    await store.claim('share:T1:C1:1.0', 60);
    await store.release('share:T1:C1:1.0');
    expect(await store.claim('share:T1:C1:1.0', 60)).toBe(true);
  });

  it('forgets a claim after its time', async () => {
    const { store } = await make();
    expect(await store.claim('event:T1:short', 1)).toBe(true);
    await sleep(1_100);
    expect(await store.claim('event:T1:short', 1)).toBe(true);
  });

  // Memory lives in one process only: there is no other handle on it.
  if (name !== 'memory')
    it('is seen by another handle on the same state (a restart, or another replica)', async () => {
      const { store, again } = await make();
      if (!again) throw new Error('no second handle');
      expect(await store.claim('event:T1:Ev9 with odd % chars', 60)).toBe(true);
      expect(await (await again()).claim('event:T1:Ev9 with odd % chars', 60)).toBe(false);
    });
});

describe.each(slotImpls)('tip slots: $name', ({ name, make }) => {
  const slot = (d: number) => new Date(Date.UTC(2026, 0, 5 + d, 9)).toISOString();

  it('hands out rotation positions 0, 1, 2 … one per slot, per channel', async () => {
    const { store } = await make();
    expect(await store.claim('C1', slot(0))).toBe(0);
    expect(await store.claim('C1', slot(1))).toBe(1);
    expect(await store.claim('C2', slot(1))).toBe(0);
    expect(await store.claim('C1', slot(2))).toBe(2);
  });

  it('refuses a slot taken already, without advancing the rotation', async () => {
    const { store } = await make();
    await store.claim('C1', slot(0));
    expect(await store.claim('C1', slot(0))).toBeUndefined();
    expect(await store.claim('C1', slot(1))).toBe(1);
  });

  it('gives each of many simultaneous claims of one slot to one caller only', async () => {
    const { store } = await make();
    const got = await Promise.all(Array.from({ length: 10 }, () => store.claim('C1', slot(0))));
    expect(got.filter((n) => n !== undefined)).toEqual([0]);
  });

  it('never compares slots by time: a slot far ahead does not block the ones before it', async () => {
    const { store } = await make();
    expect(await store.claim('C1', '2099-01-01T09:00:00.000Z')).toBe(0);
    expect(await store.claim('C1', slot(0))).toBe(1);
  });

  it('tells a taken slot from a posted one', async () => {
    const { store } = await make();
    await store.claim('C1', slot(0));
    expect(await store.status('C1', slot(0))).toBe('taken');
    await store.posted('C1', slot(0));
    expect(await store.status('C1', slot(0))).toBe('posted');
    expect(await store.status('C1', slot(5))).toBeUndefined();
  });

  // Memory lives in one process only: there is no other handle on it.
  if (name !== 'memory')
    it('is shared with another handle on the same state', async () => {
      const { store, again } = await make();
      if (!again) throw new Error('no second handle');
      await store.claim('C1', slot(0));
      const other = await again();
      expect(await other.claim('C1', slot(0))).toBeUndefined();
      expect(await other.claim('C1', slot(1))).toBe(1);
      expect(await store.claim('C1', slot(2))).toBe(2);
    });
});

describe.each(feedbackImpls)('feedback: $name', ({ name, make }) => {
  const vote = (over: Partial<Vote> = {}): Vote => ({
    answer: 'T1:C1:1700000000.000100',
    user: 'U1',
    vote: 'up',
    intent: 'library',
    subjects: ['httpx'],
    at: Date.now(),
    ...over,
  });

  it('keeps one vote per user per answer, which the user can change', async () => {
    const { store } = await make();
    expect(await store.vote(vote())).toBeUndefined();
    expect(await store.vote(vote())).toBe('up');
    expect(await store.vote(vote({ vote: 'down' }))).toBe('up');
    await store.vote(vote({ user: 'U2' }));
    await store.vote(vote({ answer: 'T1:C1:1700000000.000200' }));
    const all = await store.since(0);
    expect(all).toHaveLength(3);
    expect(all.find((v) => v.user === 'U1' && v.answer.endsWith('100'))?.vote).toBe('down');
    expect(all[0]).toMatchObject({ intent: 'library', subjects: ['httpx'] });
  });

  it('lists the votes since a time', async () => {
    const { store } = await make();
    await store.vote(vote({ user: 'old', at: Date.now() - 10 * 86_400_000 }));
    await store.vote(vote({ user: 'new' }));
    expect((await store.since(Date.now() - 86_400_000)).map((v) => v.user)).toEqual(['new']);
  });

  // Memory lives in one process only: there is no other handle on it.
  if (name !== 'memory')
    it('is shared with another handle on the same state', async () => {
      const { store, again } = await make();
      if (!again) throw new Error('no second handle');
      await store.vote(vote());
      expect(await (await again()).vote(vote({ vote: 'down' }))).toBe('up');
    });
});

describe.each(threadImpls)('thread context: $name', ({ name, make }) => {
  it('remembers the last question per thread', async () => {
    const { store } = await make();
    expect(await store.get('T1:C1:1.0')).toBeUndefined();
    await store.set('T1:C1:1.0', 'what http client should I use');
    await store.set('T1:C1:1.0', 'compare httpx requests');
    await store.set('T1:C1:2.0', 'which orm');
    expect(await store.get('T1:C1:1.0')).toBe('compare httpx requests');
    expect(await store.get('T1:C1:2.0')).toBe('which orm');
  });

  // Memory lives in one process only: there is no other handle on it.
  if (name !== 'memory')
    it('is shared with another handle on the same state', async () => {
      const { store, again } = await make();
      if (!again) throw new Error('no second handle');
      await store.set('T1:C1:1.0', 'which orm');
      expect(await (await again()).get('T1:C1:1.0')).toBe('which orm');
    });
});

describe.each(correctionImpls)('corrections: $name', ({ name, make }) => {
  const day = 86_400_000;
  it('keeps each correction with its intent and entry ids, newest first, since a time', async () => {
    const { store } = await make();
    const now = Date.now();
    await store.add({ intent: 'library', subjects: ['httpx'], text: 'old', user: 'U1', at: now - 40 * day });
    await store.add({ intent: 'library', subjects: ['httpx'], text: 'HTTP/3 now', user: 'U1', at: now - day });
    await store.add({ intent: 'compare', subjects: ['celery', 'rq'], text: 'rq has cron', user: 'U2', at: now });
    const recent = await store.since(now - 30 * day);
    expect(recent.map((c) => c.text)).toEqual(['rq has cron', 'HTTP/3 now']);
    expect(recent[0]).toMatchObject({ intent: 'compare', subjects: ['celery', 'rq'], user: 'U2' });
  });

  it('never keeps more than 3000 characters of one', async () => {
    const { store } = await make();
    await store.add({ intent: 'library', subjects: [], text: 'x'.repeat(10_000), user: 'U1', at: Date.now() });
    expect((await store.since(0))[0]?.text).toHaveLength(3000);
  });

  if (name !== 'memory')
    it('is shared with another handle on the same state', async () => {
      const { store, again } = await make();
      if (!again) throw new Error('no second handle');
      await store.add({ intent: 'library', subjects: ['ruff'], text: 'fast', user: 'U1', at: Date.now() });
      expect((await (await again()).since(0)).map((c) => c.text)).toEqual(['fast']);
    });
});

describe.each(gapImpls)('gaps: $name', ({ name, make }) => {
  const day = 86_400_000;
  it('counts each question per intent since a time, most asked first', async () => {
    const { store } = await make();
    const now = Date.now();
    for (const [question, at] of [
      ['what is gunicorn', now - 2 * day],
      ['what is gunicorn', now - day],
      ['what is gunicorn', now],
      ['compare mlflow wandb', now],
      ['what is zope', now - 60 * day],
    ] as const)
      await store.record({ question, intent: 'unknown', at });
    await store.record({ question: 'what is gunicorn', intent: 'search', at: now });
    const top = await store.top(now - 30 * day, 10);
    expect(top.map((g) => [g.question, g.intent, g.count])).toEqual([
      ['what is gunicorn', 'unknown', 3],
      ['compare mlflow wandb', 'unknown', 1],
      ['what is gunicorn', 'search', 1],
    ]);
    expect(top[0]?.last).toBe(now);
    expect(await store.top(now - 30 * day, 1)).toHaveLength(1);
  });

  it('counts the same question recorded in the same millisecond twice', async () => {
    const { store } = await make();
    const at = Date.now();
    await Promise.all([1, 2].map(() => store.record({ question: 'what is tox', intent: 'unknown', at })));
    expect((await store.top(0, 5))[0]?.count).toBe(2);
  });

  if (name !== 'memory')
    it('is shared with another handle on the same state', async () => {
      const { store, again } = await make();
      if (!again) throw new Error('no second handle');
      await store.record({ question: 'what is nox', intent: 'unknown', at: Date.now() });
      expect((await (await again()).top(0, 5)).map((g) => g.question)).toEqual(['what is nox']);
    });
});
