/**
 * The one-typo lookup must find exactly what a full scan with isOneEdit finds, in the same order,
 * while comparing only words that share a first or last letter.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOneEdit, NearWords } from '../../src/knowledge/near.js';

/** The plain definition, for comparison. */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) (d[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const prev = d[i - 1] as number[];
      row[j] = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
    }
  return (d[a.length] as number[])[b.length] as number;
}

const word = fc.string({ unit: fc.constantFrom(...'abcdjnogt'), minLength: 1, maxLength: 7 });

describe('isOneEdit', () => {
  it('accepts one insertion, deletion, substitution or swap, and nothing else', () => {
    expect(isOneEdit('django', 'djngo')).toBe(true);
    expect(isOneEdit('django', 'djangoo')).toBe(true);
    expect(isOneEdit('django', 'djanga')).toBe(true);
    expect(isOneEdit('django', 'djnago')).toBe(true);
    expect(isOneEdit('django', 'django')).toBe(false);
    expect(isOneEdit('django', 'dajngoo')).toBe(false);
  });

  it('agrees with the edit distance on random words', () => {
    fc.assert(
      fc.property(word, word, (a, b) => {
        expect(isOneEdit(a, b)).toBe(editDistance(a, b) === 1);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('NearWords', () => {
  it('finds what a full scan finds, shorter words first, then in list order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(word, { maxLength: 60 }), word, (words, w) => {
        const scan = words
          .filter((x) => x.length >= 3 && w.length >= 3 && isOneEdit(w, x))
          .map((x, i) => [x, i] as const)
          .sort((a, b) => a[0].length - b[0].length || a[1] - b[1])
          .map(([x]) => x);
        expect(new NearWords(words).near(w)).toEqual(scan);
      }),
      { numRuns: 2000 },
    );
  });
});
