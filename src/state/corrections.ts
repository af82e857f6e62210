/**
 * Corrections: what a user said is wrong or outdated in an answer ("Wrong or outdated?"), with
 * the answer's intent and entry ids, so the knowledge's maintainers can fix the entries. Kept
 * for 90 days.
 *
 * - `MemoryCorrections`, `FileCorrections` (a JSON file in STATE_DIR), `RedisCorrections`.
 *
 * @example
 * await corrections.add({ intent: 'library', subjects: ['httpx'], text: 'HTTP/3 is supported now', user: 'U1', at: Date.now() });
 */
import type { z as Z } from 'zod';
import { JsonFile } from './json-file.js';
import { lazily, zod } from '../knowledge/zod.js';

const schemas = lazily(() => {
  const z = zod();
  const Correction = z.object({
    intent: z.string(),
    /** The answer's entry ids. */
    subjects: z.array(z.string()),
    /** What the user wrote (kept for the maintainers; never logged). */
    text: z.string(),
    /** The user who wrote it, so a maintainer can ask back. */
    user: z.string(),
    at: z.number(),
  });
  return { Correction, File: z.object({ version: z.literal(1), corrections: z.array(Correction) }) };
});
export const CorrectionSchema = () => schemas().Correction;
export type Correction = Z.infer<ReturnType<typeof CorrectionSchema>>;

export interface CorrectionStore {
  add(c: Correction): Promise<void>;
  /** Corrections since `at`, newest first. */
  since(at: number): Promise<Correction[]>;
}

export const CORRECTIONS_TTL_DAYS = 90;
const TTL_MS = CORRECTIONS_TTL_DAYS * 24 * 60 * 60 * 1000;
/** Longest correction kept (Slack's input is capped lower; a stored one never grows past this). */
export const CORRECTION_MAX = 3000;

const newestFirst = (list: Correction[], at: number) => list.filter((c) => c.at >= at).sort((a, b) => b.at - a.at);

export class MemoryCorrections implements CorrectionStore {
  private readonly list: Correction[] = [];
  constructor(private readonly now: () => number = Date.now) {}

  async add(c: Correction): Promise<void> {
    this.list.push({ ...c, text: c.text.slice(0, CORRECTION_MAX) });
    const fresh = this.list.filter((x) => this.now() - x.at < TTL_MS);
    this.list.splice(0, this.list.length, ...fresh);
  }

  async since(at: number): Promise<Correction[]> {
    return newestFirst(this.list, at).map((c) => ({ ...c }));
  }
}

export class FileCorrections implements CorrectionStore {
  private readonly json: JsonFile<Z.infer<ReturnType<typeof schemas>['File']>>;
  constructor(
    file: string,
    report?: (message: string) => void,
    private readonly now: () => number = Date.now,
  ) {
    this.json = new JsonFile(
      file,
      () => schemas().File,
      () => ({ version: 1, corrections: [] }),
      report,
    );
  }

  async add(c: Correction): Promise<void> {
    await this.json.change((f) => {
      f.corrections = [...f.corrections, { ...c, text: c.text.slice(0, CORRECTION_MAX) }].filter(
        (x) => this.now() - x.at < TTL_MS,
      );
    });
  }

  async since(at: number): Promise<Correction[]> {
    return newestFirst((await this.json.read()).corrections, at);
  }
}
