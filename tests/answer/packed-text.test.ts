import { describe, expect, it } from 'vitest';
import { compareAt } from '../../src/answer/packed-text.js';

describe('compareAt', () => {
  const words = ['', 'a', 'ab', 'abc', 'b', 'b:x y', 'w:<name>', 'zé', 'ß', 'Z'];
  const text = words.map((w) => `${w}\n`).join('');
  const starts = words.reduce<number[]>((at, w) => [...at, (at.at(-1) as number) + w.length + 1], [0]);

  it('orders a word against each stretch of the packed text as comparing the sliced string would', () => {
    const probes = [...words, 'aa', 'abcd', 'b:', 'w:<nam', 'zz', 'y', '\u00e9'];
    for (const probe of probes)
      words.forEach((w, i) => {
        const c = compareAt(text, starts[i] as number, (starts[i + 1] as number) - 1, probe);
        expect(Math.sign(c), `${JSON.stringify(w)} vs ${JSON.stringify(probe)}`).toBe(
          w === probe ? 0 : w < probe ? -1 : 1,
        );
      });
  });
});
