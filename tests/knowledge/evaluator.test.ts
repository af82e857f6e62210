/**
 * The query evaluator against Lunr's own `Index.query`, kept as the reference: for every labelled
 * question and thousands of generated queries, the same refs in the same order with the same
 * scores (compared with ===) and the same matched terms and fields.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type lunr from 'lunr';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../scripts/support/random.js';
import { Evaluator, type WantedTerm } from '../../src/knowledge/evaluator.js';
import { buildLunrIndex, lunrQuery, tokenize, wantedTerms } from '../../src/knowledge/search-index.js';
import { realKnowledge } from '../helpers/kb.js';
import { ROOT } from '../helpers/paths.js';

const { knowledge, index: fromFile, indexNote } = realKnowledge();
/** Lunr's own index over the same knowledge: the reference. */
const index = buildLunrIndex(knowledge);
/** Laid out from the Lunr index's objects. */
const evaluator = new Evaluator(index);
// `fromFile`: read from the binary index file `npm run build` wrote (what searchIndex uses).

/** The first difference between an evaluation and Lunr's, or undefined when they are identical. */
function difference(wanted: WantedTerm[], ev: Evaluator = evaluator): string | undefined {
  const ours = ev.query(wanted).all();
  const theirs = lunrQuery(index, wanted);
  if (ours.length !== theirs.length) return `${ours.length} results vs Lunr's ${theirs.length}`;
  for (let i = 0; i < ours.length; i++) {
    const a = ours[i];
    const b = theirs[i] as lunr.Index.Result;
    if (a?.ref !== b.ref) return `#${i}: ${a?.ref} vs ${b.ref}`;
    if (a.score !== b.score) return `#${i} ${a.ref}: score ${a.score} vs ${b.score}`;
    const want = Object.entries(b.matchData.metadata).map(([t, f]) => [t, Object.keys(f).sort()]);
    const got = [...a.terms].map(([t, f]) => [t, [...f].sort()]);
    if (JSON.stringify(got.sort()) !== JSON.stringify(want.sort())) return `#${i} ${a.ref}: matched terms differ`;
  }
  return undefined;
}

function labelledQuestions(): string[] {
  const dir = resolve(ROOT, 'tests/eval');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) =>
      readFileSync(resolve(dir, f), 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => (JSON.parse(l) as { q: string }).q),
    );
}

describe('the query evaluator', () => {
  it("gives the best k that pass a filter exactly as Lunr's order, filtered, would", () => {
    const next = mulberry32(7);
    const terms = Object.keys((index as unknown as { invertedIndex: object }).invertedIndex);
    for (let i = 0; i < 500; i++) {
      const wanted = Array.from({ length: 1 + Math.floor(next() * 6) }, () => ({
        term: terms[Math.floor(next() * terms.length)] as string,
        boost: 1,
      }));
      const k = 1 + Math.floor(next() * 15);
      const accept = (ref: string) => ref.length % 3 !== 0; // an arbitrary filter
      const expected = lunrQuery(index, wanted)
        .filter((r) => accept(r.ref))
        .slice(0, k)
        .map((r) => [r.ref, r.score]);
      expect(evaluator.query(wanted).top(k, accept).map((h) => [h.ref, h.score])).toEqual(expected);
    }
  });

  it('gives exactly what lunr.Index.query gives for every labelled question', () => {
    const questions = labelledQuestions();
    expect(questions.length).toBeGreaterThan(3000);
    let compared = 0;
    for (const q of questions) {
      const wanted = wantedTerms(fromFile, tokenize(q));
      if (!wanted.length) continue;
      expect(difference(wanted), q).toBeUndefined();
      expect(difference(wanted, fromFile), q).toBeUndefined();
      compared++;
    }
    expect(compared).toBeGreaterThan(3000);
    // Bounded by the corpus's size, not by time: the whole labelled corpus takes tens of seconds on a loaded machine.
  }, 240_000);

  it('gives exactly what lunr.Index.query gives for 3,000 generated queries (repeats and mixed boosts included)', () => {
    const terms = Object.keys((index as unknown as { invertedIndex: object }).invertedIndex);
    const next = mulberry32(2026);
    for (let i = 0; i < 3000; i++) {
      const n = 1 + Math.floor(next() * 10);
      const wanted = Array.from({ length: n }, () => ({
        term: terms[Math.floor(next() * terms.length)] as string,
        boost: next() < 0.3 ? 0.3 : 1,
      }));
      if (next() < 0.2) wanted.push({ ...(wanted[0] as WantedTerm) }); // the same term twice
      expect(difference(wanted), JSON.stringify(wanted)).toBeUndefined();
      expect(difference(wanted, fromFile), JSON.stringify(wanted)).toBeUndefined();
    }
  }, 240_000);

  it('is read from the index file as the very arrays the build laid out from Lunr', () => {
    expect(indexNote).toBeUndefined();
    expect(fromFile).not.toBe(evaluator);
    expect(fromFile.arrays()).toEqual(evaluator.arrays());
  });

  it('matches nothing for no terms and for terms the index does not hold', () => {
    expect(evaluator.query([]).all()).toEqual([]);
    expect(evaluator.query([{ term: 'zzqqxx', boost: 1 }]).all()).toEqual([]);
  });
});
