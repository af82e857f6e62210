/**
 * Where the tip rotation is kept, behind an interface: a small JSON file by default (written
 * atomically: temp file, then rename), or memory. A missing or corrupt file is reported and
 * started afresh, never a crash. A shared store (Redis) can implement the same interface.
 *
 * @example
 * const store = new FileTipStateStore('.data/tips-state.json', (msg) => log.warn(msg));
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { emptyState, type TipState, TipStateSchema } from './rotation.js';

export interface TipStateStore {
  load(): Promise<TipState>;
  save(state: TipState): Promise<void>;
}

export class MemoryTipStateStore implements TipStateStore {
  private state = emptyState();
  async load(): Promise<TipState> {
    return structuredClone(this.state);
  }
  async save(state: TipState): Promise<void> {
    this.state = structuredClone(state);
  }
}

export class FileTipStateStore implements TipStateStore {
  constructor(
    readonly file: string,
    private readonly report: (message: string) => void = () => {},
  ) {}

  async load(): Promise<TipState> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (err) {
      const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
      this.report(
        missing
          ? `tip state ${this.file} not found; starting a new rotation`
          : `tip state ${this.file} unreadable (${(err as Error).message}); starting afresh`,
      );
      return emptyState();
    }
    try {
      return TipStateSchema.parse(JSON.parse(text));
    } catch {
      const kept = `${this.file}.corrupt`;
      await rename(this.file, kept).catch(() => {});
      this.report(`tip state ${this.file} is corrupt (kept as ${kept}); starting a new rotation`);
      return emptyState();
    }
  }

  async save(state: TipState): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(tmp, `${JSON.stringify(state)}\n`);
    await rename(tmp, this.file);
  }
}
