import { describe, expect, it } from 'vitest';
import { EntityLinker } from '../../src/answer/entities.js';
import { NameIndex } from '../../src/answer/names.js';
import { tokens } from '../../src/answer/tokens.js';
import { hasTerm } from '../../src/knowledge/search-index.js';
import { realKnowledge } from '../helpers/kb.js';

const { knowledge, index } = realKnowledge();
const linker = new EntityLinker(knowledge, new NameIndex(knowledge), (w) => hasTerm(index, w));
const link = (text: string) => linker.link(tokens(text)).map((m) => [m.text, m.entry.id, m.typo]);

describe('EntityLinker', () => {
  it('takes the longest name first: "django rest framework fastapi"', () => {
    expect(link('django rest framework fastapi')).toEqual([
      ['django rest framework', 'django-rest-framework', false],
      ['fastapi', 'fastapi', false],
    ]);
  });

  it('finds names anywhere, skipping filler and unknown words', () => {
    expect(link('the flask library and frobnitz')).toEqual([['flask', 'flask', false]]);
    expect(link('sqlalchemy vs peewee, thoughts')).toEqual([
      ['sqlalchemy', 'sqlalchemy', false],
      ['peewee', 'peewee', false],
    ]);
  });

  it('marks one-edit typos, but never corrects a word the knowledge itself uses', () => {
    expect(link('djnago')).toEqual([['djnago', 'django', true]]);
    expect(link('tests')).toEqual([]);
  });

  it('takes an everyday-word name only where the sentence points at a name', () => {
    expect(link('is black worth it')).toEqual([['black', 'black', false]]);
    expect(link('black and white photos from a scanner')).toEqual([]);
    expect(link('many concurrent requests from a script')).toEqual([]);
    expect(link('requests or httpx')).toEqual([
      ['requests', 'requests', false],
      ['httpx', 'httpx', false],
    ]);
  });

  it('never matches a name inside a longer word or by prefix', () => {
    expect(link('flaskish tornadoes')).toEqual([]);
  });

  it('does not let a question-shaped alias swallow the names it joins', () => {
    expect(link('django or fastapi').map(([, id]) => id)).toEqual(['django', 'fastapi']);
  });
});
