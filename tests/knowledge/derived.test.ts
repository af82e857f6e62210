import { describe, expect, it } from 'vitest';
import { derived } from '../../src/knowledge/derived.js';
import type { Knowledge } from '../../src/knowledge/model.js';
import { realKnowledge } from '../helpers/kb.js';

describe('derived', () => {
  it('works a value out once per knowledge object, and anew for another (a team overlay merged in)', () => {
    let made = 0;
    const count = derived((kb) => (made++, kb.packages.length));
    const { knowledge } = realKnowledge();
    expect(count(knowledge)).toBe(knowledge.packages.length);
    expect(count(knowledge)).toBe(knowledge.packages.length);
    expect(made).toBe(1);
    const merged: Knowledge = { ...knowledge, packages: knowledge.packages.slice(1) };
    expect(count(merged)).toBe(knowledge.packages.length - 1);
    expect(made).toBe(2);
  });
});
