import { describe, expect, it } from 'vitest';
import { shuffled, tipAt } from '../../src/tips/rotation.js';

const ids = Array.from({ length: 12 }, (_, i) => `tip-${i}`);
const run = (channel: string, from: number, n: number, pool = ids) =>
  Array.from({ length: n }, (_, i) => tipAt(channel, from + i, pool));

describe('tip rotation', () => {
  it('posts every tip once before any repeats, then starts a new shuffled cycle', () => {
    const first = run('C1', 0, ids.length);
    const again = run('C1', ids.length, ids.length);
    expect(new Set(first).size).toBe(ids.length);
    expect(new Set(again).size).toBe(ids.length);
    expect(again).not.toEqual(first);
  });

  it('never starts a cycle with the tip that ended the one before', () => {
    for (let cycle = 1; cycle < 200; cycle++) {
      expect(tipAt('C1', cycle * ids.length, ids)).not.toBe(tipAt('C1', cycle * ids.length - 1, ids));
    }
  });

  it('keeps a separate, differently shuffled order per channel', () => {
    expect(run('C1', 0, ids.length)).not.toEqual(run('C2', 0, ids.length));
  });

  it('depends on the set of tips, not the order they are listed in', () => {
    expect(run('C1', 0, 30)).toEqual(run('C1', 0, 30, [...ids].reverse()));
  });

  it('covers a changed set of tips in the next cycle', () => {
    const pool = [...ids.slice(3), 'tip-new'];
    expect(new Set(run('C1', 5 * pool.length, pool.length, pool))).toEqual(new Set(pool));
  });

  it('shuffles deterministically', () => {
    expect(shuffled(ids, 'C1:0')).toEqual(shuffled(ids, 'C1:0'));
    expect(shuffled(ids, 'C1:0')).not.toEqual(shuffled(ids, 'C1:1'));
  });

  it('refuses an empty list of tips', () => {
    expect(() => tipAt('C1', 0, [])).toThrow(/no tips/);
  });
});
