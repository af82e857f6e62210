/**
 * Work in flight: Bolt acknowledges an event before its listener runs and `app.stop()` does not
 * wait for listeners, so every request's handling is tracked here and drained on SIGTERM.
 *
 * @example
 * await inflight.track({ event_id: 'Ev1', type: 'app_mention' }, next());
 * const unfinished = await inflight.drain(8000); // what did not finish in time
 */
export type InFlightInfo = Record<string, string | number | undefined>;

export class InFlight {
  private readonly running = new Map<number, InFlightInfo>();
  private next = 0;
  private waiters: (() => void)[] = [];

  get size(): number {
    return this.running.size;
  }

  async track<T>(info: InFlightInfo, work: Promise<T>): Promise<T> {
    const id = this.next++;
    this.running.set(id, { ...info, started: Date.now() });
    try {
      return await work;
    } finally {
      this.running.delete(id);
      if (!this.running.size) for (const w of this.waiters.splice(0)) w();
    }
  }

  /** Resolves when nothing is in flight or after `ms`, with what was still running then. */
  async drain(ms: number): Promise<InFlightInfo[]> {
    if (this.running.size) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return [...this.running.values()];
  }
}
