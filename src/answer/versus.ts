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
import { QUESTION_ONLY } from './spans.js';

/** A word of the message stands for a side's word when it is the word or its start ("dev" for developer). */
const MIN_PREFIX = 3;

interface Weighed {
  entry: ConceptEntry;
  sides: string[][];
}

const made = new WeakMap<Knowledge, Weighed[]>();

function weighedConcepts(kb: Knowledge): Weighed[] {
  let list = made.get(kb);
  if (!list) {
    list = [];
    for (const e of kb.entries.values()) {
      if (e.type !== 'concept') continue;
      const parts = e.title.toLowerCase().split(/\s+(?:vs\.?|versus)\s+/);
      if (parts.length !== 2) continue;
      const sides = parts.map((p) => p.split(/[^a-z0-9+]+/).filter((w) => w && !QUESTION_ONLY.has(w)));
      if (sides.every((s) => s.length)) list.push({ entry: e, sides });
    }
    made.set(kb, list);
  }
  return list;
}

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

const titledMade = new WeakMap<Knowledge, Titled[]>();

function titledConcepts(kb: Knowledge): Titled[] {
  let list = titledMade.get(kb);
  if (!list) {
    list = [];
    for (const e of kb.concepts) {
      const names = new Set<string>();
      const words: string[] = [];
      for (const w of e.title.toLowerCase().split(/[^a-z0-9+]+/)) {
        if (!w || QUESTION_ONLY.has(w) || TITLE_FILLER.has(w)) continue;
        const id = kb.names.get(w);
        if (id && kb.entries.get(id)?.type === 'package') names.add(id);
        else words.push(w);
      }
      if (names.size >= 2 && words.length) list.push({ entry: e, names, words });
    }
    titledMade.set(kb, list);
  }
  return list;
}

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
