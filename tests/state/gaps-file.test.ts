/** The gaps log on disk: a line appended per gap, compacted at twice the cap, and the former layout carried over. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileGaps, MAX_FILE_GAPS } from '../../src/state/gaps.js';

const folder = () => mkdtempSync(join(tmpdir(), 'pystack-gaps-'));
const lines = (file: string) => readFileSync(file, 'utf8').trim().split('\n');

describe('the gaps file', () => {
  it('appends one line per gap and never rewrites what is there', async () => {
    const file = join(folder(), 'gaps.jsonl');
    const gaps = new FileGaps(file);
    await gaps.record({ question: 'what is tox', intent: 'unknown', at: Date.now() });
    const before = readFileSync(file, 'utf8');
    await gaps.record({ question: 'what is nox', intent: 'search', at: Date.now() });
    const after = readFileSync(file, 'utf8');
    expect(after.startsWith(before)).toBe(true);
    expect(lines(file)).toHaveLength(2);
    expect(JSON.parse(lines(file)[1] ?? '')).toMatchObject({ question: 'what is nox', intent: 'search' });
  });

  it('rewrites the file with the newest gaps once it holds twice the cap', async () => {
    const file = join(folder(), 'gaps.jsonl');
    const now = Date.now();
    const old = Array.from({ length: 2 * MAX_FILE_GAPS }, (_, i) =>
      JSON.stringify({ question: `q${i}`, intent: 'unknown', at: now - 1000 + (i % 1000) }),
    );
    writeFileSync(file, `${old.join('\n')}\n`);
    const gaps = new FileGaps(file);
    await gaps.record({ question: 'the newest', intent: 'unknown', at: now });
    const kept = lines(file);
    expect(kept).toHaveLength(MAX_FILE_GAPS);
    expect(JSON.parse(kept.at(-1) ?? '').question).toBe('the newest');
    expect(JSON.parse(kept[0] ?? '').question).toBe(`q${MAX_FILE_GAPS + 1}`);
  });

  it('skips and reports a line that does not parse, and counts the rest', async () => {
    const file = join(folder(), 'gaps.jsonl');
    const at = Date.now();
    writeFileSync(
      file,
      `${JSON.stringify({ question: 'what is tox', intent: 'unknown', at })}\n{"question":\nnot json\n`,
    );
    const reported: string[] = [];
    const gaps = new FileGaps(file, (m) => reported.push(m));
    await gaps.record({ question: 'what is tox', intent: 'unknown', at });
    expect((await gaps.top(0, 5)).map((g) => [g.question, g.count])).toEqual([['what is tox', 2]]);
    expect(reported.join('\n')).toMatch(/2 unreadable line/);
  });

  it('carries a former one-document log over once, and leaves a file that is not one where it is', async () => {
    const dir = folder();
    const at = Date.now();
    writeFileSync(
      join(dir, 'gaps.json'),
      JSON.stringify({ version: 1, gaps: [{ question: 'what is pdm', intent: 'unknown', at }] }),
    );
    const gaps = new FileGaps(join(dir, 'gaps.jsonl'), () => {}, Date.now, join(dir, 'gaps.json'));
    expect(existsSync(join(dir, 'gaps.json'))).toBe(false);
    await gaps.record({ question: 'what is pdm', intent: 'unknown', at });
    expect((await gaps.top(0, 5))[0]).toMatchObject({ question: 'what is pdm', count: 2 });

    const other = folder();
    writeFileSync(join(other, 'gaps.json'), '{"version": 9}');
    const reported: string[] = [];
    new FileGaps(join(other, 'gaps.jsonl'), (m) => reported.push(m), Date.now, join(other, 'gaps.json'));
    expect(existsSync(join(other, 'gaps.json'))).toBe(true);
    expect(reported.join('\n')).toContain('not carried over');
  });
});
