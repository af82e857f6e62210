/**
 * "What should I use for X": the top picks for a need, each with one reason.
 *
 * @example
 * recommendAnswer(kb, 'task queue', [celery, rq, dramatiq]).subjects.map((s) => s.id) // ['celery', 'rq', 'dramatiq']
 */
import type { Entry, Knowledge } from '../knowledge/model.js';
import { entryName } from '../knowledge/model.js';
import type { Answer } from './types.js';
import { sourcesOf, subject } from './util.js';

const MAX_PICKS = 5;

/** Recommends the packages (best first); the first one's alternatives are named at the end. */
export function recommendAnswer(kb: Knowledge, need: string, ranked: Entry[]): Answer {
  const picks = [...new Map(ranked.filter((e) => e.type === 'package').map((e) => [e.id, e])).values()].slice(
    0,
    MAX_PICKS,
  );
  return {
    intent: 'recommend',
    title: `For ${need}`,
    subjects: picks.map(subject),
    sections: [
      {
        type: 'picks',
        picks: picks.map((p) => ({
          name: entryName(p),
          reason: p.type === 'package' ? `${p.summary} ${p.why[0] ?? ''}`.trim() : '',
        })),
      },
      {
        type: 'note',
        text: `More on one: /pystack lib ${picks[0]?.id ?? 'name'}${picks[1] ? ` · Side by side: /pystack compare ${picks[0]?.id} ${picks[1].id}` : ''}`,
      },
    ],
    sources: sourcesOf(kb, picks),
  };
}
