import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/types.js';
import { renderTerminal, wrap } from '../../src/render/terminal.js';
import { realEngine } from '../helpers/kb.js';
import { ROOT } from '../helpers/paths.js';

const engine = realEngine();
const TEXT =
  'Pick by goal. Django if you want full web apps with structure built in, Flask if you want something ' +
  'light with more control, FastAPI if you mainly want modern APIs. Supercalifragilisticexpialidocious ' +
  'words longer than a line are cut into pieces.';

describe('wrap', () => {
  it.each([1, 5, 10, 17, 40, 80])('keeps every line within width %i and every character in order', (width) => {
    const lines = wrap(TEXT, width);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(width);
    expect(lines.join('').replace(/\s+/g, '')).toBe(TEXT.replace(/\s+/g, ''));
  });

  it('fills lines greedily and joins words with single spaces', () => {
    expect(wrap('aa bb cc', 5)).toEqual(['aa bb', 'cc']);
    expect(wrap('  lead   and  trail ', 100)).toEqual(['lead and trail']);
  });

  it('cuts a word longer than the width', () => {
    expect(wrap('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('gives one empty line for empty text', () => {
    expect(wrap('', 10)).toEqual(['']);
    expect(wrap('   ', 10)).toEqual(['']);
  });

  // BUG: with width 0 a piece is w.slice(0, 0) === '', so the inner loop never shortens the word
  // and wrap('abc', 0) never returns (the same for width < 0 and a one-letter word). Not reachable
  // from renderTerminal, which clamps widths, but wrap is exported. Run in a child process so the
  // hang cannot block the suite.
  it('returns for a width of 0', () => {
    const url = pathToFileURL(resolve(ROOT, 'dist', 'src', 'render', 'terminal.js')).href;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', `(await import('${url}')).wrap('abc', 0)`], {
      timeout: 2000,
    });
    expect(run.status).toBe(0);
  });
});

describe('renderTerminal', () => {
  const lines = (a: Answer, width?: number) => renderTerminal(a, width ? { width } : {}).split('\n');

  it('underlines the title and ends with exactly one newline', () => {
    const out = renderTerminal(engine.answer('lib httpx'));
    const [title, rule] = out.split('\n');
    expect(title).toBe('HTTPX (HTTP clients)');
    expect(rule).toBe('='.repeat(title?.length ?? 0));
    expect(out.endsWith('\n')).toBe(true);
    expect(out.endsWith('\n\n')).toBe(false);
    expect(out).not.toMatch(/\n{3,}/);
  });

  it('prints no colour codes or Slack markup', () => {
    const out = renderTerminal(engine.answer('compare django flask'));
    expect(out).not.toMatch(/\u001b\[/);
    expect(out).not.toMatch(/&amp;|&lt;|\*Performance\*/);
  });

  it.each([40, 60, 100])('keeps a library card within width %i', (width) => {
    for (const line of lines(engine.answer('lib httpx'), width)) expect(line.length, line).toBeLessThanOrEqual(width);
  });

  it.each([80, 100, 160])('shows every column name in the comparison table header (width %i)', (width) => {
    const out = lines(engine.answer('compare django flask fastapi litestar'), width);
    const header = out.find((l) => l.includes('|'));
    for (const name of ['Django', 'Flask', 'FastAPI', 'Litestar']) expect(header).toContain(name);
    expect(out.join('\n')).toMatch(/^Performance\s+\| Moderate\s+\| Good\s+\| Excellent/m);
  });

  it('shows every row label of the comparison', () => {
    const a = engine.answer('compare django flask fastapi');
    const table = a.sections.find((s) => s.type === 'table');
    const out = renderTerminal(a);
    if (table?.type !== 'table') throw new Error('no table');
    for (const row of table.rows) expect(out).toMatch(new RegExp(`^${row.label.split(' ')[0]}`, 'm'));
  });

  // BUG (cosmetic): column names longer than the column width are cut mid-word: at the default
  // width, "compare pydantic-settings sentence-transformers pandas-datareader drf" prints the
  // column "sentence-transform" with "ers" on the next line, so the name appears nowhere whole.
  it('never cuts a column name in the table header', () => {
    const a = engine.answer('compare pydantic-settings sentence-transformers pandas-datareader drf');
    expect(a.intent).toBe('compare');
    const out = renderTerminal(a, { width: 100 }).split('\n');
    // the table header: the lines between the title's underline and the table's rule
    const header = out
      .slice(
        2,
        out.findIndex((l) => l.startsWith('-'.repeat(20))),
      )
      .join('\n');
    expect(header).toContain('Pydantic Settings');
    for (const s of a.subjects) expect(header).toContain(s.name);
  });

  it('prints the sources last, then only the knowledge version', () => {
    for (const q of ['lib httpx', 'compare django flask fastapi', 'checklist production', 'what is idempotency']) {
      const a = engine.answer(q);
      const out = lines(a);
      const at = out.findIndex((l) => l.startsWith('Sources: '));
      expect(at, q).toBeGreaterThan(0);
      // after the Sources line only its indented continuation lines follow, and the version last
      const after = out.slice(at + 1).filter(Boolean);
      expect(after.at(-1), q).toMatch(/^Knowledge [0-9a-f]{8}, changed \d{4}-\d{2}-\d{2}$/);
      for (const l of after.slice(0, -1)) expect(l, q).toMatch(/^ {9}\S/);
      for (const s of a.sources) expect(out.slice(at).join(' ').replace(/\s+/g, ' '), q).toContain(s.title);
    }
  });

  it('prints no sources line for help', () => {
    expect(renderTerminal(engine.answer('help'))).not.toContain('Sources:');
  });
});
