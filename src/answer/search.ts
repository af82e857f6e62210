/**
 * Ranks knowledge entries for free text through the Lunr index, and tells how much of the text
 * the knowledge covered, so off-topic questions are not answered with a confident guess.
 *
 * @example
 * const { hits, coverage } = rankEntries(kb, index, 'task queue');
 */
import { type Entry, entryKeys, type Knowledge } from '../knowledge/model.js';
import type { Matches } from '../knowledge/evaluator.js';
import { searchIndex, stem, tokenize, type SearchIndex } from '../knowledge/search-index.js';
import { editDistance } from './names.js';
import { wordsOf } from './util.js';

/** Words that carry no topic in a question about tools. */
export const QUESTION_WORDS = new Set(
  (
    'python pythons py library libraries lib libs package packages tool tools module modules use using used ' +
    'should would could can need needs want wants best good better great nice what which whats how why who ' +
    'do does did done my our your me we you us something some way ways recommend recommended suggest ' +
    'tell thing things stuff work works help get make please want there any anything also just really ' +
    'one ones like go option options choice choices alternative alternatives'
  ).split(' '),
);

export interface Ranked {
  entry: Entry;
  score: number;
  /** Share of the query words this entry matched in its name or aliases. */
  nameCover: number;
  /** Share of the query words this entry matched in its use cases. */
  useCover: number;
  /** Share of the query words this entry matched anywhere. */
  cover: number;
}

export interface Ranking {
  tokens: string[];
  hits: Ranked[];
  /** Share of the query words that matched anything in the top hits. */
  coverage: number;
}

/** How well one term matches one query stem: 1 the same, 0.5 one edit apart (stems of 5 letters or more), else 0. */
function closeness(term: string, s: string): number {
  if (term === s) return 1;
  return s.length >= 5 && editDistance(term, s) === 1 ? 0.5 : 0;
}

/**
 * How many query words the matched terms cover, in the name or aliases, in the use cases, and
 * anywhere: 1 for an exact match, 0.5 for a one-edit match. One pass over the terms (this runs for
 * every hit of every search).
 */
function matchedWords(
  stems: string[],
  terms: Map<string, Set<string>>,
  named: (i: number) => boolean = () => true,
): { name: number; use: number; any: number } {
  const out = { name: 0, use: 0, any: 0 };
  for (const [i, s] of stems.entries()) {
    let name = 0;
    let use = 0;
    let any = 0;
    terms.forEach((where, term) => {
      const c = closeness(term, s);
      if (!c) return;
      any = Math.max(any, c);
      if ((where.has('name') || where.has('aliases')) && named(i)) name = Math.max(name, c);
      if (where.has('use_cases')) use = Math.max(use, c);
    });
    out.name += name;
    out.use += use;
    out.any += any;
  }
  return out;
}

/** How many query words any of the terms covers. */
function coveredWords(stems: string[], seen: Set<string>): number {
  let n = 0;
  for (const s of stems) {
    if (seen.has(s)) n += 1;
    else {
      let best = 0;
      for (const term of seen) if ((best = Math.max(best, closeness(term, s))) === 0.5) break;
      n += best;
    }
  }
  return n;
}

/**
 * Searches made while answering one question: reading a message may rank the same words several
 * times (the need, then its picks), and Lunr queries dominate answer time. The engine forgets them
 * before each question, so every question is answered, and measured, from scratch.
 */
const remembered = new WeakMap<SearchIndex, Map<string, Matches>>();

/** Forgets the searches of the previous question. */
export function forgetSearches(index: SearchIndex): void {
  remembered.get(index)?.clear();
}

function hitsFor(index: SearchIndex, tokens: string[]): Matches {
  let cache = remembered.get(index);
  if (!cache) remembered.set(index, (cache = new Map()));
  const key = tokens.join(' ');
  const known = cache.get(key);
  if (known) return known;
  const found = searchIndex(index, tokens);
  cache.set(key, found);
  return found;
}

/** The words of an entry's keys (its id, name and aliases), worked out once per entry. */
const nameWords = new WeakMap<Entry, Set<string>>();
function nameWordsOf(e: Entry): Set<string> {
  let words = nameWords.get(e);
  if (!words) {
    words = new Set(
      entryKeys(e).flatMap((n) =>
        n
          .toLowerCase()
          .split(/[^a-z0-9]+/)
          .filter(Boolean),
      ),
    );
    nameWords.set(e, words);
  }
  return words;
}

/** Question words that still tell entries apart when one's name says them ("choose a library", not a framework). */
export const KIND_WORDS = new Set(['library', 'libraries', 'lib', 'libs', 'package', 'packages', 'module', 'modules']);
/** How much a name saying the kind asked about weighs beside the search's score (cross-validated +3). */
const KIND_SAID_WEIGHT = 1.1;
const singular = (w: string) => w.replace(/ies$/, 'y').replace(/s$/, '');

/** How many ranked entries a search hands on. */
const MAX_HITS = 12;

/** Ranks entries (optionally of some types only) for the text. */
export function rankEntries(kb: Knowledge, index: SearchIndex, text: string, types?: Entry['type'][]): Ranking {
  const tokens = tokenize(text, QUESTION_WORDS);
  const stems = tokens.map(stem);
  const raw = hitsFor(index, tokens);
  const hits: Ranked[] = [];
  const seen = new Set<string>();
  // The best 12 of the wanted types, in Lunr's order, without sorting or reading the rest.
  const accept = (ref: string) => {
    const entry = kb.entries.get(ref);
    return Boolean(entry) && (!types || types.includes((entry as Entry).type));
  };
  for (const h of raw.top(MAX_HITS, accept)) {
    const entry = kb.entries.get(h.id) as Entry;
    // A package's name is matched by its own words, never by another word of the same stem ("mechanical" is not
    // mechanize): names are not inflected. (Cross-validated +1: "does scapy play nicely with asyncio" no longer takes
    // "scapy" for Scrapy's name; a plural or singular of a name word still counts, "request" for requests.)
    const words = entry.type === 'package' ? nameWordsOf(entry) : undefined;
    const m = matchedWords(stems, h.terms, (i) => {
      const w = tokens[i] ?? '';
      return !words || words.has(w) || words.has(`${w}s`) || words.has(w.replace(/s$/, ''));
    });
    hits.push({
      entry,
      score: h.score,
      nameCover: m.name / stems.length,
      useCover: m.use / stems.length,
      cover: m.any / stems.length,
    });
    for (const t of h.terms.keys()) seen.add(t);
  }
  // "how do i choose a python library": the entry whose name says the kind of thing asked about (a library, not a
  // framework) first, though the word itself weighs nothing in the search.
  const kinds = wordsOf(text)
    .filter((w) => KIND_WORDS.has(w))
    .map(singular);
  if (kinds.length) {
    const weight = (h: Ranked) =>
      kinds.some((w) => nameWordsOf(h.entry).has(w)) ? h.score * KIND_SAID_WEIGHT : h.score;
    hits.sort((a, b) => weight(b) - weight(a));
  }
  return { tokens, hits, coverage: stems.length ? coveredWords(stems, seen) / stems.length : 0 };
}
