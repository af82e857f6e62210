import { describe, expect, it } from 'vitest';
import { classify, features } from '../../src/answer/classifier.js';
import { normalize } from '../../src/answer/text.js';
import { classOf, trainIntents } from '../../scripts/train/intents.js';
import { readRows } from '../../scripts/eval/labels.js';
import { realKnowledge } from '../helpers/kb.js';
import { ROOT } from '../helpers/paths.js';

const { knowledge } = realKnowledge();
const rows = readRows(`${ROOT}/tests/eval/tune.jsonl`).slice(0, 200);
const isName = (w: string) => knowledge.names.has(w);

describe('intent classifier', () => {
  it('trains the same model every time (seeded, no clock)', () => {
    expect(trainIntents(knowledge, rows)).toEqual(trainIntents(knowledge, rows));
  });

  it('sees names as "<name>", so it learns how a question is asked, not what it is about', () => {
    expect(features('alternatives to flask', isName)).toContain('b:to <name>');
    expect(features('alternatives to flask', isName)).not.toContain('w:flask');
  });

  it('gives probabilities that sum to one, and learns the rows it was trained on', () => {
    const model = trainIntents(knowledge, rows);
    const ranked = classify(model, features('alternatives to flask', isName));
    expect(ranked.reduce((a, r) => a + r.p, 0)).toBeCloseTo(1, 6);
    const trained = rows.filter((r) => !r.thread && classOf(r));
    const right = trained.filter(
      (r) => classify(model, features(normalize(r.q), isName))[0]?.label === classOf(r),
    ).length;
    expect(right / trained.length).toBeGreaterThan(0.9);
  });

  it('labels a library row with its angle', () => {
    expect(classOf({ q: 'x', any: [{ intent: 'library', focus: 'worth' }] })).toBe('library/worth');
    expect(classOf({ q: 'x', any: [{ intent: ['recommend', 'search'] }] })).toBe('recommend');
  });

  it('labels a half-known row by how its known part is asked, not as out of scope', () => {
    const any = [
      { intent: 'unknown', unrecognised: ['polars'] },
      { intent: 'library', oneOf: ['pandas'] },
    ];
    expect(classOf({ q: 'polars or pandas?', kind: 'half-known', any })).toBe('library/overview');
    expect(classOf({ q: 'what is a flux capacitor', kind: 'oos', any: [{ intent: 'unknown' }] })).toBe('unknown');
  });
});
