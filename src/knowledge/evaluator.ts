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

/** What the evaluator is laid out from: fields, document refs, postings as ref numbers, field vectors. */
export interface Layout {
  fields: readonly string[];
  refs: readonly string[];
  /** `[term, Lunr's term index, per field the ref numbers in Lunr's posting order]` */
  terms: Iterable<readonly [string, number, readonly (readonly number[])[]]>;
  /** `[field number, ref number, [termIndex, weight, …]]` */
  vectors: Iterable<readonly [number, number, readonly number[]]>;
}

interface LunrInternals {
  fields: string[];
  invertedIndex: Record<string, Record<string, unknown> & { _index: number }>;
  fieldVectors: Record<string, { elements: number[] }>;
}

export class Evaluator {
  private readonly fields: string[];
  private readonly refs: readonly string[];
  private readonly termIndex = new Map<string, number>();
  /** term → per field, the documents (as numbers) in Lunr's posting order. */
  private readonly postings = new Map<string, Int32Array[]>();
  /** Field vectors by field × document: term indices ascending, and their weights. */
  private readonly vecTerms: (Int32Array | undefined)[];
  private readonly vecWeights: (Float64Array | undefined)[];

  /** Lays out a loaded or built Lunr index (reading its postings and field vectors once). */
  constructor(index: lunr.Index);
  /** Lays out the compact index file form directly: no Lunr objects are read or made. */
  constructor(layout: Layout);
  constructor(source: lunr.Index | Layout) {
    const layout = 'refs' in source ? source : layoutOf(source);
    this.fields = [...layout.fields];
    this.refs = layout.refs;
    for (const [term, termIndex, lists] of layout.terms) {
      this.termIndex.set(term, termIndex);
      this.postings.set(
        term,
        this.fields.map((_, f) => Int32Array.from(lists[f] ?? [])),
      );
    }
    const n = this.refs.length;
    this.vecTerms = new Array(this.fields.length * n);
    this.vecWeights = new Array(this.fields.length * n);
    for (const [f, d, el] of layout.vectors) {
      const idx = new Int32Array(el.length / 2);
      const w = new Float64Array(el.length / 2);
      for (let i = 0; i < idx.length; i++) {
        idx[i] = el[2 * i] as number;
        w[i] = el[2 * i + 1] as number;
      }
      this.vecTerms[f * n + d] = idx;
      this.vecWeights[f * n + d] = w;
    }
  }

  // Scratch space reused by every query (queries run one at a time): marks and sums by number, no per-hit objects.
  private generation = 0;
  private frSeen = new Uint32Array(0);
  private docSeen = new Uint32Array(0);
  private docHit = new Int32Array(0);
  private ensure(): void {
    const cells = this.fields.length * this.refs.length;
    if (this.frSeen.length === cells) return;
    this.frSeen = new Uint32Array(cells);
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
    const cached = new Set<number>();
    const order: number[] = [];
    for (const { term, boost } of wanted) {
      const ti = term ? this.termIndex.get(term) : undefined; // Lunr's token set never yields ""
      const per = this.postings.get(term);
      if (ti === undefined || !per) continue;
      const had = q.get(ti);
      q.set(ti, had === undefined ? boost : had + boost);
      for (let f = 0; f < nFields; f++) {
        const key = ti * nFields + f;
        if (cached.has(key)) continue;
        cached.add(key);
        const docs = per[f] as Int32Array;
        for (let i = 0; i < docs.length; i++) {
          const d = docs[i] as number;
          const fr = f * n + d;
          if (this.frSeen[fr] !== gen) {
            this.frSeen[fr] = gen;
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
    const qt = [...q.keys()].sort((a, b) => a - b);
    const qv = qt.map((t) => q.get(t) as number);
    let squares = 0;
    for (const v of qv) squares += v * v;
    const magnitude = Math.sqrt(squares);
    const m = order.length;
    const docs = new Int32Array(m);
    const scores = new Float64Array(m);
    let found = 0;
    for (const fr of order) {
      const idx = this.vecTerms[fr];
      const w = this.vecWeights[fr];
      let dot = 0;
      if (idx && w)
        for (let i = 0, j = 0; i < qt.length && j < idx.length; ) {
          const a = qt[i] as number;
          const b = idx[j] as number;
          if (a < b) i++;
          else if (a > b) j++;
          else {
            dot += (qv[i] as number) * (w[j] as number);
            i++;
            j++;
          }
        }
      const score = dot / magnitude || 0;
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
    return { refs: this.refs, fields: this.fields, wanted, termIndex: this.termIndex, vecTerms: this.vecTerms };
  }

}

interface Space {
  refs: readonly string[];
  fields: readonly string[];
  wanted: readonly WantedTerm[];
  termIndex: ReadonlyMap<string, number>;
  vecTerms: readonly (Int32Array | undefined)[];
}

/** Whether the sorted array holds the value. */
function holds(sorted: Int32Array, value: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid] as number;
    if (v === value) return true;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
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
    { refs: [], fields: [], wanted: [], termIndex: new Map(), vecTerms: [] },
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
    const best: number[] = [];
    for (let i = 0; i < this.docs.length; i++) {
      if (best.length >= k && !this.before(i, best[best.length - 1] as number)) continue;
      if (!accept(this.space.refs[this.docs[i] as number] as string)) continue;
      let p = best.length;
      while (p > 0 && this.before(i, best[p - 1] as number)) p--;
      best.splice(p, 0, i);
      if (best.length > k) best.pop();
    }
    return best.map((i) => this.hit(i));
  }

  private hit(i: number): EvaluatedHit {
    return new LazyHit(this.space.refs[this.docs[i] as number] as string, this.scores[i] as number, () => this.terms(i));
  }

  /**
   * What document i matched: a term matched a field exactly when the field's vector holds the
   * term (Lunr builds both from the same tokens), so nothing is recorded while the query runs.
   */
  private terms(i: number): Map<string, Set<string>> {
    const { refs, fields, wanted, termIndex, vecTerms } = this.space;
    const n = refs.length;
    const doc = this.docs[i] as number;
    const terms = new Map<string, Set<string>>();
    for (let f = 0; f < fields.length; f++) {
      const idx = vecTerms[f * n + doc];
      if (!idx) continue;
      for (const { term } of wanted) {
        const ti = term ? termIndex.get(term) : undefined;
        if (ti === undefined || !holds(idx, ti)) continue;
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

/** Whether JavaScript would order these refs as object keys differently from insertion (integer-like keys). */
export const refsKeepOrder = (refs: readonly string[]) => !refs.some((r) => /^(?:0|[1-9]\d{0,8})$/.test(r));

const evaluators = new WeakMap<lunr.Index, Evaluator>();

/** Registers the evaluator laid out from the index file for the index loaded from it. */
export function useEvaluator(index: lunr.Index, evaluator: Evaluator): void {
  evaluators.set(index, evaluator);
}

/** The evaluator of an index, laid out on first use. */
export function evaluatorFor(index: lunr.Index): Evaluator {
  let ev = evaluators.get(index);
  if (!ev) {
    ev = new Evaluator(index);
    evaluators.set(index, ev);
  }
  return ev;
}
