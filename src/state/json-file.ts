/**
 * A small JSON file in STATE_DIR, read and written whole: written atomically (a temp file, then
 * rename), with one change at a time inside this process (a promise chain), so a store built on it
 * can offer one atomic method per operation. A missing file reads as `empty`; a corrupt one is kept
 * aside as `<file>.corrupt`, reported, and read as `empty`. Writing errors reach the caller.
 *
 * @example
 * const file = new JsonFile('.data/tips.json', Schema, () => ({ version: 2, channels: {} }), warn);
 * const n = await file.change((state) => { state.count++; return state.count; });
 */
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { z } from 'zod';

export class JsonFile<T> {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly file: string,
    /** Built on first use (zod loads then): a store that is never read or written never loads it. */
    private readonly schema: () => z.ZodType<T>,
    private readonly empty: () => T,
    private readonly report: (message: string) => void = () => {},
    /** Turns an older layout into today's, or returns undefined when it is not one. */
    private readonly upgrade: (old: unknown) => T | undefined = () => undefined,
  ) {}

  /** Reads the file (outside any change). */
  read(): Promise<T> {
    return this.serial(() => this.load());
  }

  /** Reads, lets `fn` change the value, writes it back, and returns what `fn` returned. */
  change<R>(fn: (value: T) => R): Promise<R> {
    return this.serial(async () => {
      const value = await this.load();
      const result = fn(value);
      await this.write(value);
      return result;
    });
  }

  private serial<R>(fn: () => Promise<R>): Promise<R> {
    const run = this.queue.then(fn);
    this.queue = run.catch(() => {});
    return run;
  }

  private async load(): Promise<T> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT')
        this.report(`state file ${this.file} unreadable (${(err as Error).message}); starting afresh`);
      return this.empty();
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const parsed = this.schema().safeParse(json);
    if (parsed.success) return parsed.data;
    const upgraded = json === undefined ? undefined : this.upgrade(json);
    if (upgraded !== undefined) return upgraded;
    const kept = `${this.file}.corrupt`;
    await rename(this.file, kept).catch(() => {});
    this.report(`state file ${this.file} is corrupt (kept as ${kept}); starting afresh`);
    return this.empty();
  }

  private async write(value: T): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    try {
      await writeFile(tmp, `${JSON.stringify(value)}\n`);
      await rename(tmp, this.file);
    } catch (err) {
      await unlink(tmp).catch(() => {});
      throw err;
    }
  }
}
