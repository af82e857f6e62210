/**
 * The shared stores on Redis, for any number of replicas. Every operation that must be atomic
 * across replicas is one command or one Lua script, never read-modify-write from here. Keys start
 * with `pystack:` and carry the team id the caller puts in them. These throw when Redis is away;
 * fallback.ts decides what happens then.
 *
 * @example
 * const stores = { claims: new RedisClaims(link.client), slots: new RedisTipSlots(link.client) };
 */
import type { RedisClient } from './redis.js';
import type { ClaimStore } from './claims.js';
import {
  type Correction,
  CORRECTION_MAX,
  CorrectionSchema,
  CORRECTIONS_TTL_DAYS,
  type CorrectionStore,
} from './corrections.js';
import {
  countGaps,
  type Gap,
  GAP_QUESTION_MAX,
  type GapCount,
  GapSchema,
  GAPS_TTL_DAYS,
  type GapStore,
} from './gaps.js';
import { FEEDBACK_TTL_DAYS, type FeedbackStore, type Vote, VoteSchema } from './feedback.js';
import type { SlotStatus, TipSlotStore } from './tip-slots.js';
import { THREAD_TTL_MS, type ThreadContextStore } from './thread-context.js';

const P = 'pystack:';

export class RedisClaims implements ClaimStore {
  constructor(private readonly redis: RedisClient) {}

  async claim(key: string, ttlSec: number): Promise<boolean> {
    const ok = await this.redis.set(`${P}claim:${key}`, '1', {
      condition: 'NX',
      expiration: { type: 'EX', value: Math.max(1, Math.ceil(ttlSec)) },
    });
    return ok === 'OK';
  }

  async release(key: string): Promise<void> {
    await this.redis.del(`${P}claim:${key}`);
  }
}

/** How long a taken slot is remembered. */
const SLOT_TTL_SEC = 7 * 24 * 60 * 60;

/**
 * Takes a slot and the rotation's next position together. ARGV[2] is the highest position this
 * process has seen: should Redis come back empty (a restart without persistence), the rotation
 * goes on from there instead of starting over.
 */
const CLAIM_SLOT = `
local n = tonumber(redis.call('GET', KEYS[2]) or '0')
local floor = tonumber(ARGV[2])
if floor > n then n = floor; redis.call('SET', KEYS[2], n) end
if redis.call('SET', KEYS[1], 'taken', 'NX', 'EX', ARGV[1]) then
  redis.call('SET', KEYS[2], n + 1)
  return {1, n}
end
return {0, n}`;

export class RedisTipSlots implements TipSlotStore {
  private readonly seen = new Map<string, number>();
  constructor(private readonly redis: RedisClient) {}

  async claim(channel: string, slot: string): Promise<number | undefined> {
    const floor = this.seen.get(channel) ?? 0;
    const [won, n] = (await this.redis.eval(CLAIM_SLOT, {
      keys: [`${P}tips:${channel}:slot:${slot}`, `${P}tips:${channel}:count`],
      arguments: [String(SLOT_TTL_SEC), String(floor)],
    })) as [number, number];
    this.seen.set(channel, Math.max(floor, won ? n + 1 : n));
    return won ? n : undefined;
  }

  async posted(channel: string, slot: string): Promise<void> {
    await this.redis.set(`${P}tips:${channel}:slot:${slot}`, 'posted', { condition: 'XX', expiration: 'KEEPTTL' });
  }

  async status(channel: string, slot: string): Promise<SlotStatus | undefined> {
    const v = await this.redis.get(`${P}tips:${channel}:slot:${slot}`);
    return v === 'taken' || v === 'posted' ? v : undefined;
  }
}

const FEEDBACK_TTL_MS = FEEDBACK_TTL_DAYS * 24 * 60 * 60 * 1000;
const FEEDBACK_INDEX = `${P}feedback:index`;

/** Replaces a user's vote on an answer and indexes it by time; returns the earlier vote. */
const VOTE = `
local before = redis.call('HGET', KEYS[1], ARGV[1])
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[5])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', tonumber(ARGV[3]) - tonumber(ARGV[4]))
return before`;

export class RedisFeedback implements FeedbackStore {
  constructor(private readonly redis: RedisClient) {}

  async vote(v: Vote): Promise<Vote['vote'] | undefined> {
    const before = (await this.redis.eval(VOTE, {
      keys: [`${P}feedback:${v.answer}`, FEEDBACK_INDEX],
      arguments: [v.user, JSON.stringify(v), String(v.at), String(FEEDBACK_TTL_MS), `${v.answer}\n${v.user}`],
    })) as string | null;
    if (!before) return undefined;
    const parsed = VoteSchema().safeParse(JSON.parse(before));
    return parsed.success ? parsed.data.vote : undefined;
  }

  async since(at: number): Promise<Vote[]> {
    const members = await this.redis.zRangeByScore(FEEDBACK_INDEX, at, '+inf');
    if (!members.length) return [];
    // One round trip for every vote, not one per vote.
    const batch = this.redis.multi();
    for (const m of members) {
      const [answer = '', user = ''] = m.split('\n');
      batch.hGet(`${P}feedback:${answer}`, user);
    }
    const out: Vote[] = [];
    for (const raw of await batch.exec()) {
      const parsed = typeof raw === 'string' ? VoteSchema().safeParse(JSON.parse(raw)) : undefined;
      if (parsed?.success && parsed.data.at >= at) out.push(parsed.data);
    }
    return out;
  }
}

export class RedisThreadContext implements ThreadContextStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly ttlMs = THREAD_TTL_MS,
  ) {}

  async get(thread: string): Promise<string | undefined> {
    return (await this.redis.get(`${P}thread:${thread}`)) ?? undefined;
  }

  async set(thread: string, question: string): Promise<void> {
    await this.redis.set(`${P}thread:${thread}`, question, { expiration: { type: 'PX', value: this.ttlMs } });
  }
}

const CORRECTIONS = `${P}corrections`;
const GAPS = `${P}gaps`;
const DAY_MS = 24 * 60 * 60 * 1000;

export class RedisCorrections implements CorrectionStore {
  constructor(private readonly redis: RedisClient) {}

  async add(c: Correction): Promise<void> {
    const member = JSON.stringify({ ...c, text: c.text.slice(0, CORRECTION_MAX) });
    await this.redis
      .multi()
      .zAdd(CORRECTIONS, { score: c.at, value: member })
      .zRemRangeByScore(CORRECTIONS, '-inf', c.at - CORRECTIONS_TTL_DAYS * DAY_MS)
      .exec();
  }

  async since(at: number): Promise<Correction[]> {
    const members = await this.redis.zRangeByScore(CORRECTIONS, at, '+inf');
    return members
      .map((m) => CorrectionSchema().safeParse(JSON.parse(m)))
      .flatMap((p) => (p.success ? [p.data] : []))
      .sort((a, b) => b.at - a.at);
  }
}

export class RedisGaps implements GapStore {
  private n = 0;
  constructor(private readonly redis: RedisClient) {}

  async record(g: Gap): Promise<void> {
    // Members must differ even for the same question asked in the same millisecond.
    const member = JSON.stringify({
      ...g,
      question: g.question.slice(0, GAP_QUESTION_MAX),
      n: `${process.pid}.${this.n++}`,
    });
    await this.redis
      .multi()
      .zAdd(GAPS, { score: g.at, value: member })
      .zRemRangeByScore(GAPS, '-inf', g.at - GAPS_TTL_DAYS * DAY_MS)
      .exec();
  }

  async top(at: number, limit: number): Promise<GapCount[]> {
    const members = await this.redis.zRangeByScore(GAPS, at, '+inf');
    const gaps = members.map((m) => GapSchema().safeParse(JSON.parse(m))).flatMap((p) => (p.success ? [p.data] : []));
    return countGaps(gaps, at, limit);
  }
}
