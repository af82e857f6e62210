import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { classify, features, loadIntentModel, packIntentModel } from '../../src/answer/classifier.js';
import { normalize } from '../../src/answer/text.js';
import { classOf, trainIntents } from '../../scripts/train/intents.js';
import { foldsOf } from '../../scripts/eval/cross.js';
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

  it('also sees stems and runs of three words, so "formatting" and "formats" share a feature', () => {
    const a = features('any formatting tools for flask', isName);
    const b = features('which formats do you use', isName);
    expect(a).toContain('s:format');
    expect(b).toContain('s:format');
    expect(a).toContain('t:tools for <name>');
    expect(a).not.toContain('s:<name>');
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

  it('packs and loads to the same classifications, every feature found by its sorted lookup, each weight within half a step', () => {
    const model = trainIntents(knowledge, rows);
    const file = join(mkdtempSync(join(tmpdir(), 'intents-')), 'model.bin');
    writeFileSync(file, packIntentModel(model));
    const loaded = loadIntentModel(file) as NonNullable<ReturnType<typeof loadIntentModel>>;
    expect(loaded.vocab.size).toBe(model.vocab.size);
    const step = loaded.scale as number;
    expect(step).toBeGreaterThan(0);
    expect(step).toBeLessThan(1e-3);
    model.classes.forEach((_, k) => {
      for (const [f, column] of model.vocab as Map<string, number>) {
        const packed = (loaded.weights[k]?.[loaded.vocab.get(f) as number] as number) * step;
        expect(Math.abs(packed - (model.weights[k]?.[column] as number))).toBeLessThanOrEqual(step / 2 + 1e-12);
      }
    });
    expect(loaded.vocab.get('w:no-such-feature')).toBeUndefined();
    for (const r of rows.slice(0, 50)) {
      const f = features(normalize(r.q), isName);
      const [a, b] = [classify(loaded, f), classify(model, f)];
      expect(a.map((x) => x.label)).toEqual(b.map((x) => x.label));
      a.forEach((x, i) => expect(x.p).toBeCloseTo(b[i]?.p as number, 3));
    }
  });

  it('finds every packed feature, whatever its characters, and nothing else', () => {
    const names = ['w:zebra', 'w:café', 'w:😅', 'w:\ue000', 'w:a', 'b:a b', 'w:caf', 'w:ca'];
    const vocab = new Map(names.map((f, i) => [f, i]));
    const weights = [Float64Array.from([...names.keys(), 0].map((i) => i / 10)), new Float64Array(names.length + 1)];
    const file = join(mkdtempSync(join(tmpdir(), 'intents-')), 'model.bin');
    writeFileSync(file, packIntentModel({ classes: ['a', 'b'], vocab, weights }));
    const loaded = loadIntentModel(file) as NonNullable<ReturnType<typeof loadIntentModel>>;
    for (const [f, i] of vocab) {
      const at = loaded.vocab.get(f);
      expect(at, f).toBeDefined();
      expect(((loaded.weights[0]?.[at as number] as number) * (loaded.scale as number)).toFixed(3), f).toBe(
        (i / 10).toFixed(3),
      );
    }
    for (const f of ['w:cafe', 'w:😀', 'w:', 'w:zebras', 'w:b']) expect(loaded.vocab.get(f), f).toBeUndefined();
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

describe('cross-validation folds', () => {
  it('split the tuning files into runs of whole files, each file in exactly one fold', () => {
    const files = Array.from({ length: 37 }, (_, i) => `tune-${i + 1}.jsonl`);
    const folds = foldsOf(files, 5);
    expect(folds).toHaveLength(5);
    expect(folds.flat()).toEqual(files);
    for (const f of folds) expect(f.length).toBeGreaterThanOrEqual(7);
    expect(foldsOf(files.slice(0, 3), 5)).toEqual([['tune-1.jsonl'], ['tune-2.jsonl'], ['tune-3.jsonl']]);
  });
});
