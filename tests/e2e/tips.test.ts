/**
 * End-to-end: the real app with TIPS_SCHEDULE every second posts one tip a second to the fake
 * Slack, each different; a bad schedule stops start-up with one line.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { blockKitProblems } from '../helpers/blockkit.js';
import { type FakeSlack, startFakeSlack } from '../../scripts/fake-slack.js';
import { type RunningApp, slackEnv, startApp } from './harness.js';

const ROOT = resolve(import.meta.dirname, '../..');
let fake: FakeSlack | undefined;
let app: RunningApp | undefined;

afterAll(async () => {
  await app?.stop();
  await fake?.close();
});

describe('scheduled tips', () => {
  it('posts one different tip a second to the channel', async () => {
    fake = await startFakeSlack();
    app = await startApp(fake, {
      TIPS_CHANNEL: 'C0TIPS',
      TIPS_SCHEDULE: '* * * * * *',
      STATE_DIR: mkdtempSync(join(tmpdir(), 'tips-e2e-')),
    });
    const posts = await fake.waitFor('chat.postMessage', 3, 10_000);
    const tips = posts.filter((p) => p.body.channel === 'C0TIPS');
    expect(tips.length).toBeGreaterThanOrEqual(3);
    const texts = tips.map((p) => p.body.text);
    expect(new Set(texts).size).toBe(texts.length);
    for (const p of tips) {
      expect(blockKitProblems(p.body)).toEqual([]);
      const json = JSON.stringify(p.body.blocks);
      expect(json).toContain('Sources:');
      expect(json).toContain('pystack_another_tip');
    }
    expect(app.logs()).toContain('tip posted');
    // The tips' own Web API client logs through pino (JSON, scrubbed) like everything else.
    const lines = app.logs().trim().split('\n');
    expect(lines.filter((l) => !l.startsWith('{'))).toEqual([]);
    expect(lines.some((l) => l.includes('"component":"tips-web-api"'))).toBe(true);
  }, 20_000);

  it('refuses an invalid TIPS_SCHEDULE at start-up with one line', () => {
    const r = spawnSync(process.execPath, ['dist/app/main.js'], {
      cwd: ROOT,
      env: slackEnv(undefined, { TIPS_CHANNEL: 'C0TIPS', TIPS_SCHEDULE: '99 * * * *' }),
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/TIPS_SCHEDULE must be a cron expression/);
  });

  it('pystack post-tip posts the next tip of the channel once per run, continuing the rotation', async () => {
    const slack = await startFakeSlack();
    const env = slackEnv(slack, { STATE_DIR: mkdtempSync(join(tmpdir(), 'post-tip-')), LOG_LEVEL: 'silent' });
    const run = () =>
      new Promise<number | null>((done) =>
        spawn(process.execPath, ['dist/app/cli.js', 'post-tip', '--channel', 'C0ONCE'], {
          cwd: ROOT,
          env,
          stdio: 'ignore',
        }).on('exit', done),
      );
    try {
      expect(await run()).toBe(0);
      expect(await run()).toBe(0);
      const posts = slack.ok('chat.postMessage');
      expect(posts.map((p) => p.body.channel)).toEqual(['C0ONCE', 'C0ONCE']);
      expect(posts[0]?.body.text).not.toBe(posts[1]?.body.text);
    } finally {
      await slack.close();
    }
  });

  it('pystack post-tip without a channel says what it needs', () => {
    const r = spawnSync(process.execPath, ['dist/app/cli.js', 'post-tip'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/post-tip needs --channel/);
    expect(r.stderr).not.toMatch(/\s+at /);
  });
});
