/** Hints and second answers, as each renderer prints them. */
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/types.js';
import { renderBlocks } from '../../src/render/blocks.js';
import { renderJson } from '../../src/render/json.js';
import { renderTerminal } from '../../src/render/terminal.js';
import { blockKitProblems } from '../helpers/blockkit.js';
import { realEngine } from '../helpers/kb.js';

const engine = realEngine();
const contexts = (blocks: Record<string, unknown>[]) =>
  blocks.filter((b) => b.type === 'context').map((b) => JSON.stringify(b.elements));

describe('hints', () => {
  const answer = engine.answer('lib httpx');

  it('print as slash commands in Slack', () => {
    expect(contexts(renderBlocks(answer).blocks).join(' ')).toContain('`/pystack compare httpx requests`');
  });

  it('print as pystack ask commands in a terminal, with no slash command', () => {
    const text = renderTerminal(answer);
    expect(text).toContain('pystack ask "compare httpx requests"');
    expect(text).not.toContain('/pystack');
  });

  it('carry no user text into a mention', () => {
    const a: Answer = { ...answer, hints: [{ label: 'x', command: 'lib <!channel> `tick`' }] };
    const line = contexts(renderBlocks(a).blocks).join(' ');
    expect(line).not.toContain('<!channel>');
    expect(blockKitProblems(renderBlocks(a))).toEqual([]);
  });
});

describe('a two-question message', () => {
  const answer = engine.answer('what is ruff? and which type checker should I use with it?');

  it('renders both answers in Slack, the second under a divider, within Block Kit limits', () => {
    const msg = renderBlocks(answer);
    const headers = msg.blocks.filter((b) => b.type === 'header');
    expect(headers.length).toBe(2);
    expect(msg.blocks.some((b) => b.type === 'divider')).toBe(true);
    expect(blockKitProblems(msg)).toEqual([]);
  });

  it('keeps both within 50 blocks even when each is long', () => {
    const long = engine.answer('checklist production');
    const msg = renderBlocks({ ...long, also: long });
    expect(msg.blocks.length).toBeLessThanOrEqual(44);
    expect(msg.blocks.filter((b) => b.type === 'header').length).toBe(2);
    expect(blockKitProblems(msg)).toEqual([]);
  });

  it('prints both in a terminal and in JSON', () => {
    expect(renderTerminal(answer)).toMatch(/Ruff[\s\S]*For /);
    expect(renderJson(answer).also?.intent).toBe('recommend');
  });
});

describe('JSON', () => {
  it('carries the angle and the names not known', () => {
    expect(renderJson(engine.answer('alternatives to flask')).focus).toBe('alternatives');
    expect(renderJson(engine.answer('numpy vs julia')).unrecognised).toEqual(['julia']);
  });
});
