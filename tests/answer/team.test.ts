/**
 * Answers with the example team overlay (examples/team.yml): the card, the comparison's Team row
 * and verdict, the order and exclusions of recommendations, team packages as entries, the
 * "Team standards" source, in the engine and in the Slack and terminal renderers.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/answer/engine.js';
import type { Answer } from '../../src/answer/types.js';
import { openKnowledge } from '../../src/knowledge/open.js';
import { renderBlocks } from '../../src/render/blocks.js';
import { renderTerminal } from '../../src/render/terminal.js';
import { blockKitProblems } from '../helpers/blockkit.js';
import { realEngine } from '../helpers/kb.js';
import { ROOT } from '../helpers/paths.js';

const engine = createEngine(openKnowledge({ team: resolve(ROOT, 'examples/team.yml') }));
const ask = (q: string) => engine.answer(q);
const ids = (a: Answer) => a.subjects.map((s) => s.id);
const text = (a: Answer) => JSON.stringify(a.sections);

describe('a library card', () => {
  it('leads with the team status, reason and instead, and cites Team standards apart from the articles', () => {
    const a = ask('lib requests');
    expect(a.sections[0]).toEqual({
      type: 'text',
      text: 'Team: discouraged. We standardised on HTTPX for sync and async clients. Use HTTPX instead.',
    });
    expect(a.sources[0]?.title).toBe('Team standards');
    expect(a.sources.length).toBeGreaterThan(1);
    const slack = renderBlocks(a);
    expect(JSON.stringify(slack.blocks)).toContain('Team: discouraged');
    expect(blockKitProblems(slack)).toEqual([]);
    expect(renderTerminal(a)).toContain('Team: discouraged.');
  });

  it('is unchanged for an entry the team says nothing about, and without an overlay', () => {
    expect(ask('lib pandas').sources.map((s) => s.title)).not.toContain('Team standards');
    expect(JSON.stringify(realEngine().answer('lib requests'))).not.toContain('Team:');
  });
});

describe('a comparison', () => {
  it('gains a Team row, orders the picks by the team, and names the standards', () => {
    const a = ask('compare requests httpx');
    const table = a.sections.find((s) => s.type === 'table');
    expect(table?.type === 'table' && table.rows[0]).toEqual({ label: 'Team', values: ['discouraged', 'preferred'] });
    const picks = a.sections.find((s) => s.type === 'picks');
    expect(picks?.type === 'picks' && picks.picks[0]?.name).toBe('HTTPX');
    expect(text(a)).toContain('Requests: Team: discouraged');
    const t = renderBlocks(a).blocks.find((b) => b.type === 'table');
    expect(t?.rows[1].map((c: { text: string }) => c.text)).toEqual(['Team', 'discouraged', 'preferred']);
  });

  it('never makes a banned item the pick', () => {
    const a = ask('compare pyautogui pynput');
    const picks = a.sections.find((s) => s.type === 'picks');
    expect(picks?.type === 'picks' && picks.picks.map((p) => p.name)).toEqual(['pynput']);
    expect(a.sections[0]).toEqual({ type: 'text', text: 'Not an option here: PyAutoGUI (banned by your team).' });
  });
});

describe('recommendations', () => {
  it('put preferred and approved items first and mark discouraged ones', () => {
    const a = ask('what http client should I use');
    expect(ids(a)[0]).toBe('httpx');
    expect(text(a)).toMatch(/Requests[^}]*Team: discouraged/);
  });

  it('leave banned items out, with a line saying so', () => {
    const a = ask('gui automation library');
    expect(ids(a)).not.toContain('pyautogui');
    expect(text(a)).toContain('Left out: PyAutoGUI, banned by your team');
    expect(JSON.stringify(a.hints ?? [])).not.toContain('pyautogui');
  });
});

describe('team packages', () => {
  it('answer "what should I use for X" first, with their owner', () => {
    const a = ask('what should I use for authentication');
    expect(ids(a)[0]).toBe('acme-auth');
    expect(a.sources.map((s) => s.title)).toContain('Team standards');
  });

  it('answer lookups and comparisons like any entry', () => {
    const card = ask('lib acme-auth');
    expect(card.intent).toBe('library');
    expect(ids(card)).toEqual(['acme-auth']);
    expect(text(card)).toContain('#platform-team');
    const cmp = ask('compare acme-auth httpx');
    expect(ids(cmp)).toEqual(['acme-auth', 'httpx']);
  });
});

describe('about', () => {
  it('lists the sources, counts, version and the overlay with its file and entry counts', () => {
    const a = ask('about');
    expect(a.intent).toBe('about');
    expect(text(a)).toContain('Team standards: loaded from team.yml (5 standards, 2 team packages).');
    expect(text(a)).toMatch(/Version","value":"[0-9a-f]{8}\+[0-9a-f]{6}, changed \d{4}-\d{2}-\d{2}/);
    expect(JSON.stringify(realEngine().answer('about').sections)).toContain('none loaded');
  });

  it('every answer carries the knowledge version for the footer', () => {
    for (const q of ['lib httpx', 'help', 'what is zorblatt']) {
      const a = ask(q);
      expect(a.version?.hash, q).toMatch(/^[0-9a-f]{8}\+[0-9a-f]{6}$/);
      const footer = renderBlocks(a).blocks.at(-1);
      expect(JSON.stringify(footer), q).toMatch(/Knowledge [0-9a-f]{8}\+[0-9a-f]{6}, changed/);
    }
  });
});
