/**
 * The last question asked in each Slack thread, so a follow-up ("and for async?") is read with it.
 * Kept for a while (TTL) and bounded in size; a shared store (Redis) can implement the same interface.
 *
 * @example
 * const threads = new MemoryThreadContext();
 * await threads.set('T1:C1:1700000000.0001', 'what http client should I use');
 * await threads.get('T1:C1:1700000000.0001') // 'what http client should I use'
 */

export interface ThreadContextStore {
  get(thread: string): Promise<string | undefined>;
  set(thread: string, question: string): Promise<void>;
}

/** A follow-up more than this long after the question is read on its own. */
export const THREAD_TTL_MS = 60 * 60 * 1000;
const MAX_THREADS = 10_000;

export class MemoryThreadContext implements ThreadContextStore {
  private readonly last = new Map<string, { question: string; at: number }>();

  constructor(
    private readonly ttlMs = THREAD_TTL_MS,
    private readonly max = MAX_THREADS,
    private readonly now: () => number = Date.now,
  ) {}

  async get(thread: string): Promise<string | undefined> {
    const hit = this.last.get(thread);
    if (!hit) return undefined;
    if (this.now() - hit.at > this.ttlMs) {
      this.last.delete(thread);
      return undefined;
    }
    return hit.question;
  }

  async set(thread: string, question: string): Promise<void> {
    this.last.delete(thread);
    this.last.set(thread, { question, at: this.now() });
    // Map keeps insertion order: the first key is the thread asked longest ago.
    while (this.last.size > this.max) this.last.delete(this.last.keys().next().value as string);
  }
}
