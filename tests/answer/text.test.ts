import { describe, expect, it } from 'vitest';
import { cleanText, MAX_QUERY_CHARS, normalize, stripSlackMarkup } from '../../src/answer/text.js';

describe('stripSlackMarkup', () => {
  it.each([
    ['<@U123> hi', 'hi'],
    ['<@W123|bob> hi', 'hi'],
    ['<#C1|general> hi', 'hi'],
    ['<!here> hi', 'hi'],
    ['<!channel> hi', 'hi'],
    ['<!subteam^S1|@team> hi', 'hi'],
    ['see <http://x.com|label>', 'see label http://x.com'],
    ['see <https://x.com/a?b=c>', 'see https://x.com/a?b=c'],
    ['*bold* text', 'bold text'],
    ['_italic_ text', 'italic text'],
    ['~strike~ text', 'text'],
    ['`code` text', 'code text'],
    ['```block``` text', 'block text'],
    ['a &amp; b', 'a & b'],
    ['a &lt;b&gt; c', 'a b c'],
  ])('%j -> %j', (input, expected) => {
    expect(stripSlackMarkup(input).replace(/\s+/g, ' ').trim()).toBe(expected);
  });

  it('turns angle brackets, typed or encoded, into spaces so nothing downstream can form a mention', () => {
    for (const t of [
      '&lt;!channel&gt;',
      '<!channel',
      '&lt;@U123ABC&gt;',
      'a < b > c',
      '&amp;lt;!here&amp;gt;',
      '<https://x.com|<!here>>',
    ]) {
      const out = stripSlackMarkup(t);
      expect(out, t).not.toMatch(/<[!@#]/);
      expect(out.includes('<') || out.includes('>'), t).toBe(false);
    }
  });

  it('keeps underscores inside words', () => {
    expect(stripSlackMarkup('file_name_here')).toBe('file_name_here');
  });

  it('decodes &amp; last, so "&amp;lt;" stays the text "&lt;"', () => {
    expect(stripSlackMarkup('&amp;lt;')).toBe('&lt;');
  });
});

describe('import statements in code', () => {
  it('name the module they import', () => {
    expect(normalize('```from celery import Celery``` ok but wat is it')).toBe('celery ok but what is it');
    expect(normalize('`import numpy as np` vs `import pandas as pd`?')).toBe('numpy vs pandas');
    expect(normalize('`from sklearn.model_selection import train_test_split, KFold` what is this')).toBe(
      'sklearn what is this',
    );
  });

  it('are read only in code: in prose, import is a verb', () => {
    expect(normalize('how to import csv into postgres')).toBe('how to import csv into postgres');
  });
});

describe('struck-out words', () => {
  it('are taken back: not part of the question', () => {
    expect(normalize('~flake8~ ruff? is ruff worth switching to')).toBe('ruff? is ruff worth switching to');
    expect(normalize('keep ~this~ or not')).toBe('keep or not');
    expect(normalize('~sqlalchmey~ sqlalchemy, which orm')).toBe('sqlalchemy, which orm');
    expect(normalize('~whats~ what is a venv')).toBe('what is a venv');
  });

  it('after "not a fan of" are its emphasis, kept', () => {
    expect(normalize('any e2e lib? _not_ a fan of ~cypress~')).toBe('any e2e lib? not a fan of cypress');
  });

  it('before a question for something are what is not wanted', () => {
    expect(normalize('~pandas~ something faster for a 40gb file')).toBe('not pandas, something faster for a 40gb file');
  });

  it('before one word and a "which" are weighed against it', () => {
    expect(normalize('~mypy~ pyright? which one for vs code')).toBe('mypy or pyright? which one for vs code');
  });
});

describe('normalize', () => {
  it('lower-cases, collapses spaces, drops courtesies and trailing punctuation', () => {
    expect(normalize('  Hey,   Please   What is   *Django*?!  Thanks ')).toBe('what is django');
  });

  it('keeps a message that is only thanks or a greeting, so a button re-asks the same', () => {
    expect(normalize('Thanks!')).toBe('thanks');
    expect(normalize('hey  \u0000')).toBe('hey');
  });

  it('reads chat spellings of question words as the words', () => {
    expect(normalize('wut is a feature store')).toBe('what is a feature store');
    expect(normalize('whts the diffrence btwn black and ruff')).toBe('whats the difference between black and ruff');
    // Only whole words: "watch" and "between" stay as typed.
    expect(normalize('watch a folder, between runs')).toBe('watch a folder, between runs');
  });

  it('drops emoji codes and pictographs', () => {
    expect(normalize('flask or django :thinking_face: 🤔')).toBe('flask or django');
  });

  it('drops a leading bot name, also after a greeting', () => {
    expect(normalize('@pystack: django vs flask')).toBe('django vs flask');
    expect(normalize('/pystack lib httpx')).toBe('lib httpx');
    expect(normalize('hey pystack, what is httpx?')).toBe('what is httpx');
  });

  it('removes control and zero-width characters', () => {
    expect(normalize('lib\u0000\u200bhttpx\u0007')).toBe('lib httpx');
  });

  it(`reads at most ${MAX_QUERY_CHARS} characters`, () => {
    expect(normalize(`lib ${'x'.repeat(10_000)}`).length).toBeLessThanOrEqual(MAX_QUERY_CHARS);
  });

  it('is idempotent, so a button carrying the normalised question re-asks the same one', () => {
    // "Ὼͅ": lower-casing leaves it out of NFKC, which a second reading would fold (found by fast-check).
    for (const t of ['<https://pypi.org/project/httpx/|httpx> ok?', '&amp;lt;!here&amp;gt; Thanks', 'A; b? c.', 'Ὼͅ'])
      expect(normalize(normalize(t))).toBe(normalize(t));
  });
});

describe('cleanText', () => {
  it('keeps courtesies that normalize drops', () => {
    expect(cleanText('Hi! Thanks so much 🙏')).toBe('hi! thanks so much');
  });
});
