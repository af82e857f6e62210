import { statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { envWithoutSlack, runCli, runNode } from './helpers/cli.js';
import { realEngine } from './helpers/kb.js';
import { CLI, MAIN } from './helpers/paths.js';
import { loadProbes } from './helpers/probes.js';

// dist/ is built (when missing or stale) by tests/helpers/global-setup.ts before any test runs.

const parseLines = (stdout: string) =>
  stdout
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as { intent: string; subjects: { id: string }[]; text: string; blocks: unknown[] });

describe('start-up', () => {
  it("answers from the build's validated knowledge without loading zod or the YAML parser", async () => {
    // Probes that print what the process loads (tests/helpers/probes.ts).
    const [flag, ...probes] = loadProbes(['zod', 'yaml']);
    const node = (args: string[]) => runNode(flag as string, [...probes, CLI, ...args]);
    const run = await node(['ask', 'django vs flask']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Django');
    expect(run.stderr).not.toContain('IMPORTED');
    expect(run.stderr).toContain('REQUIRED ;');
    // The probes see them when they are loaded: checking a knowledge folder validates it with zod.
    const check = await node(['check']);
    expect(check.stderr).toContain('REQUIRED zod,yaml;');
  });
});

describe('pystack ask --json', () => {
  it('about lists the sources, the counts, the version and the team overlay', async () => {
    const run = await runCli(['about']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('About pystack');
    expect(run.stdout).toMatch(/Version: [0-9a-f]{8}, changed \d{4}-\d{2}-\d{2}/);
    expect(run.stdout).toContain('Team standards: none loaded');
  });

  it('prints exactly one JSON object with intent, subjects, sources, version, text and blocks', async () => {
    const run = await runCli(['ask', '--json', 'compare django flask']);
    expect(run.code).toBe(0);
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(1);
    const out = JSON.parse(run.stdout);
    expect(Object.keys(out).sort()).toEqual(['blocks', 'intent', 'sources', 'subjects', 'text', 'version']);
    expect(out.version.hash).toMatch(/^[0-9a-f]{8}$/);
    expect(out.version.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(out.intent).toBe('compare');
    expect(out.subjects.map((s: { id: string }) => s.id)).toEqual(['django', 'flask']);
    expect(out.sources.length).toBeGreaterThan(0);
    expect(out.blocks[0].type).toBe('header');
    expect(out.text).toMatch(/Django vs Flask/);
  });

  it('joins the words of an unquoted question', async () => {
    const run = await runCli(['ask', '--json', 'lib', 'httpx']);
    expect(JSON.parse(run.stdout).subjects[0].id).toBe('httpx');
  });

  it('answers no question with help and a hint on stderr', async () => {
    const run = await runCli(['ask', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).intent).toBe('help');
    expect(run.stderr).toMatch(/no question given/);
  });
});

describe('pystack ask --json --batch', () => {
  it('writes one line per input line, in order; a blank line is help', async () => {
    const input = ['lib httpx', '', 'compare django flask', 'what is frobnitz', 'checklist production'];
    const run = await runCli(['ask', '--json', '--batch'], `${input.join('\n')}\n`);
    expect(run.code).toBe(0);
    const out = parseLines(run.stdout);
    expect(out.map((o) => o.intent)).toEqual(['library', 'help', 'compare', 'unknown', 'checklist']);
    expect(out[0]?.subjects[0]?.id).toBe('httpx');
    expect(out[4]?.subjects[0]?.id).toBe('production-readiness');
  });

  it('200 lines in give 200 lines out, each answering its own line', async () => {
    const pkgs = realEngine().knowledge.packages;
    const ids = Array.from({ length: 200 }, (_, i) => (pkgs[i % pkgs.length] as { id: string }).id);
    const run = await runCli(['ask', '--json', '--batch'], `${ids.map((id) => `lib ${id}`).join('\n')}\n`);
    expect(run.code).toBe(0);
    expect(run.stdout.endsWith('\n')).toBe(true);
    const out = parseLines(run.stdout);
    expect(out).toHaveLength(200);
    expect(out.map((o) => o.subjects[0]?.id)).toEqual(ids);
  });

  it('answers a last line without a trailing newline', async () => {
    const run = await runCli(['ask', '--json', '--batch'], 'lib httpx\nlib requests');
    expect(parseLines(run.stdout).map((o) => o.subjects[0]?.id)).toEqual(['httpx', 'requests']);
  });

  it('prints nothing for empty input', async () => {
    const run = await runCli(['ask', '--json', '--batch'], '');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
  });
});

describe('pystack commands and errors', () => {
  it('an unknown command exits 2 with the usage', async () => {
    const run = await runCli(['frobnicate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown command "frobnicate"/);
    expect(run.stderr).toMatch(/Usage: pystack <command>/);
    expect(run.stdout).toBe('');
  });

  it('help and no command print the usage and exit 0', async () => {
    for (const args of [['help'], [], ['--help']]) {
      const run = await runCli(args);
      expect(run.code, args.join(' ')).toBe(0);
      expect(run.stdout).toMatch(/^Usage: pystack <command>/);
    }
  });

  it('an unknown option exits 1 with one line and no stack trace', async () => {
    const run = await runCli(['ask', '--frob', 'x']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^pystack: /);
    expect(run.stderr).not.toContain('    at ');
  });

  it('tip --seed 3 is stable, and another seed gives another tip', async () => {
    const [a, b, c] = await Promise.all([
      runCli(['tip', '--seed', '3']),
      runCli(['tip', '--seed', '3']),
      runCli(['tip', '--seed', '4']),
    ]);
    expect(a.code).toBe(0);
    expect(a.stdout).toMatch(/^Python stack tip\n/);
    expect(b.stdout).toBe(a.stdout);
    expect(c.stdout).not.toBe(a.stdout);
  });

  it('tip --seed 3 --json names the same tip as the engine with seed 3', async () => {
    const run = await runCli(['tip', '--seed', '3', '--json']);
    const out = JSON.parse(run.stdout);
    expect(out.intent).toBe('tip');
    expect(out.subjects[0].id).toBe(realEngine().answer('tip', { tipSeed: 3 }).subjects[0]?.id);
  });

  it('tip --seed with a non-number exits 1 with a clear message', async () => {
    const run = await runCli(['tip', '--seed', 'abc']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/--seed must be a whole number/);
    expect(run.stderr).not.toContain('    at ');
  });
});

describe('console mode', () => {
  it('main.js without Slack credentials answers piped questions and exits 0 on EOF', async () => {
    expect(Object.keys(envWithoutSlack()).some((k) => k.startsWith('SLACK_'))).toBe(false);
    // run from an empty folder so a developer's .env (read by dotenv from the cwd) cannot add Slack credentials
    const run = await runNode(MAIN, [], 'compare django fastapi\n', tmpdir());
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^pystack local console/);
    expect(run.stdout).toContain('Django vs FastAPI');
    expect(run.stdout).toMatch(/Performance\s+\| Moderate\s+\| Excellent/);
    expect(run.stdout).toMatch(/Sources: /);
    expect(run.stderr).not.toContain('    at ');
  });

  it('pystack console answers each non-blank line', async () => {
    const run = await runCli(['console'], 'lib httpx\n\n   \nlib requests\n');
    expect(run.code).toBe(0);
    expect(run.stdout.match(/^[A-Za-z]+ \(HTTP clients\)$/gm)).toEqual([
      'HTTPX (HTTP clients)',
      'Requests (HTTP clients)',
    ]);
  });

  it('pystack console reads a follow-up with the question before it, as a thread does', async () => {
    const run = await runCli(['console'], 'what http client should I use\nand for async?\n');
    expect(run.code).toBe(0);
    const parts = run.stdout.split(/^For /m);
    expect(parts.length).toBe(3);
    const second = parts[2] ?? '';
    expect(second.split('\n')[0]).toMatch(/async/);
    expect(second).toContain('HTTPX');
    expect(run.stdout).not.toContain('Which question does this follow?');
  });

  // readline still emits 'line' for lines already buffered after rl.close(): with piped input
  // "lib httpx\nexit\nlib requests\n" nothing after "exit" may be answered.
  it.each(['exit', 'q'])('pystack console stops at %j', async (word) => {
    const run = await runCli(['console'], `lib httpx\n${word}\nlib requests\n`);
    expect(run.stdout).toContain('HTTPX (HTTP clients)');
    expect(run.stdout).not.toContain('Requests (HTTP clients)');
    // "q" is not read as a follow-up of the question before it.
    expect(run.stdout).not.toMatch(/For q\b/);
  });
});

describe('the pystack bin', () => {
  it('is executable after a build, so npx pystack works', () => {
    const mode = statSync(CLI).mode;
    expect(mode & 0o111).not.toBe(0);
  });
});
