/**
 * Property tests for the router and the renderers. For any string (Unicode, Slack markup, control
 * characters, 10 KB and more, realistic commands with noise) the engine and every renderer never
 * throw, each message a Slack door posts stays within Block Kit limits, and nothing in it pings
 * anyone or forms Slack markup from user text.
 *
 * Every run checks the same cases (a fixed seed, see arbitraries.ts `runs`); a failure prints the
 * seed, the path and the shrunk input, so it replays with fc.assert(property, { seed, path }).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Engine } from '../../src/answer/engine.js';
import { renderJson } from '../../src/render/json.js';
import { renderTerminal } from '../../src/render/terminal.js';
import { blockKitProblems, pingsIn } from '../helpers/blockkit.js';
import {
  longText,
  markupSoup,
  noisyCommand,
  runs,
  unicodeText,
  type Vocabulary,
  vocabulary,
  PROPERTY_TIMEOUT_MS,
} from './arbitraries.js';
import { askDoors, messageProblems, fixture } from './doors.js';

vi.setConfig({ testTimeout: PROPERTY_TIMEOUT_MS });

/** Characters that would reach a terminal as control or direction codes. */
const TERMINAL_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

let engine: Engine;
let vocab: Vocabulary;
let sourceUrls: Set<string>;

beforeAll(() => {
  ({ engine, sourceUrls } = fixture());
  vocab = vocabulary(engine.knowledge);
});

/** Everything that must hold for one input, as a list of problems (empty when all is well). */
function problemsFor(text: string, today: number, width: number): string[] {
  const problems = askDoors(engine, text, today).flatMap((p) => messageProblems(p, sourceUrls));
  const answer = engine.answer(text, { tipSeed: today });
  const json = renderJson(answer);
  problems.push(...blockKitProblems(json).map((s) => `json: ${s}`), ...pingsIn(json).map((s) => `json ping: ${s}`));
  const terminal = renderTerminal(answer, { width });
  const control = terminal.match(TERMINAL_CONTROL);
  if (control) problems.push(`terminal: control character U+${control[0].codePointAt(0)?.toString(16)}`);
  return problems;
}

/** The families of input, each with its number of runs (at least 10,000 in all with the other files). */
const FAMILIES: [string, () => fc.Arbitrary<string>, number][] = [
  ['any Unicode text and control characters', () => unicodeText(), 2500],
  ['Slack markup, mentions and formatting mixed with names', () => markupSoup(vocab), 2500],
  ['realistic commands from the knowledge with noise', () => noisyCommand(vocab), 2500],
  ['very long text: up to 10 KB, now and then 40 KB', () => longText(vocab), 600],
];

describe('for any text, the engine and renderers never throw and each posted message is safe', () => {
  it.each(FAMILIES)('%s', (_name, inputs, numRuns) => {
    fc.assert(
      fc.property(inputs(), fc.nat(40_000), fc.integer({ min: 0, max: 200 }), (text, today, width) => {
        expect(problemsFor(text, today, width)).toEqual([]);
      }),
      runs(numRuns),
    );
  });
});
