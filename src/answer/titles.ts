/**
 * Checklists and stacks asked for in their title's own words, though a name in the message would
 * otherwise answer ("what's the usual git flow from branch to deploy for a small team" is the team
 * Git workflow, not git's card; "is some random github lib safe to depend on" is the signs a library
 * is safe to depend on). Most of the title's words must be in the message, as words or their stems,
 * or a word of the message must start the title's word ("lib" for library), and one entry must lead.
 *
 * @example
 * titledList(kb, ['usual', 'git', 'flow', 'from', 'branch', 'to', 'deploy', 'small', 'team'])?.id // 'git-workflow'
 */
import { derived } from '../knowledge/derived.js';
import type { Entry, Knowledge } from '../knowledge/model.js';
import { stem } from '../knowledge/search-index.js';
import { QUESTION_ONLY } from './spans.js';
import { FILLER } from './words.js';
import { wordsOf } from './util.js';

/** Title words the message must hold: at least this many… */
const MIN_WORDS = 3;
/** …and this share of them. */
const MIN_SHARE = 0.75;
/** A message word this long may stand for a title word it starts ("lib", "dev"), unless it is a little word of its own. */
const MIN_PREFIX = 3;
const STOP = new Set([
  'and',
  'but',
  'the',
  'for',
  'our',
  'you',
  'can',
  'not',
  'all',
  'any',
  'its',
  'too',
  'use',
  'from',
  'by',
  'at',
  'or',
  'as',
]);

/** A word in this many titles or more ("stack", "python", "developer") tells none of them apart, and is not counted. */
const COMMON_IN_TITLES = 3;

const titleWords = derived((kb) => {
  const lists = [...kb.checklists, ...kb.stacks].map((e) => ({
    entry: e as Entry,
    words: [...new Set(wordsOf(e.title).filter((w) => !FILLER.has(w)))],
  }));
  const df = new Map<string, number>();
  for (const { words } of lists) for (const w of words) df.set(w, (df.get(w) ?? 0) + 1);
  // Each title word with its stem, worked out once per knowledge (thousands of titles at 100x); a title with
  // fewer telling words than a match needs is left out.
  return lists
    .map(({ entry, words }) => ({
      entry,
      words: words.filter((w) => (df.get(w) ?? 0) < COMMON_IN_TITLES).map((w) => ({ w, s: stem(w) })),
    }))
    .filter(({ words }) => words.length >= MIN_WORDS);
});

export function titledList(kb: Knowledge, said: readonly string[]): Entry | undefined {
  const stems = new Set(said.map(stem));
  const held = ({ w, s: st }: { w: string; s: string }) =>
    stems.has(st) ||
    said.some((s) => s.length >= MIN_PREFIX && w.startsWith(s) && !QUESTION_ONLY.has(s) && !STOP.has(s));
  const scored = titleWords(kb)
    .map(({ entry, words }) => {
      const n = words.filter(held).length;
      return { entry, n, share: words.length ? n / words.length : 0 };
    })
    .filter((s) => s.n >= MIN_WORDS && s.share >= MIN_SHARE)
    .sort((a, b) => b.n - a.n || b.share - a.share);
  const [best, next] = scored;
  return best && (!next || next.n < best.n || next.share < best.share) ? best.entry : undefined;
}
