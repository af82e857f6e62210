import { describe, expect, it } from 'vitest';
import { compareAt, compareBytesAt } from '../../src/answer/packed-text.js';

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

  it('compares an ASCII word with a stretch of packed bytes the same way', () => {
    const ascii = ['', 'a', 'ab', 'abc', 'b', 'b:x y', 'w:<name>', 'Z'];
    const bytes = Buffer.from(ascii.map((w) => `${w}\n`).join(''));
    let at = 0;
    for (const w of ascii) {
      for (const probe of [...ascii, 'aa', 'abcd', 'zz'])
        expect(Math.sign(compareBytesAt(bytes, at, at + w.length, probe)), `${w} vs ${probe}`).toBe(
          w === probe ? 0 : w < probe ? -1 : 1,
        );
      at += w.length + 1;
    }
  });
});
