import { describe, expect, it } from 'vitest';
import { MAX_QUERY_CHARS, normalize, parse, splitItems, stripSlackMarkup } from '../../src/answer/parse.js';

describe('stripSlackMarkup', () => {
  it.each([
    ['<@U123> hi', 'hi'],
    ['<@W123|bob> hi', 'hi'],
    ['<#C1|general> hi', 'hi'],
    ['<!here> hi', 'hi'],
    ['<!channel> hi', 'hi'],
    ['<!subteam^S1|@team> hi', 'hi'],
    ['see <http://x.com|label>', 'see label'],
    ['see <https://x.com/a?b=c>', 'see'],
    ['*bold* text', 'bold text'],
    ['_italic_ text', 'italic text'],
    ['~strike~ text', 'strike text'],
    ['`code` text', 'code text'],
    ['```block``` text', 'block text'],
    ['a &amp; b', 'a & b'],
    ['a &lt;b&gt; c', 'a b c'],
  ])('%j -> %j', (input, expected) => {
    expect(stripSlackMarkup(input).replace(/\s+/g, ' ').trim()).toBe(expected);
  });

  it('turns angle brackets, typed or encoded, into spaces so nothing downstream can form a mention', () => {
    for (const t of ['&lt;!channel&gt;', '<!channel', '&lt;@U123ABC&gt;', 'a < b > c', '&amp;lt;!here&amp;gt;']) {
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

describe('normalize', () => {
  it('lower-cases, collapses spaces, drops courtesies and trailing punctuation', () => {
    expect(normalize('  Hey,   Please   What is   *Django*?!  Thanks ')).toBe('what is django');
  });

  it('drops a leading bot name', () => {
    expect(normalize('@pystack: django vs flask')).toBe('django vs flask');
    expect(normalize('/pystack lib httpx')).toBe('lib httpx');
  });

  // BUG: the bot name is stripped once, before greetings, so a greeting in front of it keeps it:
  // "hey pystack, what is httpx?" normalises to "pystack, what is httpx".
  it('drops the bot name after a greeting', () => {
    expect(normalize('hey pystack, what is httpx?')).toBe('what is httpx');
  });

  it('removes control and zero-width characters', () => {
    expect(normalize('lib\u0000\u200bhttpx\u0007')).toBe('lib httpx');
  });

  it(`reads at most ${MAX_QUERY_CHARS} characters`, () => {
    expect(normalize(`lib ${'x'.repeat(10_000)}`).length).toBeLessThanOrEqual(MAX_QUERY_CHARS);
  });
});

describe('splitItems', () => {
  it('splits on commas, vs, or, and, versus', () => {
    expect(splitItems('a, b or c and d vs e versus f')).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });
});

describe('parse: commands', () => {
  it('compare a b', () => {
    expect(parse('compare django flask')).toMatchObject({
      kind: 'compare',
      items: ['django flask'],
      explicit: true,
    });
    expect(parse('compare django, flask and fastapi')).toMatchObject({
      kind: 'compare',
      items: ['django', 'flask', 'fastapi'],
      explicit: true,
    });
  });

  it('lib x', () => {
    expect(parse('lib httpx')).toEqual({ kind: 'lookup', text: 'lib httpx', name: 'httpx', explicit: true });
    expect(parse('package requests')).toMatchObject({ kind: 'lookup', name: 'requests', explicit: true });
  });

  it('lib with no name is help', () => {
    expect(parse('lib')).toMatchObject({ kind: 'help' });
  });

  it('find x', () => {
    expect(parse('find background jobs')).toEqual({
      kind: 'find',
      text: 'find background jobs',
      need: 'background jobs',
    });
  });

  it('checklist [topic]', () => {
    expect(parse('checklist')).toMatchObject({ kind: 'checklist', topic: '' });
    expect(parse('checklist security')).toMatchObject({ kind: 'checklist', topic: 'security' });
    expect(parse('checklist for production')).toMatchObject({ kind: 'checklist', topic: 'production' });
  });

  it('stack [role]', () => {
    expect(parse('stack')).toMatchObject({ kind: 'stack', role: '' });
    expect(parse('stack backend')).toMatchObject({ kind: 'stack', role: 'backend' });
    expect(parse('stack for a data engineer')).toMatchObject({ kind: 'stack', role: 'data engineer' });
  });

  it('tip [topic]', () => {
    expect(parse('tip')).toMatchObject({ kind: 'tip', topic: '' });
    expect(parse('tip about testing')).toMatchObject({ kind: 'tip', topic: 'testing' });
    expect(parse('give me a random tip')).toMatchObject({ kind: 'tip', topic: '' });
  });

  it('help', () => {
    for (const t of ['help', 'usage', 'commands', '?', 'what can you do', 'HELP!']) {
      expect(parse(t).kind, t).toBe('help');
    }
  });

  it('commands work after a mention and markup', () => {
    expect(parse('<@U0BOT> *lib* `httpx`')).toMatchObject({ kind: 'lookup', name: 'httpx', explicit: true });
  });
});

describe('parse: natural phrasing', () => {
  it('X vs Y', () => {
    expect(parse('Django VS Flask?')).toEqual({
      kind: 'compare',
      text: 'django vs flask',
      items: ['django', 'flask'],
      explicit: false,
    });
    expect(parse('django vs flask vs fastapi')).toMatchObject({ items: ['django', 'flask', 'fastapi'] });
  });

  it('difference between X and Y', () => {
    expect(parse('difference between django and flask')).toMatchObject({
      kind: 'compare',
      items: ['django', 'flask'],
    });
    expect(parse("What's the difference between celery and rq?")).toMatchObject({
      kind: 'compare',
      items: ['celery', 'rq'],
    });
  });

  it('X or Y?', () => {
    expect(parse('celery or rq?')).toMatchObject({
      kind: 'compare',
      items: ['celery', 'rq'],
      explicit: false,
    });
    expect(parse('should I use poetry or uv')).toMatchObject({ kind: 'compare', items: ['poetry', 'uv'] });
  });

  it('what is X', () => {
    expect(parse('what is django?')).toEqual({
      kind: 'lookup',
      text: 'what is django',
      name: 'django',
      explicit: false,
    });
    expect(parse("what's the httpx library")).toMatchObject({ kind: 'lookup', name: 'httpx' });
  });

  it('tell me about X', () => {
    expect(parse('tell me about fastapi')).toMatchObject({
      kind: 'lookup',
      name: 'fastapi',
      explicit: false,
    });
  });

  it('what should I use for X', () => {
    expect(parse('what should I use for html parsing?')).toMatchObject({
      kind: 'find',
      need: 'html parsing',
    });
    expect(parse('best library for progress bars')).toMatchObject({ kind: 'find', need: 'progress bars' });
  });

  it('compare: false reads a comparison-looking text as something else', () => {
    expect(parse('celery or rq', { compare: false }).kind).not.toBe('compare');
  });

  it('empty or markup-only text is help', () => {
    for (const t of ['', '   ', '<@U123>', '<!here>', '\u0000\u200b', '?!']) {
      expect(parse(t).kind, JSON.stringify(t)).toBe('help');
    }
  });

  it('anything else is a free question', () => {
    expect(parse('weather in paris')).toEqual({ kind: 'ask', text: 'weather in paris' });
  });

  it('never throws', () => {
    const inputs = ['<', '>', '<<>>', '<@', '`', '```', '*', '&amp', 'vs', 'or', ',', 'compare', 'x'.repeat(5000)];
    for (const t of inputs) expect(() => parse(t), t).not.toThrow();
  });
});
