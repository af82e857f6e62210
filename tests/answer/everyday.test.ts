/**
 * Names that are everyday words ("black", "pandas", "schedule"), in a message the intent classifier reads
 * as out of scope, mean the everyday things. The shipped classifier has learnt such rows, so the engine
 * here uses one trained as cross-validation trains it: without the files that hold them.
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/answer/engine.js';
import { foldsOf } from '../../scripts/eval/cross.js';
import { readRows } from '../../scripts/eval/labels.js';
import { PARTS } from '../../scripts/eval.js';
import { trainIntents } from '../../scripts/train/intents.js';
import { realKnowledge } from '../helpers/kb.js';
import { ROOT } from '../helpers/paths.js';

describe('everyday words that are names', () => {
  it('are read as the everyday things where the classifier reads the message as out of scope', () => {
    const opened = realKnowledge();
    const tuning = (PARTS.find((p) => p.part === 'tune')?.files ?? []).map((f) => `${ROOT}/${f}`);
    // The last fold (the files richest in everyday-word rows) left out, as cross-validation leaves it out.
    const last = foldsOf(tuning, 5).at(-1) ?? [];
    const rows = tuning.filter((f) => !last.includes(f)).flatMap(readRows);
    const engine = createEngine({ ...opened, intents: trainIntents(opened.knowledge, rows) });
    const ask = (q: string) => engine.answer(q, { tipSeed: 0 });
    for (const q of ['black or navy for the new company polos?', "what's the office holiday schedule for december"])
      expect(ask(q).intent, q).toBe('unknown');
    // The same names asked about as packages are answered.
    expect(ask('is black still the standard formatter').subjects[0]?.id).toBe('black');
    expect(ask('schedule or apscheduler for a daily job?').intent).toBe('compare');
  }, 60_000);

  it('are the everyday things among words of another trade that give the package no support, classifier or not', () => {
    // Cue words only (as when the classifier's model is missing): the words around the name decide.
    const { knowledge, index } = realKnowledge();
    const engine = createEngine({ knowledge, index });
    const ask = (q: string) => engine.answer(q, { tipSeed: 0 });
    for (const q of [
      'pillow recommendations for a long haul flight, memory foam or feather',
      'can the pillow supplier deliver the cushion inserts before friday',
      'the fabric swatches for the lobby sofas arrived, who signs off',
    ])
      expect(ask(q).intent, q).toBe('unknown');
    // Words of the package's own trade keep it the package.
    for (const [q, id] of [
      ['pillow to batch-resize the product photos?', 'pillow'],
      ['fabric for running the deploy on all the web boxes?', 'fabric'],
      ['celery for the nightly invoice emails?', 'celery'],
    ] as const)
      expect(ask(q).subjects[0]?.id, q).toBe(id);
  });
});
