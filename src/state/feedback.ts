/**
 * Feedback votes on answers: one vote per user per answer, changeable, kept for 90 days, with the
 * answer's intent and entry ids (never the question's text or anything else the user typed).
 *
 * - `MemoryFeedback`: one process.
 * - `FileFeedback`: one process that may restart (a JSON file in STATE_DIR).
 * - `RedisFeedback` (redis-stores.ts): any number of replicas.
 *
 * @example
 * const before = await feedback.vote({ answer: 'T1:C1:1700000000.0001', user: 'U1', vote: 'up', intent: 'library', subjects: ['httpx'], at: Date.now() });
 */
import type { z as Z } from 'zod';
import { JsonFile } from './json-file.js';
import { lazily, zod } from '../knowledge/zod.js';

const schemas = lazily(() => {
  const z = zod();
  const Vote = z.object({
    /** The answer voted on: team, channel and message ts. */
    answer: z.string(),
    user: z.string(),
    vote: z.enum(['up', 'down']),
    intent: z.string(),
    subjects: z.array(z.string()),
    /** When the vote was cast (ms since epoch). */
    at: z.number(),
  });
  return { Vote, File: z.object({ version: z.literal(1), votes: z.array(Vote) }) };
});
export const VoteSchema = () => schemas().Vote;
export type Vote = Z.infer<ReturnType<typeof VoteSchema>>;

export interface FeedbackStore {
  /** Records a user's vote on an answer, replacing their earlier one; returns the earlier vote, if any. */
  vote(v: Vote): Promise<Vote['vote'] | undefined>;
  /** Every vote cast since `at` (ms since epoch). */
  since(at: number): Promise<Vote[]>;
}

/** Votes are kept this long. */
export const FEEDBACK_TTL_DAYS = 90;
const TTL_MS = FEEDBACK_TTL_DAYS * 24 * 60 * 60 * 1000;

type FeedbackFile = Z.infer<ReturnType<typeof schemas>['File']>;

function record(votes: Vote[], v: Vote, now: number): Vote['vote'] | undefined {
  const i = votes.findIndex((o) => o.answer === v.answer && o.user === v.user);
  const before = i >= 0 ? votes[i]?.vote : undefined;
  if (i >= 0) votes.splice(i, 1);
  votes.push(v);
  const fresh = votes.filter((o) => now - o.at < TTL_MS);
  votes.splice(0, votes.length, ...fresh);
  return before;
}

export class MemoryFeedback implements FeedbackStore {
  private readonly votes: Vote[] = [];
  constructor(private readonly now: () => number = Date.now) {}

  async vote(v: Vote): Promise<Vote['vote'] | undefined> {
    return record(this.votes, { ...v }, this.now());
  }

  async since(at: number): Promise<Vote[]> {
    return this.votes.filter((v) => v.at >= at).map((v) => ({ ...v }));
  }
}

export class FileFeedback implements FeedbackStore {
  private readonly json: JsonFile<FeedbackFile>;

  constructor(
    file: string,
    report?: (message: string) => void,
    private readonly now: () => number = Date.now,
  ) {
    this.json = new JsonFile(
      file,
      () => schemas().File,
      () => ({ version: 1, votes: [] }),
      report,
    );
  }

  vote(v: Vote): Promise<Vote['vote'] | undefined> {
    return this.json.change((f) => record(f.votes, { ...v }, this.now()));
  }

  async since(at: number): Promise<Vote[]> {
    return (await this.json.read()).votes.filter((v) => v.at >= at);
  }
}
