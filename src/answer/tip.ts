/**
 * Tips: one short standalone tip with its source, picked by a seed so the same seed gives the
 * same tip (a door passes the day for "tip of the day", or seed + 1 for "another tip").
 *
 * @example
 * tipAnswer(kb, '', 3).tipSeed // 3
 */
import type { Knowledge, TipEntry } from '../knowledge/model.js';
import { tokenize } from '../knowledge/search-index.js';
import { entryAnswer } from './entry.js';
import type { Answer } from './types.js';
import { namesOf } from './util.js';

/** The tip-of-the-day seed: days since the Unix epoch. */
export function dayNumber(now: number = Date.now()): number {
  return Math.floor(now / 86_400_000);
}

/** Each tip's searchable text (its words and its related entries' names), made once per knowledge. */
const hays = new WeakMap<Knowledge, Map<TipEntry, string>>();

/** A tip's text and related names as words, worked out once per knowledge (thousands of tips at 100x). */
function wordsOfTip(tip: TipEntry, kb: Knowledge): string {
  let of = hays.get(kb);
  if (!of) hays.set(kb, (of = new Map()));
  let text = of.get(tip);
  if (text === undefined) {
    const hay = [tip.text, ...tip.related, ...namesOf(kb, tip.related)].join(' ').toLowerCase();
    of.set(tip, (text = ` ${hay.replace(/[^a-z0-9]+/g, ' ')}`));
  }
  return text;
}

/** How many of the topic's words a tip's text or related names hold (as the start of a word). */
function about(tip: TipEntry, words: string[], kb: Knowledge): number {
  const text = wordsOfTip(tip, kb);
  return words.filter((w) => text.includes(` ${w}`)).length;
}

/** The tip at `seed` in the rotation, among tips about the topic when one is given and matches. */
export function tipAnswer(kb: Knowledge, topic: string, seed: number): Answer {
  if (!kb.tips.length)
    return {
      intent: 'tip',
      title: 'Python stack tip',
      subjects: [],
      sources: [],
      sections: [{ type: 'note', text: 'There are no tips in the knowledge yet (`pystack check` says why).' }],
    };
  const words = tokenize(topic);
  // The tips about most of the topic's words ("security" and "django" before "django" alone).
  const counts = words.length ? kb.tips.map((t) => about(t, words, kb)) : [];
  const most = Math.max(0, ...counts);
  const matching = most ? kb.tips.filter((_, i) => counts[i] === most) : [];
  const pool = matching.length ? matching : kb.tips;
  const index = ((Math.trunc(seed) % pool.length) + pool.length) % pool.length;
  const tip = pool[index] as TipEntry;
  const answer = entryAnswer(kb, tip);
  const note =
    words.length && !matching.length
      ? [{ type: 'note' as const, text: `No tip about "${topic}" yet, so here is another one.` }]
      : [];
  return { ...answer, title: 'Python stack tip', sections: [...answer.sections, ...note], tipSeed: seed };
}
