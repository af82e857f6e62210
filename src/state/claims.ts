/**
 * Claims: "has anyone taken this key yet?", answered atomically, so a Slack event re-delivered
 * (Slack retries when it saw no 2xx within 3 s), a message delivered both as `message.im` and
 * `app_mention`, or a button clicked twice is handled exactly once. A claim lasts `ttlSec`.
 *
 * - `MemoryClaims`: one process; bounded, oldest forgotten first.
 * - `FileClaims`: one process that may restart; claims are appended to a file in STATE_DIR and
 *   read back at start, so an event Slack re-delivers after a restart is still known.
 * - `RedisClaims` (redis-stores.ts): any number of replicas (`SET key NX EX`).
 *
 * @example
 * if (!(await claims.claim(`event:${team}:${eventId}`, 3600))) return; // already answered
 */
import { appendFile, mkdir, rename, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface ClaimStore {
  /** True for the first claim of a key (until it expires or is released), false for every later one. */
  claim(key: string, ttlSec: number): Promise<boolean>;
  /** Gives a key back, e.g. when the work it guarded could not be done and may be tried again. */
  release(key: string): Promise<void>;
}

/** How many claims one process remembers at most; Slack re-delivers within minutes. */
const MAX_CLAIMS = 50_000;

export class MemoryClaims implements ClaimStore {
  protected readonly until = new Map<string, number>();

  constructor(
    protected readonly now: () => number = Date.now,
    private readonly max = MAX_CLAIMS,
  ) {}

  async claim(key: string, ttlSec: number): Promise<boolean> {
    return this.take(key, ttlSec);
  }

  async release(key: string): Promise<void> {
    this.until.delete(key);
  }

  protected take(key: string, ttlSec: number): boolean {
    const t = this.now();
    const held = this.until.get(key);
    if (held !== undefined && held > t) return false;
    this.until.delete(key);
    this.until.set(key, t + ttlSec * 1000);
    // Map keeps insertion order: drop expired claims from the front, and the oldest over the bound.
    for (const [old, at] of this.until) {
      if (at > t && this.until.size <= this.max) break;
      this.until.delete(old);
    }
    return true;
  }
}

export class FileClaims extends MemoryClaims {
  private appended = 0;
  private dirMade = false;
  private writing: Promise<unknown> = Promise.resolve();

  /** Reads the claims still held from `file` (a missing or unreadable file starts empty). */
  constructor(
    readonly file: string,
    private readonly report: (message: string) => void = () => {},
    now: () => number = Date.now,
  ) {
    super(now);
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT')
        report(`claims file ${file} unreadable (${(err as Error).message}); starting empty`);
    }
    const t = now();
    for (const line of text.split('\n')) {
      const space = line.indexOf(' ');
      const at = Number(line.slice(0, space));
      const key = decodeURIComponent(line.slice(space + 1));
      if (space < 1 || !Number.isFinite(at)) continue;
      this.until.delete(key);
      if (at > t) this.until.set(key, at);
    }
  }

  override async claim(key: string, ttlSec: number): Promise<boolean> {
    if (!this.take(key, ttlSec)) return false;
    await this.append(key, this.until.get(key) ?? 0);
    return true;
  }

  override async release(key: string): Promise<void> {
    this.until.delete(key);
    await this.append(key, 0);
  }

  /** Appends one line; a file that cannot be written is reported and the claim still holds in memory. */
  private append(key: string, at: number): Promise<void> {
    const run = this.writing.then(async () => {
      try {
        if (!this.dirMade) await mkdir(dirname(this.file), { recursive: true });
        this.dirMade = true;
        if (++this.appended > 2 * this.until.size + 1_000) await this.compact();
        else await appendFile(this.file, `${at} ${encodeURIComponent(key)}\n`);
      } catch (err) {
        this.report(`claims file ${this.file} not written (${(err as Error).message}); claims kept in memory only`);
      }
    });
    this.writing = run;
    return run;
  }

  /** Rewrites the file with the claims still held. */
  private async compact(): Promise<void> {
    const t = this.now();
    const lines = [...this.until].filter(([, at]) => at > t).map(([k, at]) => `${at} ${encodeURIComponent(k)}\n`);
    const tmp = `${this.file}.${process.pid}.tmp`;
    await writeFile(tmp, lines.join(''));
    await rename(tmp, this.file);
    this.appended = 0;
  }
}
