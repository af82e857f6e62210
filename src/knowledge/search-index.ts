/**
 * The full-text index over every searchable entry, built with Lunr once (`npm run build`) and
 * written as a binary file of the query evaluator's arrays (evaluator.ts), which start-up maps
 * straight into typed arrays: no Lunr index is loaded to answer. User text never reaches Lunr's
 * query parser: callers pass tokens. Lunr's own `Index.query` stays the reference the evaluator is
 * checked against (tests/knowledge/evaluator.test.ts, the bench).
 *
 * @example
 * const index = buildIndex(kb);
 * const hits = searchIndex(index, ['task', 'queue']);
 */
import { readFileSync } from 'node:fs';
import lunr from 'lunr';
import { IndexError } from '../errors.js';
import { type Entry, entryName, type Knowledge } from './model.js';
import { Evaluator, type EvaluatorArrays, Matches, type WantedTerm } from './evaluator.js';
import { NearWords } from './near.js';
import { proseWords, rememberProse } from './prose.js';

/** The index answers are searched in: the evaluator over the index's postings and weights. */
export type SearchIndex = Evaluator;

/** 4: the evaluator's arrays as raw bytes after a JSON header that also lists the knowledge's prose words. */
const MAGIC = 'pystack-index-4';

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

/** Lunr's index over packages, checklists, stacks and concepts (tips are not searched): what the evaluator is laid out from. */
export function buildLunrIndex(kb: Knowledge): lunr.Index {
  return lunr(function build() {
    this.ref('id');
    for (const [field, boost] of Object.entries(FIELDS)) this.field(field, { boost });
    this.metadataWhitelist = [];
    for (const e of kb.entries.values()) if (e.type !== 'tip') this.add(doc(e));
  });
}

/** Builds the index in memory (a team overlay, or a missing or stale index file). */
export function buildIndex(kb: Knowledge): SearchIndex {
  return new Evaluator(buildLunrIndex(kb));
}

const ARRAYS = ['lunrIndex', 'rowStart', 'docs', 'weights', 'vecStart', 'vecTerms'] as const;

/** The index file: a JSON header (format, the knowledge's digest, fields, refs, terms, array sizes), then the arrays. */
export function serializeIndex(kb: Knowledge, index: SearchIndex): Buffer {
  const a = index.arrays();
  const header = Buffer.from(
    JSON.stringify({
      magic: MAGIC,
      digest: kb.digest,
      fields: a.fields,
      refs: a.refs,
      terms: a.terms,
      // The knowledge's prose words (prose.ts), so start-up need not scan every entry's text for them.
      prose: [...proseWords(kb)],
      sizes: ARRAYS.map((k) => a[k].length),
    }),
  );
  const size = Buffer.alloc(4);
  size.writeUInt32LE(header.length);
  const parts: Buffer[] = [size, header];
  let at = 4 + header.length;
  for (const k of ARRAYS) {
    // Typed arrays need aligned memory: each part starts at a multiple of 8.
    const pad = (8 - (at % 8)) % 8;
    parts.push(Buffer.alloc(pad));
    const bytes = Buffer.from(a[k].buffer, a[k].byteOffset, a[k].byteLength);
    parts.push(bytes);
    at += pad + bytes.length;
  }
  return Buffer.concat(parts);
}

/** Loads the index file; throws IndexError if it is missing, unreadable or built from other knowledge. */
export function loadIndex(path: string, kb: Knowledge): SearchIndex {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch {
    throw new IndexError(`search index not found at ${path}`);
  }
  let header: {
    magic?: string;
    digest?: string;
    fields: string[];
    refs: string[];
    terms: string[];
    prose?: string[];
    sizes: number[];
  };
  let length: number;
  try {
    length = buf.readUInt32LE(0);
    header = JSON.parse(buf.subarray(4, 4 + length).toString('utf8'));
  } catch {
    throw new IndexError(`search index at ${path} is not readable`);
  }
  if (header.magic !== MAGIC) throw new IndexError(`search index at ${path} has an unknown format`);
  if (header.digest !== kb.digest) throw new IndexError(`search index at ${path} was built from other knowledge`);
  try {
    // A large file's buffer is its own and aligned; a small one may sit inside Node's pool and is copied.
    const bytes = buf.byteOffset % 8 === 0 ? buf : Uint8Array.from(buf);
    let at = 4 + length;
    const arrays: Partial<Record<(typeof ARRAYS)[number], Int32Array | Float64Array>> = {};
    ARRAYS.forEach((k, i) => {
      at += (8 - (at % 8)) % 8;
      const n = header.sizes[i] ?? 0;
      const width = k === 'weights' ? 8 : 4;
      if (at + n * width > bytes.length) throw new Error('truncated');
      arrays[k] =
        k === 'weights'
          ? new Float64Array(bytes.buffer, bytes.byteOffset + at, n)
          : new Int32Array(bytes.buffer, bytes.byteOffset + at, n);
      at += n * width;
    });
    const index = new Evaluator({ fields: header.fields, refs: header.refs, terms: header.terms, ...arrays } as EvaluatorArrays);
    if (Array.isArray(header.prose)) rememberProse(kb, header.prose);
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

/** Whether the index holds the word (stemmed) as a term: a word the knowledge itself uses. */
export function hasTerm(index: SearchIndex, word: string): boolean {
  return index.has(stem(word));
}

/** Whether the word is one edit away from an index term: a slip on a word the knowledge uses. */
export function nearTerm(index: SearchIndex, word: string): boolean {
  return neighbours(index, stem(word)).length > 0;
}

const vocabularies = new WeakMap<SearchIndex, NearWords>();

/** Index terms one edit away from `term` (terms of five or more letters), at most five. */
function neighbours(index: SearchIndex, term: string): string[] {
  if (term.length < 5) return [];
  let near = vocabularies.get(index);
  if (!near) {
    near = new NearWords([...index.terms()]);
    vocabularies.set(index, near);
  }
  return near.near(term).slice(0, 5);
}

/** The query terms for the tokens: a word the index does not hold is replaced by index terms one edit away. */
export function wantedTerms(index: SearchIndex, tokens: string[]): WantedTerm[] {
  return tokens.flatMap((t) => {
    const s = stem(t);
    return index.has(s)
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
export function searchIndex(index: SearchIndex, tokens: string[]): Matches {
  if (!tokens.length) return Matches.none;
  const wanted = wantedTerms(index, tokens);
  if (!wanted.length) return Matches.none;
  return index.query(wanted);
}

/** The stemmed form Lunr indexes a word under, to tell which query words a hit matched. */
export function stem(word: string): string {
  return lunr.stemmer(new lunr.Token(word, {})).toString();
}
