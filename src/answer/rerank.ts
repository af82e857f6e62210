/**
 * A second opinion on answers found by retrieval: when the parser left an entry to the search
 * (a need, a topic, a described problem), the entry ranker reads the whole message and, when it
 * is clearly surer of another entry of the same kind, that entry answers instead. Answers about
 * a name the message gave, comparisons, exclusions and "I don't know" are never touched, so the
 * second opinion cannot turn an out-of-scope question into a confident one.
 *
 * @example
 * settle(kb, ranker, query, answer, 'page loads users then each users orders, slow in prod')
 */
import type { Entry, Knowledge, PackageEntry } from '../knowledge/model.js';
import { entryAnswer } from './entry.js';
import type { Query } from './query.js';
import type { EntryRanker, RankedEntry } from './ranker.js';
import { recommendAnswer } from './recommend.js';
import type { Answer } from './types.js';

/**
 * How much likelier (log-likelihood gap) the ranker's entry must be than the one retrieval chose.
 * Naive Bayes over a whole message is overconfident, so a small gap is noise; measured by training
 * without two tuning files and scoring on them (`node dist/scripts/train/entries.js --leave-out`).
 */
export const MIN_GAP = 12;
/** Packages within this gap of the best one are near equals: the articles' standard one leads. */
const NEAR = 2;
const MAX_PICKS = 5;
const RETRIEVED = new Set(['concept', 'checklist', 'stack', 'recommend']);

const standingRank = (p: PackageEntry) => (p.standing === 'standard' ? 2 : p.standing === 'popular' ? 1 : 0);

/** The answer, or the one the ranker is clearly surer of. */
export function settle(kb: Knowledge, ranker: EntryRanker, q: Query, a: Answer, text: string): Answer {
  if (!RETRIEVED.has(a.intent) || !retrieved(q)) return a;
  const type: Entry['type'] = a.intent === 'recommend' ? 'package' : (a.intent as Entry['type']);
  const ranked = ranker.rank(text, type);
  const [top] = ranked;
  const current = a.subjects[0]?.id;
  if (!top || top.entry.id === current) return a;
  const held = ranked.find((r) => r.entry.id === current);
  if (held && top.score - held.score < MIN_GAP) return a;
  if (type !== 'package') return entryAnswer(kb, top.entry);
  return recommendAnswer(kb, (top.entry as PackageEntry).category.toLowerCase(), picksOf(ranked, top));
}

/** Whether the query left the entry to retrieval (not a name given, not an exclusion). */
function retrieved(q: Query): boolean {
  if (q.kind === 'search') return !q.exclude.length;
  if (q.kind === 'recommend') return !q.exclude.length && !q.of && !q.fallback && !q.context.length;
  return false;
}

/** The top package's category, near equals ordered by the articles' emphasis, then the ranker's order. */
function picksOf(ranked: RankedEntry[], top: RankedEntry): PackageEntry[] {
  const category = (top.entry as PackageEntry).category;
  const same = ranked.filter((r) => (r.entry as PackageEntry).category === category);
  const near = same.filter((r) => top.score - r.score < NEAR);
  const rest = same.filter((r) => top.score - r.score >= NEAR);
  near.sort(
    (x, y) => standingRank(y.entry as PackageEntry) - standingRank(x.entry as PackageEntry) || y.score - x.score,
  );
  return [...near, ...rest].slice(0, MAX_PICKS).map((r) => r.entry as PackageEntry);
}
