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
  const prefixes = said.filter((s) => s.length >= MIN_PREFIX && !QUESTION_ONLY.has(s) && !STOP.has(s));
  const held = (w: string, st: string) => {
    if (stems.has(st)) return true;
    for (const p of prefixes) if (w.startsWith(p)) return true;
    return false;
  };
  // The entry holding most title words (then the largest share of its own), when no other holds as many at that share.
  let best: Entry | undefined;
  let bestN = 0;
  let bestShare = 0;
  let tied = false;
  for (const { entry, words } of titleWords(kb)) {
    let n = 0;
    for (const { w, s } of words) if (held(w, s)) n++;
    const share = words.length ? n / words.length : 0;
    if (n < MIN_WORDS || share < MIN_SHARE) continue;
    if (!best || n > bestN || (n === bestN && share > bestShare)) {
      best = entry;
      bestN = n;
      bestShare = share;
      tied = false;
    } else if (n === bestN && share === bestShare) tied = true;
  }
  return tied ? undefined : best;
}
