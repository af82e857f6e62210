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
  score: number;
  /** Index terms this document matched, by field: `term -> fields` (as Lunr's matchData). */
  terms: Map<string, Set<string>>;
}

interface LunrInternals {
  fields: string[];
  invertedIndex: Record<string, Record<string, unknown> & { _index: number }>;
  fieldVectors: Record<string, { elements: number[] }>;
}

export class Evaluator {
  private readonly fields: string[];
  private readonly refs: string[] = [];
  private readonly termIndex = new Map<string, number>();
  /** term → per field, the documents (as numbers) in Lunr's posting order. */
  private readonly postings = new Map<string, Int32Array[]>();
  /** Field vectors by field × document: term indices ascending, and their weights. */
  private readonly vecTerms: (Int32Array | undefined)[];
  private readonly vecWeights: (Float64Array | undefined)[];

  constructor(index: lunr.Index) {
    const raw = index as unknown as LunrInternals;
    this.fields = [...raw.fields];
    const docs = new Map<string, number>();
    const docOf = (ref: string) => {
      let d = docs.get(ref);
      if (d === undefined) {
        d = this.refs.length;
        docs.set(ref, d);
        this.refs.push(ref);
      }
      return d;
    };
    for (const key of Object.keys(raw.fieldVectors)) docOf(key.slice(key.indexOf('/') + 1));
    for (const [term, posting] of Object.entries(raw.invertedIndex)) {
      this.termIndex.set(term, posting._index);
      this.postings.set(
        term,
        this.fields.map((f) => Int32Array.from(Object.keys((posting[f] as object | undefined) ?? {}), docOf)),
      );
    }
    const n = this.refs.length;
    this.vecTerms = new Array(this.fields.length * n);
    this.vecWeights = new Array(this.fields.length * n);
    for (const [key, vector] of Object.entries(raw.fieldVectors)) {
      const slash = key.indexOf('/');
      const f = this.fields.indexOf(key.slice(0, slash));
      const d = docs.get(key.slice(slash + 1)) as number;
      const el = vector.elements;
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

  /** The documents matching any of the terms, best first, scored exactly as Lunr scores them. */
  query(wanted: readonly WantedTerm[]): EvaluatedHit[] {
    const nFields = this.fields.length;
    const n = this.refs.length;
    // The query vector (the same for every field: every clause covers every field), as Lunr upserts it.
    const q = new Map<number, number>();
    const cached = new Set<number>();
    const order: number[] = [];
    const matched = new Map<number, string[]>();
    for (const { term, boost } of wanted) {
      const ti = term ? this.termIndex.get(term) : undefined; // Lunr's token set never yields ""
      const per = this.postings.get(term);
      if (ti === undefined || !per) continue;
      for (let f = 0; f < nFields; f++) {
        const had = q.get(ti);
        // Lunr upserts into each field's vector; all fields' vectors end up equal, so one suffices.
        if (f === 0) q.set(ti, had === undefined ? boost : had + boost);
        const key = ti * nFields + f;
        if (cached.has(key)) continue;
        cached.add(key);
        const docs = per[f] as Int32Array;
        for (let i = 0; i < docs.length; i++) {
          const fr = f * n + (docs[i] as number);
          const list = matched.get(fr);
          if (list) list.push(term);
          else {
            matched.set(fr, [term]);
            order.push(fr);
          }
        }
      }
    }
    if (!order.length) return [];
    const qt = [...q.keys()].sort((a, b) => a - b);
    const qv = qt.map((t) => q.get(t) as number);
    let squares = 0;
    for (const v of qv) squares += v * v;
    const magnitude = Math.sqrt(squares);
    const byDoc = new Map<number, EvaluatedHit>();
    const results: EvaluatedHit[] = [];
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
      const field = this.fields[Math.floor(fr / n)] as string;
      let hit = byDoc.get(doc);
      if (hit) hit.score += score;
      else {
        hit = { ref: this.refs[doc] as string, score, terms: new Map() };
        byDoc.set(doc, hit);
        results.push(hit);
      }
      for (const t of matched.get(fr) ?? []) {
        const fieldsOf = hit.terms.get(t);
        if (fieldsOf) fieldsOf.add(field);
        else hit.terms.set(t, new Set([field]));
      }
    }
    return results.sort((a, b) => b.score - a.score);
  }
}

const evaluators = new WeakMap<lunr.Index, Evaluator>();

/** The evaluator of an index, laid out on first use. */
export function evaluatorFor(index: lunr.Index): Evaluator {
  let ev = evaluators.get(index);
  if (!ev) {
    ev = new Evaluator(index);
    evaluators.set(index, ev);
  }
  return ev;
}
