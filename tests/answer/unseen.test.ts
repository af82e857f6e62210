/**
 * Questions the models have not learnt: the engine here is trained as cross-validation trains it, without the fold of
 * tuning files that holds them, so what it answers comes from the parser's reading, not from having seen the question.
 */
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/answer/engine.js';
import { engineWithout as trainedWithout, foldsOf, tuningFiles } from '../../scripts/eval/cross.js';
import { realKnowledge } from '../helpers/kb.js';

/** An engine whose classifier and entry ranker never saw the fold holding the tuning file `file`. */
function engineWithout(file: string): Engine {
  const fold = foldsOf(tuningFiles(), 5).find((f) => f.some((x) => x.endsWith(`/${file}`))) ?? [];
  expect(fold.length).toBeGreaterThan(0);
  return trainedWithout(fold, realKnowledge());
}

const ids = (a: { subjects: { id: string }[] }) => a.subjects.map((s) => s.id);

describe('questions the models never saw', () => {
  it('a follow-up naming a category, a clause of chatter (trained without tune-16…30)', () => {
    const engine = engineWithout('tune-22.jsonl');
    const ask = (q: string, previous?: string) => engine.answer(q, { tipSeed: 0, previous });
    // The follow-up's own category, though the thread's words rank its type checkers higher.
    expect(['flake8', 'ruff']).toContain(ids(ask('and linters?', 'which type checker should we use'))[0]);
    // The question after a clause of chatter.
    const pep8 = ask("brain's fried, what's pep8 again");
    expect([pep8.intent, ids(pep8)]).toEqual(['concept', ['pep8']]);
  }, 120_000);

  it('asked what a thing is called, a concept, whatever else the message names (trained without tune-1…15)', () => {
    const engine = engineWithout('tune-12.jsonl');
    const a = engine.answer(
      'data team argument of the week: process the GPS pings from the trucks every hour in chunks, or continuously as each one arrives. what are the two styles called?',
      { tipSeed: 0 },
    );
    expect([a.intent, ids(a)]).toEqual(['concept', ['batch-vs-streaming']]);
  }, 120_000);
});
