/**
 * A query evaluator over Lunr's own index, for the one kind of query pystack runs (OPTIONAL terms,
 * each with a boost, over every field, no pipeline). Lunr's `Index.query` builds a FieldRef string,
 * a MatchData and a Set per matching field and document; this walks postings and field vectors
 * laid out once in typed arrays, repeating Lunr's order of additions (query-vector upserts,
 * magnitude, dot products in ascending term index, per-document sums in first-match order, a
 * stable sort), so refs, order and scores are identical to Lunr's, bit for bit. Lunr stays the
 * reference: tests/knowledge/evaluator.test.ts compares the two.
 *
 * @example
 * const ev = evaluatorFor(index);
 * ev.query([{ term: 'queue', boost: 1 }]) // [{ ref: 'celery', score: …, terms: Map { 'queue' => Set { 'use_cases' } } }, …]
 */
import type lunr from 'lunr';
import { bestOf } from './best.js';

export interface WantedTerm {
  term: string;
  boost: number;
}

export interface EvaluatedHit {
  ref: string;
  /** The same as `ref` (what search callers read). */
  readonly id: string;
  score: number;
  /** Index terms this document matched, by field: `term -> fields` (as Lunr's matchData). */
  terms: Map<string, Set<string>>;
}

/** What a Lunr index is read as: fields, document refs, postings as ref numbers, field vectors. */
interface Layout {
  fields: readonly string[];
  refs: readonly string[];
  /** `[term, Lunr's term index, per field the ref numbers in Lunr's posting order]` */
  terms: Iterable<readonly [string, number, readonly (readonly number[])[]]>;
  /** `[field number, ref number, [termIndex, weight, …]]` */
  vectors: Iterable<readonly [number, number, readonly number[]]>;
}

/** The evaluator's own arrays, as the index file stores them (search-index.ts). */
export interface EvaluatorArrays {
  fields: readonly string[];
  refs: readonly string[];
  /** Every term, in row order. */
  terms: readonly string[];
  lunrIndex: Int32Array;
  rowStart: Int32Array;
  docs: Int32Array;
  weights: Float64Array;
  vecStart: Int32Array;
  vecTerms: Int32Array;
}

interface LunrInternals {
  fields: string[];
  invertedIndex: Record<string, Record<string, unknown> & { _index: number }>;
  fieldVectors: Record<string, { elements: number[] }>;
}

export class Evaluator {
  private readonly fields: string[];
  private readonly refs: readonly string[];
  /** term → its number here (its postings' row); Lunr's own term index is `lunrIndex[number]`. */
  private readonly termNo = new Map<string, number>();
  private readonly lunrIndex: Int32Array;
  /** Postings, one row per term × field, in Lunr's posting order: `docs[rowStart[row] … rowStart[row + 1])`. */
  private readonly rowStart: Int32Array;
  private readonly docs: Int32Array;
  /** The term's weight in the document's field vector, beside each posting. */
  private readonly weights: Float64Array;
  /** Field vectors' term indices (ascending), one row per field × document: what each document matched. */
  private readonly vecStart: Int32Array;
  private readonly vecTerms: Int32Array;

  /** Lays out a built Lunr index (reading its postings and field vectors once). */
  constructor(index: lunr.Index);
  /** Takes arrays laid out before (the index file's): nothing is read again. */
  constructor(arrays: EvaluatorArrays);
  constructor(source: lunr.Index | EvaluatorArrays) {
    if ('rowStart' in source) {
      this.fields = [...source.fields];
      this.refs = source.refs;
      source.terms.forEach((term, t) => this.termNo.set(term, t));
      ({ lunrIndex: this.lunrIndex, rowStart: this.rowStart, docs: this.docs, weights: this.weights } = source);
      ({ vecStart: this.vecStart, vecTerms: this.vecTerms } = source);
      return;
    }
    const layout = layoutOf(source);
    this.fields = [...layout.fields];
    this.refs = layout.refs;
    const nFields = this.fields.length;
    const n = this.refs.length;
    const terms = [...layout.terms];
    this.lunrIndex = new Int32Array(terms.length);
    this.rowStart = new Int32Array(terms.length * nFields + 1);
    let total = 0;
    terms.forEach(([term, termIndex, lists], t) => {
      this.termNo.set(term, t);
      this.lunrIndex[t] = termIndex;
      for (let f = 0; f < nFields; f++) {
        this.rowStart[t * nFields + f] = total;
        total += lists[f]?.length ?? 0;
      }
    });
    this.rowStart[terms.length * nFields] = total;
    this.docs = new Int32Array(total);
    terms.forEach(([, , lists], t) => {
      for (let f = 0; f < nFields; f++) this.docs.set(lists[f] ?? [], this.rowStart[t * nFields + f] as number);
    });
    // Field vectors: term indices per field × document; each weight goes beside its posting.
    const byLunr = new Map<number, number>();
    this.lunrIndex.forEach((ti, t) => byLunr.set(ti, t));
    const vectors = [...layout.vectors];
    const cells = nFields * n;
    const lengths = new Int32Array(cells);
    for (const [f, d, el] of vectors) lengths[f * n + d] = el.length / 2;
    this.vecStart = new Int32Array(cells + 1);
    for (let c = 0; c < cells; c++) this.vecStart[c + 1] = (this.vecStart[c] as number) + (lengths[c] as number);
    this.vecTerms = new Int32Array(this.vecStart[cells] as number);
    this.weights = new Float64Array(total);
    // Postings list documents in the order they were added, as vectors come: a cursor per row finds each one.
    const cursor = this.rowStart.slice(0, terms.length * nFields);
    for (const [f, d, el] of vectors) {
      const at = this.vecStart[f * n + d] as number;
      for (let i = 0; i < el.length; i += 2) {
        const ti = el[i] as number;
        this.vecTerms[at + i / 2] = ti;
        const t = byLunr.get(ti);
        if (t === undefined) continue;
        const row = t * nFields + f;
        let p = cursor[row] as number;
        if (this.docs[p] !== d) p = this.find(row, d);
        else cursor[row] = p + 1;
        if (p >= 0) this.weights[p] = el[i + 1] as number;
      }
    }
  }

  /** Where document d is in a postings row (-1 if absent): for postings not in the order vectors come. */
  private find(row: number, d: number): number {
    for (let p = this.rowStart[row] as number; p < (this.rowStart[row + 1] as number); p++) if (this.docs[p] === d) return p;
    return -1;
  }

  /** The arrays, for the index file. */
  arrays(): EvaluatorArrays {
    const { fields, refs, lunrIndex, rowStart, docs, weights, vecStart, vecTerms } = this;
    return { fields, refs, terms: [...this.termNo.keys()], lunrIndex, rowStart, docs, weights, vecStart, vecTerms };
  }

  /** How many postings the term holds, over every field (what a query on it reads). */
  postings(term: string): number {
    const t = this.termNo.get(term);
    if (t === undefined) return 0;
    const f = this.fields.length;
    return (this.rowStart[(t + 1) * f] as number) - (this.rowStart[t * f] as number);
  }

  /** Whether the index holds the term. */
  has(term: string): boolean {
    return this.termNo.has(term);
  }

  /** Every term the index holds. */
  terms(): IterableIterator<string> {
    return this.termNo.keys();
  }

  // Scratch space reused by every query (queries run one at a time): marks and sums by number, no per-hit objects.
  private generation = 0;
  private frSeen = new Uint32Array(0);
  private frDot = new Float64Array(0);
  private docSeen = new Uint32Array(0);
  private docHit = new Int32Array(0);
  private ensure(): void {
    const cells = this.fields.length * this.refs.length;
    if (this.frSeen.length === cells) return;
    this.frSeen = new Uint32Array(cells);
    this.frDot = new Float64Array(cells);
    this.docSeen = new Uint32Array(this.refs.length);
    this.docHit = new Int32Array(this.refs.length);
  }

  /** The documents matching any of the terms, best first, scored exactly as Lunr scores them. */
  query(wanted: readonly WantedTerm[]): Matches {
    this.ensure();
    const gen = ++this.generation;
    const nFields = this.fields.length;
    const n = this.refs.length;
    // The query vector (the same for every field: every clause covers every field), as Lunr upserts it.
    const q = new Map<number, number>();
    const rowOf = new Map<number, number>();
    const order: number[] = [];
    for (const { term, boost } of wanted) {
      const t = term ? this.termNo.get(term) : undefined; // Lunr's token set never yields ""
      if (t === undefined) continue;
      const ti = this.lunrIndex[t] as number;
      const had = q.get(ti);
      q.set(ti, had === undefined ? boost : had + boost);
      if (had !== undefined) continue;
      rowOf.set(ti, t);
      for (let f = 0; f < nFields; f++) {
        const row = t * nFields + f;
        for (let p = this.rowStart[row] as number; p < (this.rowStart[row + 1] as number); p++) {
          const d = this.docs[p] as number;
          const fr = f * n + d;
          if (this.frSeen[fr] !== gen) {
            this.frSeen[fr] = gen;
            this.frDot[fr] = 0;
            order.push(fr);
          }
          if (this.docSeen[d] !== gen) {
            this.docSeen[d] = gen;
            this.docHit[d] = -1;
          }
        }
      }
    }
    if (!order.length) return Matches.none;
    // Lunr's dot product adds the matched terms in ascending term index: so do the sums here, posting by posting.
    const qt = [...q.keys()].sort((a, b) => a - b);
    let squares = 0;
    for (const ti of qt) {
      const v = q.get(ti) as number;
      squares += v * v;
      const t = rowOf.get(ti) as number;
      for (let f = 0; f < nFields; f++) {
        const row = t * nFields + f;
        for (let p = this.rowStart[row] as number; p < (this.rowStart[row + 1] as number); p++) {
          const fr = f * n + (this.docs[p] as number);
          this.frDot[fr] = (this.frDot[fr] as number) + v * (this.weights[p] as number);
        }
      }
    }
    const magnitude = Math.sqrt(squares);
    const m = order.length;
    const docs = new Int32Array(m);
    const scores = new Float64Array(m);
    let found = 0;
    for (const fr of order) {
      const score = (this.frDot[fr] as number) / magnitude || 0;
      const doc = fr % n;
      const at = this.docHit[doc] as number;
      if (at >= 0) scores[at] = (scores[at] as number) + score;
      else {
        this.docHit[doc] = found;
        docs[found] = doc;
        scores[found] = score;
        found++;
      }
    }
    return new Matches(this.space(wanted), docs.subarray(0, found), scores.subarray(0, found));
  }

  private space(wanted: readonly WantedTerm[]): Space {
    return {
      refs: this.refs,
      fields: this.fields,
      wanted,
      termNo: this.termNo,
      lunrIndex: this.lunrIndex,
      vecStart: this.vecStart,
      vecTerms: this.vecTerms,
    };
  }
}

interface Space {
  refs: readonly string[];
  fields: readonly string[];
  wanted: readonly WantedTerm[];
  termNo: ReadonlyMap<string, number>;
  lunrIndex: Int32Array;
  vecStart: Int32Array;
  vecTerms: Int32Array;
}

/** Whether the sorted range [lo, hi) of the array holds the value. */
function holds(sorted: Int32Array, lo: number, hi: number, value: number): boolean {
  let a = lo;
  let b = hi - 1;
  while (a <= b) {
    const mid = (a + b) >> 1;
    const v = sorted[mid] as number;
    if (v === value) return true;
    if (v < value) a = mid + 1;
    else b = mid - 1;
  }
  return false;
}

/**
 * The documents a query matched, with their scores, in first-match order, and what each matched.
 * Read in Lunr's order (score descending, the first matched first among equals): all of them, or
 * only the best few that pass a filter, without sorting or building hits for the rest.
 */
export class Matches {
  static readonly none = new Matches(
    {
      refs: [],
      fields: [],
      wanted: [],
      termNo: new Map(),
      lunrIndex: new Int32Array(0),
      vecStart: new Int32Array(1),
      vecTerms: new Int32Array(0),
    },
    new Int32Array(0),
    new Float64Array(0),
  );

  constructor(
    private readonly space: Space,
    private readonly docs: Int32Array,
    private readonly scores: Float64Array,
  ) {}

  get size(): number {
    return this.docs.length;
  }

  /** Position i ranks before j: a higher score, or the same score and matched first (Lunr's stable sort). */
  private before(i: number, j: number): boolean {
    const a = this.scores[i] as number;
    const b = this.scores[j] as number;
    return a > b || (a === b && i < j);
  }

  /** Every hit, in Lunr's order. */
  all(): EvaluatedHit[] {
    const at = Array.from({ length: this.docs.length }, (_, i) => i);
    at.sort((i, j) => (this.scores[j] as number) - (this.scores[i] as number) || i - j);
    return at.map((i) => this.hit(i));
  }

  /** The best `k` hits whose ref passes `accept`, in Lunr's order. */
  top(k: number, accept: (ref: string) => boolean): EvaluatedHit[] {
    const { refs } = this.space;
    return bestOf(
      this.docs.length,
      k,
      (i, j) => this.before(i, j),
      (i) => accept(refs[this.docs[i] as number] as string),
    ).map((i) => this.hit(i));
  }

  private hit(i: number): EvaluatedHit {
    return new LazyHit(this.space.refs[this.docs[i] as number] as string, this.scores[i] as number, () => this.terms(i));
  }

  /**
   * What document i matched: a term matched a field exactly when the field's vector holds the
   * term (Lunr builds both from the same tokens), so nothing is recorded while the query runs.
   */
  private terms(i: number): Map<string, Set<string>> {
    const { refs, fields, wanted, termNo, lunrIndex, vecStart, vecTerms } = this.space;
    const n = refs.length;
    const doc = this.docs[i] as number;
    const terms = new Map<string, Set<string>>();
    for (let f = 0; f < fields.length; f++) {
      const lo = vecStart[f * n + doc] as number;
      const hi = vecStart[f * n + doc + 1] as number;
      if (lo === hi) continue;
      for (const { term } of wanted) {
        const t = term ? termNo.get(term) : undefined;
        if (t === undefined || !holds(vecTerms, lo, hi, lunrIndex[t] as number)) continue;
        const fieldsOf = terms.get(term);
        if (fieldsOf) fieldsOf.add(fields[f] as string);
        else terms.set(term, new Set([fields[f] as string]));
      }
    }
    return terms;
  }
}

/** A hit whose term map is built when first read: callers read a dozen of thousands. */
class LazyHit implements EvaluatedHit {
  private built?: Map<string, Set<string>>;
  constructor(
    readonly ref: string,
    public score: number,
    private readonly read: () => Map<string, Set<string>>,
  ) {}

  get id(): string {
    return this.ref;
  }

  get terms(): Map<string, Set<string>> {
    this.built ??= this.read();
    return this.built;
  }
}

/** The layout of a Lunr index object (postings in Object.keys order, as Lunr's query reads them). */
function layoutOf(index: lunr.Index): Layout {
  const raw = index as unknown as LunrInternals;
  const fields = [...raw.fields];
  const refs: string[] = [];
  const docs = new Map<string, number>();
  const docOf = (ref: string) => {
    let d = docs.get(ref);
    if (d === undefined) {
      d = refs.length;
      docs.set(ref, d);
      refs.push(ref);
    }
    return d;
  };
  const vectors: [number, number, number[]][] = Object.entries(raw.fieldVectors).map(([key, v]) => {
    const slash = key.indexOf('/');
    return [fields.indexOf(key.slice(0, slash)), docOf(key.slice(slash + 1)), v.elements];
  });
  const terms = Object.entries(raw.invertedIndex).map(
    ([term, posting]): [string, number, number[][]] => [
      term,
      posting._index,
      fields.map((f) => Object.keys((posting[f] as object | undefined) ?? {}).map(docOf)),
    ],
  );
  return { fields, refs, terms, vectors };
}

const evaluators = new WeakMap<lunr.Index, Evaluator>();

/** The evaluator of a Lunr index, laid out on first use (the reference tests and the bench compare the two). */
export function evaluatorFor(index: lunr.Index): Evaluator {
  let ev = evaluators.get(index);
  if (!ev) {
    ev = new Evaluator(index);
    evaluators.set(index, ev);
  }
  return ev;
}
