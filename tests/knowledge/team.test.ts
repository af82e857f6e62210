/**
 * The team overlay: its schema and cross-checks against the curated knowledge (each problem names
 * the file and the entry), `pystack check --team`, and reloading an edited overlay.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/errors.js';
import { openKnowledge } from '../../src/knowledge/open.js';
import { readTeam, withTeam } from '../../src/knowledge/team.js';
import { createEngine } from '../../src/answer/engine.js';
import { watchTeam } from '../../src/knowledge/team-watch.js';
import { runCli } from '../helpers/cli.js';
import { realKnowledge } from '../helpers/kb.js';
import { ROOT } from '../helpers/paths.js';

const curated = realKnowledge().knowledge;
const EXAMPLE = resolve(ROOT, 'examples/team.yml');

function overlay(text: string, name = 'team.yml'): string {
  const dir = mkdtempSync(join(tmpdir(), 'pystack-team-'));
  writeFileSync(join(dir, name), text);
  return join(dir, name);
}
const problems = (text: string) => readTeam(overlay(text), curated).problems.map(formatProblem);

describe('team overlay: schema and cross-checks', () => {
  it('loads the example: standards on curated and team ids, team packages as entries', () => {
    const { overlay: team, problems: found } = readTeam(EXAMPLE, curated);
    expect(found).toEqual([]);
    expect(team?.standards.get('requests')).toMatchObject({ status: 'discouraged', instead: 'httpx' });
    expect(team?.packages.map((p) => p.id)).toEqual(['acme-auth', 'acme-service-template']);
  });

  it("lets a team package take a name the curated knowledge lists as a Python package it does not cover", () => {
    const path = overlay(
      'packages:\n  - id: polars\n    name: Polars\n    summary: Our dataframe library of choice.\n    use_cases: [dataframes]\n',
    );
    const { overlay: team, problems: found } = readTeam(path, curated);
    expect(found).toEqual([]);
    expect(curated.outside.get('polars')).toBe('python');
    const kb = withTeam(curated, team as NonNullable<typeof team>);
    expect(kb.outside.has('polars')).toBe(false);
    const engine = createEngine({ ...realKnowledge(), knowledge: kb });
    const a = engine.answer('is polars any good?', { tipSeed: 0 });
    expect([a.intent, a.subjects[0]?.id]).toEqual(['library', 'polars']);
  });

  const cases: [string, string, RegExp][] = [
    ['an unknown id', 'standards:\n  - id: requestz\n    status: banned\n    reason: no\n', /^team\.yml › requestz › id: unknown id "requestz"$/],
    [
      'an instead that does not exist',
      'standards:\n  - id: requests\n    status: discouraged\n    reason: no\n    instead: httpxx\n',
      /^team\.yml › requests › instead: unknown id "httpxx"$/,
    ],
    [
      'a duplicate standard',
      'standards:\n  - id: requests\n    status: banned\n    reason: a\n  - id: requests\n    status: approved\n    reason: b\n',
      /^team\.yml › requests › id: duplicate standard/,
    ],
    [
      'a team package whose id collides with a curated one',
      'packages:\n  - id: httpx\n    name: our-httpx\n    summary: Ours.\n    use_cases: [http]\n',
      /^team\.yml › httpx › id: collides with the curated entry "httpx"$/,
    ],
    [
      'a team package whose alias collides with a curated name',
      'packages:\n  - id: acme-http\n    name: acme-http\n    aliases: [requests]\n    summary: Ours.\n    use_cases: [http]\n',
      /^team\.yml › acme-http › aliases: "requests" already names "requests"$/,
    ],
    ['a status that is not one of the four', 'standards:\n  - id: requests\n    status: frowned\n    reason: no\n', /^team\.yml › requests › status: must be one of preferred, approved, discouraged, banned$/],
    ['a field the format does not have', 'standards:\n  - id: requests\n    status: banned\n    reason: no\n    why: x\n', /^team\.yml › requests/],
    ['bad YAML', 'standards: [\n', /^team\.yml: YAML/],
  ];
  for (const [name, text, expected] of cases)
    it(`refuses ${name}, naming the file and entry`, () => {
      const found = problems(text);
      expect(found.length, found.join('\n')).toBeGreaterThan(0);
      expect(found[0]).toMatch(expected);
    });

  it('refuses a missing file in one line', () => {
    expect(readTeam('/nonexistent/team.yml', curated).problems.map(formatProblem)).toEqual([
      '/nonexistent/team.yml: team knowledge not found or not readable (TEAM_KNOWLEDGE)',
    ]);
  });

  it('reads a folder of overlay files together', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pystack-team-dir-'));
    writeFileSync(join(dir, 'a.yml'), 'standards:\n  - id: requests\n    status: discouraged\n    reason: httpx\n');
    writeFileSync(join(dir, 'b.yaml'), 'packages:\n  - id: acme-x\n    name: acme-x\n    summary: X.\n    use_cases: [x]\n');
    const { overlay: team } = readTeam(dir, curated);
    expect(team?.files).toEqual(['a.yml', 'b.yaml']);
    expect(team?.standards.size).toBe(1);
    expect(team?.packages).toHaveLength(1);
  });
});

describe('pystack check --team', () => {
  it('exits 1 and names the file and entry of each problem', async () => {
    const bad = overlay('standards:\n  - id: requestz\n    status: banned\n    reason: x\n', 'ours.yml');
    const r = await runCli(['check', '--team', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('ours.yml › requestz › id: unknown id "requestz"');
  });

  it('exits 0 on the example and says what it holds', async () => {
    const r = await runCli(['check', '--team', EXAMPLE]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('team standards OK: 5 standards, 2 team packages in team.yml');
  });
});

describe('reloading the overlay', () => {
  it('picks up a valid edit, keeps the previous overlay on a broken one, and reports it once', () => {
    const file = overlay('standards:\n  - id: requests\n    status: discouraged\n    reason: first\n');
    const loaded: string[] = [];
    const reported: string[] = [];
    const watch = watchTeam({
      path: file,
      open: () => openKnowledge({ team: file }),
      onLoad: (o) => loaded.push(o.knowledge.team?.standards.get('requests')?.reason ?? ''),
      onProblem: (m) => reported.push(m),
      everyMs: 60_000,
    });
    watch.check();
    expect(loaded).toEqual([]); // unchanged
    writeFileSync(file, 'standards:\n  - id: requests\n    status: banned\n    reason: second\n');
    watch.check();
    expect(loaded).toEqual(['second']);
    writeFileSync(file, 'standards:\n  - id: requestz\n    status: banned\n    reason: third\n');
    watch.check();
    watch.check();
    expect(loaded).toEqual(['second']);
    expect(reported).toHaveLength(1);
    expect(reported[0]).toMatch(/requestz.*keeping the previous team standards/);
    watch.stop();
  });
});
