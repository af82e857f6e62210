import { describe, expect, it } from 'vitest';
import { emptyState, nextTip, shuffled, type TipState } from '../../src/tips/rotation.js';

const ids = Array.from({ length: 12 }, (_, i) => `tip-${i}`);

function take(state: TipState, channel: string, n: number, pool = ids) {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = nextTip(state, channel, pool);
    out.push(r.tipId);
    state = r.state;
  }
  return { out, state };
}

describe('tip rotation', () => {
  it('posts every tip once before any repeats, then starts a new shuffled cycle', () => {
    const { out, state } = take(emptyState(), 'C1', ids.length);
    expect(new Set(out).size).toBe(ids.length);
    const again = take(state, 'C1', ids.length).out;
    expect(new Set(again).size).toBe(ids.length);
    expect(again[0]).not.toBe(out[out.length - 1]);
    expect(again).not.toEqual(out);
  });

  it('keeps a separate, differently shuffled order per channel', () => {
    const a = take(emptyState(), 'C1', ids.length).out;
    const b = take(emptyState(), 'C2', ids.length).out;
    expect(a).not.toEqual(b);
  });

  it('skips tips removed from the knowledge and adds new ones to the cycle', () => {
    const first = take(emptyState(), 'C1', 3);
    const pool = [...ids.filter((id) => !first.state.channels.C1?.order.slice(3, 6).includes(id)), 'tip-new'];
    const rest = take(first.state, 'C1', pool.length - 3, pool).out;
    expect(new Set([...first.out, ...rest])).toEqual(new Set(pool));
  });

  it('shuffles deterministically', () => {
    expect(shuffled(ids, 'C1:0')).toEqual(shuffled(ids, 'C1:0'));
    expect(shuffled(ids, 'C1:0')).not.toEqual(shuffled(ids, 'C1:1'));
  });
});
