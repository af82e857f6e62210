/**
 * Every piece of state the bot keeps, built once in main.ts and passed in:
 * - embedded (no REDIS_URL): claims and tip slots and votes in files under STATE_DIR, thread
 *   context in memory; one process.
 * - shared (REDIS_URL): all of them on Redis, so any number of replicas answer each event once and
 *   post each tip slot once.
 *
 * @example
 * const stores = process.env.REDIS_URL ? redisStores(await connectRedis({ url, log })) : embeddedStores(dir, warn);
 */
import { join } from 'node:path';
import { type ClaimStore, FileClaims } from './claims.js';
import { type CorrectionStore, FileCorrections } from './corrections.js';
import { ClaimsWithFallback, ThreadsWithFallback } from './fallback.js';
import { FileGaps, type GapStore } from './gaps.js';
import { type FeedbackStore, FileFeedback } from './feedback.js';
import type { Logger } from '../log.js';
import type { RedisLink } from './redis.js';
import {
  RedisClaims,
  RedisCorrections,
  RedisFeedback,
  RedisGaps,
  RedisThreadContext,
  RedisTipSlots,
} from './redis-stores.js';
import { MemoryThreadContext, type ThreadContextStore } from './thread-context.js';
import { FileTipSlots, type TipSlotStore } from './tip-slots.js';

export interface Stores {
  kind: 'embedded' | 'redis';
  claims: ClaimStore;
  slots: TipSlotStore;
  feedback: FeedbackStore;
  corrections: CorrectionStore;
  gaps: GapStore;
  threads: ThreadContextStore;
  /** 'degraded' while a shared store is away (the bot still answers). */
  health(): 'ok' | 'degraded';
  close(): Promise<void>;
}

/** The files the embedded stores keep in STATE_DIR. */
export const STATE_FILES = {
  claims: 'claims.log',
  slots: 'tips-state.json',
  feedback: 'feedback.json',
  corrections: 'corrections.json',
  gaps: 'gaps.jsonl',
} as const;

/** Where the gaps log was kept before it became JSON lines; carried over when the stores open. */
const FORMER_GAPS_FILE = 'gaps.json';

/** Reports each distinct problem at most once a minute. */
export function oncePerMinute(report: (message: string) => void, now: () => number = Date.now) {
  const last = new Map<string, number>();
  return (message: string) => {
    const key = message.replace(/\(.*\)/, '');
    if (now() - (last.get(key) ?? -Infinity) < 60_000) return;
    last.set(key, now());
    report(message);
  };
}

export function embeddedStores(stateDir: string, report: (message: string) => void): Stores {
  const warn = oncePerMinute(report);
  return {
    kind: 'embedded',
    claims: new FileClaims(join(stateDir, STATE_FILES.claims), warn),
    slots: new FileTipSlots(join(stateDir, STATE_FILES.slots), warn),
    feedback: new FileFeedback(join(stateDir, STATE_FILES.feedback), warn),
    corrections: new FileCorrections(join(stateDir, STATE_FILES.corrections), warn),
    gaps: new FileGaps(join(stateDir, STATE_FILES.gaps), warn, Date.now, join(stateDir, FORMER_GAPS_FILE)),
    threads: new MemoryThreadContext(),
    health: () => 'ok',
    close: async () => {},
  };
}

export function redisStores(link: RedisLink): Stores {
  return {
    kind: 'redis',
    claims: new ClaimsWithFallback(new RedisClaims(link.client), link),
    slots: new RedisTipSlots(link.client),
    feedback: new RedisFeedback(link.client),
    corrections: new RedisCorrections(link.client),
    gaps: new RedisGaps(link.client),
    threads: new ThreadsWithFallback(new RedisThreadContext(link.client), link),
    health: () => (link.healthy() ? 'ok' : 'degraded'),
    close: () => link.close(),
  };
}

/** The stores the configuration asks for: Redis with REDIS_URL, else the embedded ones in STATE_DIR. */
export async function openStores(config: { redisUrl?: string; stateDir: string }, log: Logger): Promise<Stores> {
  if (config.redisUrl) {
    // The Redis client is loaded only when it is used: one process without REDIS_URL starts faster.
    const { connectRedis } = await import('./redis.js');
    return redisStores(await connectRedis({ url: config.redisUrl, log }));
  }
  return embeddedStores(config.stateDir, (message) => log.warn({ component: 'state' }, message));
}
