/**
 * Remembers which Slack event ids were already taken, so a re-delivered event (Slack retries
 * when it saw no 2xx within 3 s) is answered exactly once. Behind an interface: the in-memory
 * default is bounded and forgets ids after a while; a shared store (Redis) can replace it.
 *
 * @example
 * const seen = new MemorySeenStore();
 * if (!(await seen.claim(eventId))) return; // already answered
 */
export interface SeenStore {
  /** True the first time an id is claimed (until it expires or is released), false after. */
  claim(id: string): Promise<boolean>;
  /** Gives an id back, e.g. when the answer could not be delivered and a retry may try again. */
  release(id: string): Promise<void>;
}

export interface MemorySeenStoreOptions {
  /** How many ids to remember at most (oldest forgotten first). */
  max?: number;
  /** How long an id is remembered. Slack retries within minutes, so an hour is plenty. */
  ttlMs?: number;
  now?: () => number;
}

export class MemorySeenStore implements SeenStore {
  private readonly ids = new Map<string, number>();
  private readonly max: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor({ max = 10_000, ttlMs = 60 * 60 * 1000, now = Date.now }: MemorySeenStoreOptions = {}) {
    this.max = max;
    this.ttlMs = ttlMs;
    this.now = now;
  }

  async claim(id: string): Promise<boolean> {
    const t = this.now();
    for (const [old, at] of this.ids) {
      if (t - at < this.ttlMs && this.ids.size < this.max) break;
      this.ids.delete(old);
    }
    if (this.ids.has(id)) return false;
    this.ids.set(id, t);
    return true;
  }

  async release(id: string): Promise<void> {
    this.ids.delete(id);
  }
}
