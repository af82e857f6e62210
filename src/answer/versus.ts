/**
 * Concepts that weigh two things, by their title ("Python developer vs data engineer", "Batch vs
 * streaming processing"): a question that names both sides and weighs them asks for that concept,
 * though one side alone links to another entry ("python developer" is the role's own concept).
 * And concepts whose title weighs named packages with words of its own ("Should I learn Django,
 * Flask or FastAPI first?"): a question naming the same packages with those words asks for it.
 *
 * @example
 * weighedConcept(kb, ['difference', 'between', 'a', 'python', 'developer', 'and', 'a', 'data', 'engineer'])?.id
 * // 'python-dev-vs-data-engineer'
 */
import type { ConceptEntry, Knowledge } from '../knowledge/model.js';
import { derived } from '../knowledge/derived.js';
import { QUESTION_ONLY } from './spans.js';
import { wordsOf } from './util.js';

/** A word of the message stands for a side's word when it is the word or its start ("dev" for developer). */
const MIN_PREFIX = 3;

interface Weighed {
  entry: ConceptEntry;
  sides: string[][];
}

const weighedConcepts = derived((kb) =>
  kb.concepts.flatMap((e): Weighed[] => {
    const parts = e.title.toLowerCase().split(/\s+(?:vs\.?|versus)\s+/);
    if (parts.length !== 2) return [];
    const sides = parts.map((p) => wordsOf(p).filter((w) => !QUESTION_ONLY.has(w)));
    return sides.every((side) => side.length) ? [{ entry: e, sides }] : [];
  }),
);

/** Whether a word of the message stands for a side's word, and for nothing of the other side ("auth" names neither). */
const stands = (said: readonly string[], word: string, other: readonly string[]) =>
  said.some(
    (w) =>
      w === word || (w.length >= MIN_PREFIX && word.startsWith(w) && !other.some((o) => o !== word && o.startsWith(w))),
  );

/** The concept whose title's two sides the words both name, when exactly one does. */
export function weighedConcept(kb: Knowledge, words: readonly string[]): ConceptEntry | undefined {
  const hits = weighedConcepts(kb).filter(({ sides: [a = [], b = []] }) =>
    [a.every((w) => stands(words, w, b)), b.every((w) => stands(words, w, a))].every(Boolean),
  );
  return hits.length === 1 ? hits[0]?.entry : undefined;
}

/** Title words that say nothing of what is weighed. */
const TITLE_FILLER = new Set(['or', 'vs', 'versus', 'and', 'my', 'your', 'our', 'a', 'an', 'the', 'for', 'to', 'of']);

interface Titled {
  entry: ConceptEntry;
  /** The packages the title names. */
  names: Set<string>;
  /** Its other words. */
  words: string[];
}

const titledConcepts = derived((kb) =>
  kb.concepts.flatMap((e): Titled[] => {
    const names = new Set<string>();
    const words: string[] = [];
    for (const w of wordsOf(e.title)) {
      if (QUESTION_ONLY.has(w) || TITLE_FILLER.has(w)) continue;
      const id = kb.names.get(w);
      if (id && kb.entries.get(id)?.type === 'package') names.add(id);
      else words.push(w);
    }
    return names.size >= 2 && words.length ? [{ entry: e, names, words }] : [];
  }),
);

/** The concept whose title names exactly these packages and whose other words the message holds, when one does. */
export function titledConcept(
  kb: Knowledge,
  words: readonly string[],
  named: readonly string[],
): ConceptEntry | undefined {
  const ids = new Set(named);
  const hits = titledConcepts(kb).filter(
    (c) =>
      c.names.size === ids.size && [...c.names].every((id) => ids.has(id)) && c.words.every((w) => words.includes(w)),
  );
  return hits.length === 1 ? hits[0]?.entry : undefined;
}
