/**
 * End-to-end, the team overlay in the real app: `/pystack lib requests` carries the team's
 * status, an edit of the overlay is live within 10 seconds without a restart, a broken edit keeps
 * the previous standards (logged once), and a broken overlay at start stops the app in one line.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from '../../scripts/fake-slack.js';
import { runMainToExit, type RunningApp, sleep, slackEnv, startApp } from './harness.js';

const ROOT = resolve(import.meta.dirname, '../..');
let fake: FakeSlack;
let app: RunningApp;
let file: string;

const cardText = async (q: string) => JSON.stringify((await (await app.command(q)).json()).blocks);

beforeAll(async () => {
  fake = await startFakeSlack();
  file = join(mkdtempSync(join(tmpdir(), 'pystack-team-e2e-')), 'team.yml');
  copyFileSync(resolve(ROOT, 'examples/team.yml'), file);
  app = await startApp(fake, { TEAM_KNOWLEDGE: file });
});

afterAll(async () => {
  await app?.stop();
  await fake?.close();
});

describe('team standards in the running bot', () => {
  it('shows the team status and reason on a card, and the team package for its need', async () => {
    expect(await cardText('lib requests')).toContain('Team: discouraged. We standardised on HTTPX');
    expect(await cardText('what should I use for authentication')).toMatch(/acme-auth/);
    expect(app.logs()).toContain('team standards loaded');
  });

  it('picks up an edit within 10 s, and keeps the previous standards on a broken edit', async () => {
    writeFileSync(file, readFileSync(file, 'utf8').replace('We standardised on HTTPX', 'Since 2026 we use HTTPX'));
    const until = Date.now() + 10_000;
    while (!(await cardText('lib requests')).includes('Since 2026 we use HTTPX')) {
      if (Date.now() > until) throw new Error('edit not live within 10 s');
      await sleep(250);
    }
    writeFileSync(file, 'standards:\n  - id: requestz\n    status: banned\n    reason: typo\n');
    await sleep(7_000);
    expect(await cardText('lib requests')).toContain('Since 2026 we use HTTPX');
    const lines = app
      .logs()
      .split('\n')
      .filter((l) => l.includes('keeping the previous team standards'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('requestz');
  }, 30_000);

  it('refuses to start with one line naming the file and entry when the overlay is broken', async () => {
    const bad = join(mkdtempSync(join(tmpdir(), 'pystack-team-bad-')), 'ours.yml');
    writeFileSync(bad, 'standards:\n  - id: requests\n    status: discouraged\n    reason: x\n    instead: httpxx\n');
    const r = await runMainToExit(slackEnv(fake, { PORT: '0', TEAM_KNOWLEDGE: bad }));
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(
      'pystack: could not start: TEAM_KNOWLEDGE: ours.yml › requests › instead: unknown id "httpxx"',
    );
  });
});
