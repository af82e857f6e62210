import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/types.js';
import { LIMITS, renderBlocks } from '../../src/render/blocks.js';
import { renderJson } from '../../src/render/json.js';
import { bold, clip, escapeMrkdwn, link } from '../../src/render/mrkdwn.js';
import { blockKitProblems, pingsIn, stringsIn } from '../helpers/blockkit.js';
import { realEngine } from '../helpers/kb.js';
import { ROOT } from '../helpers/paths.js';

const engine = realEngine();
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const render = (q: string) => renderBlocks(engine.answer(q));

const questions = readFileSync(resolve(ROOT, 'tests', 'eval', 'questions.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => (JSON.parse(l) as { q: string }).q);

const ADVERSARIAL: Record<string, string> = {
  'ten thousand characters': `compare ${'django flask '.repeat(900)}`.slice(0, 10_000),
  'ten thousand x': 'x'.repeat(10_000),
  'channel mention': '<!channel> django vs flask',
  'here mention with label': '<!here|here> what is httpx',
  'everyone mention': '<!everyone> lib <!everyone>',
  'user mention': '<@U123ABC> what is <@U123ABC>',
  'user mention with label': '<@W123|bob> compare <@W123|bob> django',
  'mention as the only name': 'lib <@U123ABC>',
  'control characters': 'lib \u0000\u0007\u001b[31mhttpx\u007f\u0085',
  emoji: '🐍 what is fastapi 🚀',
  'emoji only': '🐍🐍🐍',
  'rtl text': 'ما هو django؟',
  'rtl override': 'find \u202eevil\u202c html parsing',
  'markup soup': '*_~`<>&amp;&lt;&gt;`~_*',
  'link with label': 'what is <https://evil.example|fastapi>',
  'subteam mention': '<!subteam^S123|@devs> tip',
};

/**
 * Slack sends a literal "<" typed in a message as "&lt;". The parser decodes it, so these reach
 * the answer as "<!channel>", "<@U123ABC>"... and must still never form a ping.
 */
const ENCODED: Record<string, string> = {
  'encoded channel in a lookup': 'lib &lt;!channel&gt;',
  'encoded here in a find': 'find &lt;!here&gt; parsing html',
  'encoded user in a question': 'what is &lt;@U123ABC&gt;',
  'encoded everyone in a recommendation': 'what should I use for &lt;!everyone&gt; background jobs',
};

describe('every rendered message stays within Block Kit limits', () => {
  it.each(questions.map((q) => [q]))('%j', (q) => {
    const message = render(q);
    expect(blockKitProblems(message)).toEqual([]);
    expect(pingsIn(message)).toEqual([]);
  });

  it.each(Object.entries(ADVERSARIAL))('%s', (_name, q) => {
    const message = render(q);
    expect(blockKitProblems(message)).toEqual([]);
    expect(pingsIn(message)).toEqual([]);
    expect(pingsIn(renderJson(engine.answer(q)))).toEqual([]);
  });

  it.each(Object.entries(ENCODED))('%s', (_name, q) => {
    const message = render(q);
    expect(blockKitProblems(message)).toEqual([]);
    expect(pingsIn(message)).toEqual([]);
  });

  // BUG: normalize() cuts the question at 500 UTF-16 code units and clip() cuts at max - 1 code
  // units, both with String.slice, so a cut can fall inside an emoji's surrogate pair and the
  // message carries a lone surrogate: "lib " + 300 × "🐍" gives a header ending in "\ud83d".
  it('never splits a surrogate pair when cutting long text', () => {
    const message = render(`lib ${'🐍'.repeat(300)}`);
    expect(stringsIn(message).filter((s) => LONE_SURROGATE.test(s))).toEqual([]);
  });
});

describe('renderBlocks on oversized answers', () => {
  const big: Answer = {
    intent: 'search',
    title: `A very long title ${'word '.repeat(100)}`,
    subjects: [{ id: 'x', name: 'X', kind: 'library' }],
    sections: [
      { type: 'text', text: 'y'.repeat(5000) },
      {
        type: 'facts',
        facts: Array.from({ length: 23 }, (_, i) => ({ label: `L${i}`, value: 'v'.repeat(2500) })),
      },
      {
        type: 'list',
        title: 'Items',
        items: Array.from({ length: 80 }, (_, i) => `${i} ${'z'.repeat(300)}`),
        ordered: true,
      },
      {
        type: 'table',
        columns: ['A', 'B', 'C', 'D'],
        rows: Array.from({ length: 40 }, (_, i) => ({
          label: `row ${i}`,
          values: ['a', 'b', 'c', 'd'.repeat(3000)],
        })),
      },
      // A second table: Slack takes one per message, so this one falls back to fields.
      {
        type: 'table',
        columns: ['E', 'F'],
        rows: Array.from({ length: 40 }, (_, i) => ({ label: `again ${i}`, values: ['e', 'f'] })),
      },
      {
        type: 'picks',
        picks: Array.from({ length: 30 }, (_, i) => ({ name: `p${i}`, reason: 'r'.repeat(400) })),
      },
      { type: 'note', text: '&'.repeat(4000) },
    ],
    sources: [{ id: 's', title: 'Source & <title>', url: 'https://example.com/a' }],
  };

  it('trims to the limits, says it trimmed, and keeps the sources line last', () => {
    const message = renderBlocks(big);
    expect(blockKitProblems(message)).toEqual([]);
    expect(message.blocks.length).toBeLessThanOrEqual(44);
    const last = message.blocks.at(-1);
    expect(last?.type).toBe('context');
    expect(last?.elements[0].text).toMatch(
      /^:books: Sources: <https:\/\/example\.com\/a\|Source &amp; &lt;title&gt;>$/,
    );
    expect(JSON.stringify(message.blocks.at(-2))).toMatch(/Trimmed to fit/);
  });

  it('honours a smaller block budget', () => {
    const message = renderBlocks(big, 10);
    expect(message.blocks.length).toBeLessThanOrEqual(10);
    expect(message.blocks[0]?.type).toBe('header');
    expect(JSON.stringify(message.blocks.at(-1))).toContain('Sources');
  });

  // BUG: renderBlocks computes room = maxBlocks - 1 - (sources ? 1 : 0) although the header is
  // already counted in the blocks it trims, so a trimmed answer uses maxBlocks - 1 blocks
  // (9 of 10, 43 of ANSWER_BLOCKS = 44): one block of content is always lost.
  it('uses the whole block budget when it has to trim', () => {
    expect(renderBlocks(big, 10).blocks).toHaveLength(10);
  });

  it('leaves a small answer untrimmed and without a sources line when it has none', () => {
    const message = renderBlocks(engine.answer('help'));
    expect(JSON.stringify(message)).not.toMatch(/Trimmed|Sources:/);
    expect(message.blocks[0]?.type).toBe('header');
  });

  it("renders a comparison as Slack's table: the names as the header row, one row per attribute", () => {
    const { blocks, text } = render('compare django flask fastapi');
    const tables = blocks.filter((b) => b.type === 'table');
    expect(tables).toHaveLength(1);
    const rows = tables[0]?.rows.map((r: { text: string }[]) => r.map((c) => c.text));
    expect(rows[0]).toEqual(['Compared', 'Django', 'Flask', 'FastAPI']);
    expect(rows).toContainEqual(['Performance', 'Moderate', 'Good', 'Excellent (Highest)']);
    expect(text).toMatch(/^Django vs Flask vs FastAPI: /);
    expect(blockKitProblems({ text, blocks })).toEqual([]);
  });
});

describe('table block limits', () => {
  const wide = (rows: number, columns: number, value: string): Answer => ({
    intent: 'compare',
    title: 'Wide',
    subjects: [],
    sources: [],
    sections: [
      {
        type: 'table',
        columns: Array.from({ length: columns }, (_, i) => `C${i}`),
        rows: Array.from({ length: rows }, (_, i) => ({ label: `r${i}`, values: Array(columns).fill(value) })),
      },
    ],
  });
  const table = (a: Answer) => renderBlocks(a).blocks.find((b) => b.type === 'table');

  it('keeps at most 100 rows of at most 20 cells', () => {
    const t = table(wide(150, 30, 'v'));
    expect(t?.rows).toHaveLength(LIMITS.tableRows);
    expect(t?.rows.every((r: unknown[]) => r.length === LIMITS.tableCells)).toBe(true);
    expect(t?.column_settings).toHaveLength(LIMITS.tableCells);
  });

  it('keeps all cell text within 10,000 characters and no cell empty', () => {
    const t = table(wide(100, 19, 'x'.repeat(3000)));
    const cells = t?.rows.flat() as { text: string }[];
    expect(cells.reduce((n, c) => n + c.text.length, 0)).toBeLessThanOrEqual(LIMITS.tableText);
    expect(blockKitProblems(renderBlocks(wide(100, 19, 'x'.repeat(3000))))).toEqual([]);
    expect((table(wide(2, 2, '   '))?.rows[1] as { text: string }[]).map((c) => c.text)).toEqual(['r0', '—', '—']);
  });

  it('lets exactly one table into a message (a second falls back to fields)', () => {
    const a = wide(3, 2, 'v');
    const twice: Answer = { ...a, sections: [...a.sections, ...a.sections] };
    const { blocks } = renderBlocks(twice);
    expect(blocks.filter((b) => b.type === 'table')).toHaveLength(LIMITS.tablesPerMessage);
    expect(blocks.filter((b) => b.type === 'section' && b.fields)).toHaveLength(3);
  });

  it('never lets a cell carry a mention', () => {
    const t = table(wide(1, 1, '<!channel> <@U123>'));
    expect(JSON.stringify(t)).not.toMatch(/<!channel|<@U/);
  });
});

describe('mrkdwn helpers', () => {
  it('escapeMrkdwn escapes &, < and > (ampersand first)', () => {
    expect(escapeMrkdwn('&<>')).toBe('&amp;&lt;&gt;');
    expect(escapeMrkdwn('<!channel> & <@U123>')).toBe('&lt;!channel&gt; &amp; &lt;@U123&gt;');
    expect(escapeMrkdwn('&amp;')).toBe('&amp;amp;');
    expect(escapeMrkdwn('plain text')).toBe('plain text');
  });

  it('knowledge text with & < > is escaped in the message', () => {
    const withAmp = engine.knowledge.packages.find(
      (p) => p.summary.includes('&') || p.why.some((w) => /[&<>]/.test(w)),
    );
    const message = renderBlocks(engine.answer('help'));
    expect(message.text).not.toMatch(/&(?!amp;|lt;|gt;)/);
    if (withAmp) {
      const json = JSON.stringify(renderBlocks(engine.answer(`lib ${withAmp.id}`)));
      expect(json).not.toMatch(/&(?!amp;|lt;|gt;)/);
    }
  });

  it('clip cuts to the limit with an ellipsis and never leaves half an entity', () => {
    expect(clip('abcdef', 10)).toBe('abcdef');
    expect(clip('abcdef', 4)).toBe('abc…');
    expect(clip('&amp;&amp;', 8)).toBe('&amp;…');
    expect(clip('x'.repeat(5000), 3000)).toHaveLength(3000);
  });

  it('bold strips asterisks from the label', () => {
    expect(bold('a*b')).toBe('*ab*');
  });

  it('link only links http(s) URLs without markup characters', () => {
    expect(link('https://x.com/a', 'A & B')).toBe('<https://x.com/a|A &amp; B>');
    expect(link('javascript:alert(1)', 'x')).toBe('x');
    expect(link('https://x.com|<!channel>', 'x')).toBe('x');
    expect(link('https://x.com', 'a|b')).toBe('<https://x.com|a/b>');
  });
});

describe('the checker itself', () => {
  const header = { type: 'header', text: { type: 'plain_text', text: 'ok' } };
  it('accepts a minimal message', () => {
    expect(blockKitProblems({ text: 'hi', blocks: [header] })).toEqual([]);
  });

  it('catches each kind of violation', () => {
    const section = (t: string) => ({ type: 'section', text: { type: 'mrkdwn', text: t } });
    const button = (id: string, t = 'Go', value = 'v') => ({
      type: 'button',
      action_id: id,
      text: { type: 'plain_text', text: t },
      value,
    });
    const cases: unknown[] = [
      { text: '', blocks: [header] },
      { text: 'hi', blocks: Array.from({ length: 51 }, () => header) },
      { text: 'hi', blocks: [{ type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } }] },
      { text: 'hi', blocks: [{ type: 'header', text: { type: 'mrkdwn', text: 'h' } }] },
      { text: 'hi', blocks: [section('s'.repeat(3001))] },
      { text: 'hi', blocks: [section('')] },
      {
        text: 'hi',
        blocks: [{ type: 'section', fields: Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'f' })) }],
      },
      { text: 'hi', blocks: [{ type: 'section', fields: [{ type: 'mrkdwn', text: 'f'.repeat(2001) }] }] },
      {
        text: 'hi',
        blocks: [{ type: 'context', elements: Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'c' })) }],
      },
      { text: 'hi', blocks: [{ type: 'actions', elements: [button('a', 'b'.repeat(76))] }] },
      { text: 'hi', blocks: [{ type: 'actions', elements: [button('a', 'Go', 'v'.repeat(2001))] }] },
      { text: 'hi', blocks: [{ type: 'actions', elements: [button('a'), button('a')] }] },
      { text: 'hi', blocks: [{ type: 'actions', elements: [button('a'.repeat(256))] }] },
      {
        text: 'hi',
        blocks: [
          { ...header, block_id: 'x' },
          { ...header, block_id: 'x' },
        ],
      },
      { text: 'hi', blocks: [{ type: 'mystery' }] },
    ];
    for (const c of cases) expect(blockKitProblems(c as never), JSON.stringify(c).slice(0, 120)).not.toEqual([]);
  });

  it('finds pings in any string of the message', () => {
    expect(pingsIn({ blocks: [{ text: 'hello <!here>' }] })).toEqual(['<!here']);
    expect(pingsIn({ text: '&lt;!channel&gt;' })).toEqual([]);
  });
});
