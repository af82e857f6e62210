/**
 * What the shared stores do while Redis is away: the bot keeps answering. Claims and thread
 * context fall back to this process's memory (which always keeps a copy, so this process still
 * answers each event once); feedback and tip slots have no safe local stand-in, so their errors
 * reach the caller (the voter is told, the slot is retried within its time and then skipped).
 *
 * @example
 * const claims = new ClaimsWithFallback(new RedisClaims(link.client), link);
 */
import { type ClaimStore, MemoryClaims } from './claims.js';
import type { RedisLink } from './redis.js';
import { MemoryThreadContext, type ThreadContextStore } from './thread-context.js';

export class ClaimsWithFallback implements ClaimStore {
  private readonly local = new MemoryClaims();
  constructor(
    private readonly shared: ClaimStore,
    private readonly link: Pick<RedisLink, 'healthy' | 'trouble'>,
  ) {}

  async claim(key: string, ttlSec: number): Promise<boolean> {
    const here = await this.local.claim(key, ttlSec);
    if (!this.link.healthy()) {
      this.link.trouble('Redis is away: events are deduplicated within this process only');
      return here;
    }
    try {
      return await this.shared.claim(key, ttlSec);
    } catch (err) {
      this.link.trouble('Redis did not answer a claim: events are deduplicated within this process only', err);
      return here;
    }
  }

  async release(key: string): Promise<void> {
    await this.local.release(key);
    if (this.link.healthy())
      await this.shared.release(key).catch((err: unknown) => this.link.trouble('Redis did not release a claim', err));
  }
}

export class ThreadsWithFallback implements ThreadContextStore {
  private readonly local = new MemoryThreadContext();
  constructor(
    private readonly shared: ThreadContextStore,
    private readonly link: Pick<RedisLink, 'healthy' | 'trouble'>,
  ) {}

  async get(thread: string): Promise<string | undefined> {
    if (!this.link.healthy()) return this.local.get(thread);
    try {
      return (await this.shared.get(thread)) ?? (await this.local.get(thread));
    } catch (err) {
      this.link.trouble('Redis did not answer for thread context', err);
      return this.local.get(thread);
    }
  }

  async set(thread: string, question: string): Promise<void> {
    await this.local.set(thread, question);
    if (!this.link.healthy()) return;
    await this.shared
      .set(thread, question)
      .catch((err: unknown) => this.link.trouble('Redis did not keep thread context', err));
  }
}
