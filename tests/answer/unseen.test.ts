/**
 * Questions the models have not learnt: the engine here is trained as cross-validation trains it, without the fold of
 * tuning files that holds them, so what it answers comes from the parser's reading, not from having seen the question.
 */
import { describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/answer/engine.js';
import { foldsOf } from '../../scripts/eval/cross.js';
import { readRows } from '../../scripts/eval/labels.js';
import { PARTS } from '../../scripts/eval.js';
import { trainEntries } from '../../scripts/train/entries.js';
import { trainIntents } from '../../scripts/train/intents.js';
import { realKnowledge } from '../helpers/kb.js';
import { ROOT } from '../helpers/paths.js';

const files = (part: string) => (PARTS.find((p) => p.part === part)?.files ?? []).map((f) => `${ROOT}/${f}`);

/** An engine whose classifier and entry ranker never saw the fold holding the tuning file `file`. */
function engineWithout(file: string): Engine {
  const tuning = files('tune');
  const fold = foldsOf(tuning, 5).find((f) => f.some((x) => x.endsWith(`/${file}`))) ?? [];
  expect(fold.length).toBeGreaterThan(0);
  const rows = [...tuning.filter((f) => !fold.includes(f)).flatMap(readRows), ...files('original').flatMap(readRows)];
  const opened = realKnowledge();
  // (Not the shipped ranker: it has learnt every tuning file.)
  const { knowledge, index, isEnglish } = opened;
  return createEngine({
    knowledge,
    index,
    isEnglish,
    intents: trainIntents(knowledge, rows),
    entryModel: trainEntries(rows),
  });
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
