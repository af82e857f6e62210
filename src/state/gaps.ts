/**
 * The gaps log: questions the bot could not answer well (an "I don't know" or only a weak
 * search list), so the knowledge's maintainers see what is missing. Kept: the normalised
 * question, the intent and the day; never who asked. 90 days. `RECORD_GAPS=off` turns it off.
 *
 * - `MemoryGaps`, `FileGaps` (JSON lines in STATE_DIR, a line appended per gap), `RedisGaps`.
 *
 * @example
 * await gaps.record({ question: 'what is gunicorn', intent: 'unknown', at: Date.now() });
 * (await gaps.top(Date.now() - 30 * DAY, 10))[0] // { question: 'what is gunicorn', intent: 'unknown', count: 3, last: … }
 */
import type { z as Z } from 'zod';
import { appendFileSync, mkdirSync, readFileSync, unlinkSync } from 'node:fs';
import { appendFile, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { lazily, zod } from '../knowledge/zod.js';

export const GapSchema = lazily(() => {
  const z = zod();
  return z.object({ question: z.string(), intent: z.string(), at: z.number() });
});
export type Gap = Z.infer<ReturnType<typeof GapSchema>>;
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
/** The log keeps at most this many gaps (oldest dropped first); the file is rewritten to this many at twice as many lines. */
export const MAX_FILE_GAPS = 20_000;

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

/** The former layout: the whole log as one JSON document, rewritten on every gap. */
const FormerFileSchema = lazily(() => {
  const z = zod();
  return z.object({ version: z.literal(1), gaps: z.array(GapSchema()) });
});

/**
 * The gaps log in STATE_DIR as JSON lines, one gap a line: a gap costs one appended line however
 * long the log is (it used to cost reading, checking and rewriting the whole file, tens of
 * milliseconds at the cap, on every unanswered question). Reading parses the file, so another
 * handle on the same folder sees every gap. Once the file holds twice the cap, it is rewritten
 * with the newest gaps within the TTL. A line that does not parse is skipped and reported. A log
 * kept in the former layout (`legacy`, one JSON document) is carried over when the store opens.
 */
export class FileGaps implements GapStore {
  /** Lines in the file, counted before the first append of this process. */
  private lines: number | undefined;
  private dirMade = false;
  private writing: Promise<unknown> = Promise.resolve();

  constructor(
    readonly file: string,
    private readonly report: (message: string) => void = () => {},
    private readonly now: () => number = Date.now,
    legacy?: string,
  ) {
    if (legacy) this.carryOver(legacy);
  }

  record(g: Gap): Promise<void> {
    const run = this.writing.then(async () => {
      if (!this.dirMade) await mkdir(dirname(this.file), { recursive: true });
      this.dirMade = true;
      this.lines ??= (await this.read()).lines;
      await appendFile(this.file, `${JSON.stringify(clipGap(g))}\n`);
      if (++this.lines > 2 * MAX_FILE_GAPS) await this.compact();
    });
    this.writing = run.catch(() => {});
    return run;
  }

  async top(at: number, limit: number): Promise<GapCount[]> {
    await this.writing; // this handle's own gaps are in the file
    const oldest = this.now() - TTL_MS;
    return countGaps(
      (await this.read()).gaps.filter((g) => g.at > oldest),
      at,
      limit,
    );
  }

  /** The gaps in the file (a missing file has none), and how many lines it has. */
  private async read(): Promise<{ gaps: Gap[]; lines: number }> {
    let text = '';
    try {
      text = await readFile(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    return this.parse(text);
  }

  private parse(text: string): { gaps: Gap[]; lines: number } {
    const gaps: Gap[] = [];
    let bad = 0;
    let lines = 0;
    for (const line of text.split('\n')) {
      if (!line) continue;
      lines++;
      let parsed;
      try {
        parsed = GapSchema().safeParse(JSON.parse(line));
      } catch {
        parsed = undefined;
      }
      if (parsed?.success) gaps.push(parsed.data);
      else bad++;
    }
    if (bad) this.report(`gaps file ${this.file} has ${bad} unreadable line(s); skipped`);
    return { gaps, lines };
  }

  /** Rewrites the file with the newest gaps within the TTL, at most the cap. */
  private async compact(): Promise<void> {
    const oldest = this.now() - TTL_MS;
    const kept = (await this.read()).gaps.filter((g) => g.at > oldest).slice(-MAX_FILE_GAPS);
    const tmp = `${this.file}.${process.pid}.tmp`;
    await writeFile(tmp, kept.map((g) => `${JSON.stringify(g)}\n`).join(''));
    await rename(tmp, this.file);
    this.lines = kept.length;
  }

  /** Moves the gaps of a former-layout file into this one, once; a file that is not one is left and reported. */
  private carryOver(legacy: string): void {
    let text: string;
    try {
      text = readFileSync(legacy, 'utf8');
    } catch {
      return; // none (the usual case)
    }
    try {
      const parsed = FormerFileSchema().safeParse(JSON.parse(text));
      if (!parsed.success) throw new Error('not a gaps log');
      mkdirSync(dirname(this.file), { recursive: true });
      appendFileSync(this.file, parsed.data.gaps.map((g) => `${JSON.stringify(clipGap(g))}\n`).join(''));
      unlinkSync(legacy);
    } catch (err) {
      this.report(`former gaps file ${legacy} not carried over (${(err as Error).message})`);
    }
  }
}
