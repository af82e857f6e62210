/**
 * The gaps log: questions the bot could not answer well (an "I don't know" or only a weak
 * search list), so the knowledge's maintainers see what is missing. Kept: the normalised
 * question, the intent and the day; never who asked. 90 days. `RECORD_GAPS=off` turns it off.
 *
 * - `MemoryGaps`, `FileGaps` (a JSON file in STATE_DIR), `RedisGaps`.
 *
 * @example
 * await gaps.record({ question: 'what is gunicorn', intent: 'unknown', at: Date.now() });
 * (await gaps.top(Date.now() - 30 * DAY, 10))[0] // { question: 'what is gunicorn', intent: 'unknown', count: 3, last: … }
 */
import type { z as Z } from 'zod';
import { JsonFile } from './json-file.js';
import { zod } from '../knowledge/zod.js';

const z = zod();

export const GapSchema = z.object({ question: z.string(), intent: z.string(), at: z.number() });
export type Gap = Z.infer<typeof GapSchema>;
export interface GapCount {
  question: string;
  intent: string;
  count: number;
  /** When it was last asked (ms since epoch). */
  last: number;
}

export interface GapStore {
  record(g: Gap): Promise<void>;
  /** The gaps asked since `at`, most asked first (ties: most recent, then alphabetical), at most `limit`. */
  top(at: number, limit: number): Promise<GapCount[]>;
}

export const GAPS_TTL_DAYS = 90;
const TTL_MS = GAPS_TTL_DAYS * 24 * 60 * 60 * 1000;
/** Longest question kept in the log. */
export const GAP_QUESTION_MAX = 300;
/** The file keeps at most this many gaps (oldest dropped first). */
const MAX_FILE_GAPS = 20_000;

export function countGaps(gaps: Gap[], at: number, limit: number): GapCount[] {
  const by = new Map<string, GapCount>();
  for (const g of gaps) {
    if (g.at < at) continue;
    const key = `${g.intent}\n${g.question}`;
    const c = by.get(key) ?? { question: g.question, intent: g.intent, count: 0, last: 0 };
    c.count++;
    c.last = Math.max(c.last, g.at);
    by.set(key, c);
  }
  return [...by.values()]
    .sort(
      (a, b) =>
        b.count - a.count ||
        b.last - a.last ||
        a.question.localeCompare(b.question) ||
        a.intent.localeCompare(b.intent),
    )
    .slice(0, limit);
}

const clipGap = (g: Gap): Gap => ({ ...g, question: g.question.slice(0, GAP_QUESTION_MAX) });

export class MemoryGaps implements GapStore {
  private readonly list: Gap[] = [];
  constructor(private readonly now: () => number = Date.now) {}

  async record(g: Gap): Promise<void> {
    this.list.push(clipGap(g));
    while (this.list.length && this.now() - (this.list[0]?.at ?? 0) >= TTL_MS) this.list.shift();
    if (this.list.length > MAX_FILE_GAPS) this.list.splice(0, this.list.length - MAX_FILE_GAPS);
  }

  async top(at: number, limit: number): Promise<GapCount[]> {
    return countGaps(this.list, at, limit);
  }
}

const FileSchema = z.object({ version: z.literal(1), gaps: z.array(GapSchema) });

export class FileGaps implements GapStore {
  private readonly json: JsonFile<Z.infer<typeof FileSchema>>;
  constructor(
    file: string,
    report?: (message: string) => void,
    private readonly now: () => number = Date.now,
  ) {
    this.json = new JsonFile(file, FileSchema, () => ({ version: 1, gaps: [] }), report);
  }

  async record(g: Gap): Promise<void> {
    await this.json.change((f) => {
      f.gaps = [...f.gaps, clipGap(g)].filter((x) => this.now() - x.at < TTL_MS).slice(-MAX_FILE_GAPS);
    });
  }

  async top(at: number, limit: number): Promise<GapCount[]> {
    return countGaps((await this.json.read()).gaps, at, limit);
  }
}
