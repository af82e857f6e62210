/**
 * The compact index file must give back the very index Lunr serialised: the same JSON once
 * unpacked, the same hits and scores for every labelled question, in a smaller file.
 */
import lunr from 'lunr';
import { describe, expect, it } from 'vitest';
import { type LunrJson, pack, unpack } from '../../src/knowledge/index-format.js';
import { buildIndex, searchIndex, tokenize } from '../../src/knowledge/search-index.js';
import { labelledQuestions } from '../../scripts/bench/engine.js';
import { realKnowledge } from '../helpers/kb.js';

describe('index file format', () => {
  const index = buildIndex(realKnowledge().knowledge);
  const json = JSON.parse(JSON.stringify(index.toJSON())) as LunrJson;
  const packed = JSON.stringify(pack(json));
  const loaded = lunr.Index.load(unpack(JSON.parse(packed)));

  it('unpacks to what Lunr serialised', () => {
    expect(JSON.parse(JSON.stringify(unpack(JSON.parse(packed))))).toEqual(json);
  });

  it('answers every labelled question with the same hits and scores', () => {
    for (const q of labelledQuestions()) {
      const tokens = tokenize(q);
      const read = (i: typeof index) =>
        searchIndex(i, tokens)
          .all()
          .map((h) => [h.id, h.score, [...h.terms].map(([t, f]) => [t, [...f].sort()])]);
      expect(read(loaded)).toEqual(read(index));
    }
  });

  it('is under half the size of Lunr’s own JSON', () => {
    expect(packed.length).toBeLessThan(JSON.stringify(json).length / 2);
  });
});
