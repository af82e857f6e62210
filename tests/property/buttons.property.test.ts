/**
 * Property tests for the button round trip. Button values come back from Slack on every click, so
 * decodeValue must take any string without throwing and give back either nothing or a safe value,
 * and a click on any value must post a message as safe as an answer. The buttons we render must
 * decode to the question that was asked, so a click re-derives the same answer.
 *
 * fast-check prints the seed and path of a failure; replay with fc.assert(property, { seed, path }).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Engine } from '../../src/answer/engine.js';
import { normalize } from '../../src/answer/text.js';
import { ACTIONS, decodeValue, encodeValue, USER_ID } from '../../src/render/actions.js';
import {
  anyInput,
  MARKUP,
  runs,
  unicodeText,
  userId,
  type Vocabulary,
  vocabulary,
  PROPERTY_TIMEOUT_MS,
} from './arbitraries.js';
import { askDoors, buttonsOf, clickDoors, messageProblems, fixture } from './doors.js';

vi.setConfig({ testTimeout: PROPERTY_TIMEOUT_MS });

let engine: Engine;
let vocab: Vocabulary;
let sourceUrls: Set<string>;

beforeAll(() => {
  ({ engine, sourceUrls } = fixture());
  vocab = vocabulary(engine.knowledge);
});

/** Raw strings, JSON of any shape, and values shaped like ours with hostile fields. */
function buttonValues(v: Vocabulary): fc.Arbitrary<string> {
  const hostile = fc.oneof(fc.constantFrom(...MARKUP), fc.constantFrom('U123>', 'U123|x', 'UABC\n', 'u123', ''));
  const ours = fc
    .record(
      {
        q: fc.oneof(anyInput(v), fc.anything()),
        seed: fc.oneof(fc.integer(), fc.double(), fc.constantFrom(Number.MAX_SAFE_INTEGER, -1, 1e300), fc.string()),
        by: fc.oneof(userId, hostile, fc.string()),
      },
      { requiredKeys: [] },
    )
    .map((o) => JSON.stringify(o));
  const cut = fc.tuple(ours, fc.nat()).map(([s, at]) => s.slice(0, at % (s.length + 1)));
  return fc.oneof(unicodeText(), fc.json(), ours, cut, fc.constantFrom('{"__proto__":{"q":"x"}}', 'null', '[]'));
}

describe('button values', () => {
  it('decode from any string without throwing, to nothing or a safe value whose click is safe', () => {
    fc.assert(
      fc.property(buttonValues(vocab), userId, fc.nat(40_000), (raw, clicker, today) => {
        const v = decodeValue(raw);
        if (v === undefined) return;
        expect(Object.keys(v).filter((k) => !['q', 'seed', 'by'].includes(k))).toEqual([]);
        expect(typeof v.q).toBe('string');
        if ('seed' in v) expect(Number.isInteger(v.seed)).toBe(true);
        if ('by' in v) expect(v.by).toMatch(USER_ID);
        expect(clickDoors(engine, v, clicker, today).flatMap((p) => messageProblems(p, sourceUrls))).toEqual([]);
      }),
      runs(2500),
    );
  });

  it('on every rendered answer decode to the question asked, and a click gives the same answer', () => {
    fc.assert(
      fc.property(anyInput(vocab), fc.nat(40_000), (text, today) => {
        for (const p of askDoors(engine, text, today)) {
          for (const b of buttonsOf(p.message)) {
            const v = decodeValue(b.value);
            const tip = b.action_id === ACTIONS.anotherTip;
            expect(v).toEqual({
              q: tip ? 'tip' : normalize(text),
              ...(tip ? { seed: (p.answer.tipSeed ?? 0) + 1 } : {}),
              ...(!tip && p.answer.tipSeed !== undefined ? { seed: p.answer.tipSeed } : {}),
            });
            if (tip || !v) continue;
            const again = engine.answer(v.q, { tipSeed: v.seed ?? today });
            expect({ intent: again.intent, subjects: again.subjects }).toEqual({
              intent: p.answer.intent,
              subjects: p.answer.subjects,
            });
          }
        }
      }),
      runs(1500),
    );
  });

  it('carry a question that normalises to itself, so a click re-asks it', () => {
    fc.assert(
      fc.property(anyInput(vocab), (text) => {
        const once = normalize(text);
        expect(normalize(once)).toBe(once);
      }),
      runs(1000),
    );
  });

  it('encode then decode keeps the normalised question, the seed and a valid user id', () => {
    fc.assert(
      fc.property(anyInput(vocab), fc.option(fc.integer()), fc.option(userId), (q, seed, by) => {
        const raw = encodeValue({ q, ...(seed === null ? {} : { seed }), ...(by === null ? {} : { by }) });
        expect(raw.length).toBeLessThanOrEqual(2000);
        expect(decodeValue(raw)).toEqual({
          q: normalize(q),
          ...(seed === null ? {} : { seed }),
          ...(by === null ? {} : { by }),
        });
      }),
      runs(1000),
    );
  });
});
