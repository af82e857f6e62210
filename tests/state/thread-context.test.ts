import { describe, expect, it } from 'vitest';
import { MemoryThreadContext } from '../../src/state/thread-context.js';

describe('MemoryThreadContext', () => {
  it('keeps the last question per thread', async () => {
    const t = new MemoryThreadContext();
    await t.set('a', 'first');
    await t.set('a', 'second');
    await t.set('b', 'other');
    expect(await t.get('a')).toBe('second');
    expect(await t.get('b')).toBe('other');
    expect(await t.get('c')).toBeUndefined();
  });

  it('forgets a question older than its TTL', async () => {
    let now = 0;
    const t = new MemoryThreadContext(1000, 10, () => now);
    await t.set('a', 'q');
    now = 1000;
    expect(await t.get('a')).toBe('q');
    now = 1001;
    expect(await t.get('a')).toBeUndefined();
  });

  it('drops the thread asked longest ago beyond its bound', async () => {
    const t = new MemoryThreadContext(60_000, 2);
    await t.set('a', '1');
    await t.set('b', '2');
    await t.set('a', '3');
    await t.set('c', '4');
    expect(await t.get('b')).toBeUndefined();
    expect(await t.get('a')).toBe('3');
    expect(await t.get('c')).toBe('4');
  });
});
