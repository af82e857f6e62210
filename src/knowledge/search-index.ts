/**
 * The Lunr full-text index over every searchable entry. Built once (`npm run build`) into a JSON
 * file that start-up loads. User text never reaches `index.search()`: callers pass tokens, and
 * queries are built with `index.query`.
 *
 * @example
 * const index = buildIndex(kb);
 * const hits = searchIndex(index, ['task', 'queue']);
 */
import { readFileSync } from 'node:fs';
import lunr from 'lunr';
import { IndexError } from '../errors.js';
import { type Entry, entryName, type Knowledge } from './model.js';
import { type LunrJson, type Packed, pack, unpack } from './index-format.js';
import { Evaluator, evaluatorFor, Matches, refsKeepOrder, useEvaluator, type WantedTerm } from './evaluator.js';
import { NearWords } from './near.js';

/** 2: the compact form of index-format.ts. */
const FORMAT = 2;

/** Field weights: names and aliases above use cases above summaries. */
const FIELDS = { name: 10, aliases: 8, use_cases: 5, category: 2, summary: 1, body: 0.5 } as const;

function doc(e: Exclude<Entry, { type: 'tip' }>): Record<keyof typeof FIELDS | 'id', string> {
  const base = { id: e.id, name: entryName(e), aliases: e.aliases.join(' '), summary: e.summary };
  switch (e.type) {
    case 'package':
      return { ...base, use_cases: e.use_cases.join(' '), category: e.category, body: e.why.join(' ') };
    case 'checklist':
      return { ...base, use_cases: '', category: 'checklist', body: e.items.join(' ') };
    case 'stack':
      return {
        ...base,
        use_cases: e.good_for.join(' '),
        category: `${e.role} stack`,
        body: e.layers.map((l) => l.picks.join(' ')).join(' '),
      };
    case 'concept':
      return { ...base, use_cases: '', category: e.kind, body: e.points.join(' ') };
  }
}

/** Builds the index over packages, checklists, stacks and concepts (tips are not searched). */
export function buildIndex(kb: Knowledge): lunr.Index {
  return lunr(function build() {
    this.ref('id');
    for (const [field, boost] of Object.entries(FIELDS)) this.field(field, { boost });
    this.metadataWhitelist = [];
    for (const e of kb.entries.values()) if (e.type !== 'tip') this.add(doc(e));
  });
}

/** Serialises an index together with the digest of the knowledge it was built from. */
export function serializeIndex(kb: Knowledge, index: lunr.Index): string {
  return JSON.stringify({ format: FORMAT, digest: kb.digest, index: pack(index.toJSON() as unknown as LunrJson) });
}

/** Loads a serialised index; throws IndexError if it is missing, unreadable or built from other knowledge. */
export function loadIndex(path: string, kb: Knowledge): lunr.Index {
  let raw: { format?: number; digest?: string; index?: object };
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    throw new IndexError(
      missing ? `search index not found at ${path}` : `search index at ${path} is not valid JSON`,
    );
  }
  if (raw.format !== FORMAT || !raw.index)
    throw new IndexError(`search index at ${path} has an unknown format`);
  if (raw.digest !== kb.digest)
    throw new IndexError(`search index at ${path} was built from other knowledge`);
  try {
    const packed = raw.index as Packed;
    const index = lunr.Index.load(unpack(packed) as unknown as object);
    // The evaluator reads the compact form straight away: no Lunr posting objects are made for it.
    if (refsKeepOrder(packed.refs))
      useEvaluator(
        index,
        new Evaluator({
          fields: packed.fields,
          refs: packed.refs,
          terms: packed.terms.map(([term, ti, ...lists]) => [term, ti, lists] as const),
          vectors: packed.vectors,
        }),
      );
    return index;
  } catch {
    throw new IndexError(`search index at ${path} could not be loaded`);
  }
}

/** Lower-cased word tokens with stop words removed; what every query is built from. */
export function tokenize(text: string, stopWords: ReadonlySet<string> = new Set()): string[] {
  const words = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1 && w.length <= 40 && !stopWords.has(w));
  return words.filter((w) => lunr.stopWordFilter(new lunr.Token(w, {})) !== undefined).slice(0, 24);
}

/** Lunr keeps its term dictionary on the index; the typings do not declare it. */
const terms = (index: lunr.Index) =>
  (index as unknown as { invertedIndex: Record<string, unknown> }).invertedIndex;

/** Whether the index holds the word (stemmed) as a term: a word the knowledge itself uses. */
export function hasTerm(index: lunr.Index, word: string): boolean {
  return Object.hasOwn(terms(index), stem(word));
}

/** Whether the word is one edit away from an index term: a slip on a word the knowledge uses. */
export function nearTerm(index: lunr.Index, word: string): boolean {
  return neighbours(index, stem(word)).length > 0;
}

const vocabularies = new WeakMap<lunr.Index, NearWords>();

/** Index terms one edit away from `term` (terms of five or more letters), at most five. */
function neighbours(index: lunr.Index, term: string): string[] {
  if (term.length < 5) return [];
  let near = vocabularies.get(index);
  if (!near) {
    near = new NearWords(Object.keys(terms(index)));
    vocabularies.set(index, near);
  }
  return near.near(term).slice(0, 5);
}

/** The query terms for the tokens: a word the index does not hold is replaced by index terms one edit away. */
export function wantedTerms(index: lunr.Index, tokens: string[]): WantedTerm[] {
  return tokens.flatMap((t) => {
    const s = stem(t);
    return Object.hasOwn(terms(index), s)
      ? [{ term: s, boost: 1 }]
      : neighbours(index, s).map((n) => ({ term: n, boost: 0.3 }));
  });
}

/** Lunr's own evaluation of the same OR query: the reference the evaluator is checked against. */
export function lunrQuery(index: lunr.Index, wanted: readonly WantedTerm[]): lunr.Index.Result[] {
  return index.query((q) => {
    for (const { term, boost } of wanted)
      q.term(term, { usePipeline: false, boost, presence: lunr.Query.presence.OPTIONAL });
  });
}

/**
 * Runs an OR query of the tokens (see wantedTerms), evaluated over the index's postings and
 * weights with exactly Lunr's scores (evaluator.ts). An empty token list matches nothing.
 */
export function searchIndex(index: lunr.Index, tokens: string[]): Matches {
  if (!tokens.length) return Matches.none;
  const wanted = wantedTerms(index, tokens);
  if (!wanted.length) return Matches.none;
  return evaluatorFor(index).query(wanted);
}

/** The stemmed form Lunr indexes a word under, to tell which query words a hit matched. */
export function stem(word: string): string {
  return lunr.stemmer(new lunr.Token(word, {})).toString();
}
