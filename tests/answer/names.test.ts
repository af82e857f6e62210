import { describe, expect, it } from 'vitest';
import { editDistance, NameIndex, soundKey } from '../../src/answer/names.js';
import { realKnowledge } from '../helpers/kb.js';
import { rankEntries } from '../../src/answer/search.js';

const names = new NameIndex(realKnowledge().knowledge);

describe('editDistance', () => {
  it('is 0 for equal strings', () => {
    expect(editDistance('django', 'django')).toBe(0);
  });

  it('counts a transposition of neighbours as one edit', () => {
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('djnago', 'django')).toBe(1);
    expect(editDistance('pandsa', 'pandas')).toBe(1);
  });

  it('counts one substitution, insertion or deletion as one edit, anywhere', () => {
    expect(editDistance('flask', 'flisk')).toBe(1);
    expect(editDistance('flask', 'flasks')).toBe(1);
    expect(editDistance('flask', 'lask')).toBe(1);
    expect(editDistance('fastpi', 'fastapi')).toBe(1);
    expect(editDistance('xflask', 'flask')).toBe(1);
  });

  it('is symmetric', () => {
    for (const [a, b] of [
      ['fastpi', 'fastapi'],
      ['djnago', 'django'],
      ['numpyy', 'numpy'],
    ] as const) {
      expect(editDistance(a, b)).toBe(editDistance(b, a));
    }
  });

  it('caps at 2 for two or more edits', () => {
    expect(editDistance('fastpi', 'fastai')).toBe(1);
    expect(editDistance('django', 'flask')).toBe(2);
    expect(editDistance('abcd', 'badc')).toBe(2);
    expect(editDistance('a', 'abc')).toBe(2);
    expect(editDistance('', 'ab')).toBe(2);
  });
});

describe('NameIndex.resolve: exact names and aliases', () => {
  it.each([
    ['bs4', 'beautifulsoup'],
    ['BS4', 'beautifulsoup'],
    ['sklearn', 'scikit-learn'],
    ['scikit learn', 'scikit-learn'],
    ['postgres', 'postgresql'],
    ['cv2', 'opencv'],
    ['Beautiful Soup', 'beautifulsoup'],
    ['drf', 'django-rest-framework'],
    ['rq', 'rq'],
  ])('%s -> %s', (typed, id) => {
    expect(names.resolve(typed)).toEqual({ entry: expect.objectContaining({ id }), typo: false });
  });
});

describe('NameIndex.resolve: typos', () => {
  it('djnago -> django (swapped letters)', () => {
    expect(names.resolve('djnago')).toEqual({ entry: expect.objectContaining({ id: 'django' }), typo: true });
  });

  it('fastpi -> fastapi (a dropped letter), not fastai (a wrong letter)', () => {
    // both are one edit away; the dropped letter is the likelier slip
    expect(
      names
        .nearby('fastpi')
        .map((e) => e.id)
        .sort(),
    ).toEqual(['fastai', 'fastapi']);
    expect(names.resolve('fastpi')?.entry.id).toBe('fastapi');
  });

  it('accepts no typos in short names', () => {
    expect(names.nearby('rqq')).toEqual([]);
    expect(names.resolve('rqq')).toBeUndefined();
    expect(names.resolve('fla')).toBeUndefined();
  });

  it('resolves nothing for a word that is far from every name', () => {
    expect(names.resolve('frobnitz')).toBeUndefined();
  });
});

describe('NameIndex.suggest', () => {
  it('suggest: near names for a near miss, nothing for gibberish', () => {
    expect(names.suggest('djangooo').map((e) => e.id)).toContain('django');
    expect(names.suggest('frobnitz')).toEqual([]);
    expect(names.suggest('')).toEqual([]);
  });
});

describe('names that sound alike', () => {
  it('reads a slip of more than one edit that sounds like a name as that name', () => {
    expect(soundKey('playwrite')).toBe(soundKey('playwright'));
    expect(names.resolve('playwrite')).toMatchObject({ entry: { id: 'playwright' }, typo: true });
  });

  it('leaves short words and words that sound like no name alone', () => {
    expect(names.resolve('plite')).toBeUndefined();
    expect(names.resolve('windmill')).toBeUndefined();
  });
});

describe('search credits a package name only for its own words', () => {
  it('another word of the same stem, or one edit away, is no name ("mechanical" does not name mechanize)', () => {
    const { knowledge, index } = realKnowledge();
    const hit = (q: string, id: string) =>
      rankEntries(knowledge, index, q, ['package']).hits.find((h) => h.entry.id === id);
    expect(hit('mechanical keyboard', 'mechanize')?.nameCover ?? 0).toBe(0);
    expect(hit('scapy packets', 'scrapy')?.nameCover ?? 0).toBe(0);
    // A name's own word, singular or plural, still names it.
    expect(hit('http request library', 'requests')?.nameCover).toBeGreaterThan(0);
    expect(hit('mechanize forms', 'mechanize')?.nameCover).toBeGreaterThan(0);
  });
});
