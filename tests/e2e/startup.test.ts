/**
 * Start-up failures that come from Slack itself end in one clear line and exit 1, never a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { startServer } from '../../scripts/bench/process.js';
import { describe, expect, it } from 'vitest';
import { startFakeSlack } from '../../scripts/fake-slack.js';
import { loadProbes } from '../helpers/probes.js';
import { runMainToExit, slackEnv } from './harness.js';

describe('start-up', () => {
  it('stops with one line when Slack rejects the bot token', async () => {
    const fake = await startFakeSlack();
    fake.answer('auth.test', { ok: false, error: 'invalid_auth' });
    try {
      // spawnSync would block the fake server in this process, so the child runs asynchronously
      const r = await runMainToExit(slackEnv(fake, { PORT: '0' }));
      expect(r.status).toBe(1);
      expect(r.stderr.trim()).toBe('pystack: could not start: Slack rejected the bot token (invalid_auth)');
    } finally {
      await fake.close();
    }
  });

  it('in Socket Mode, blames the app token (not the bot token) when Slack rejects it', async () => {
    const fake = await startFakeSlack();
    fake.answer('apps.connections.open', { ok: false, error: 'invalid_auth' });
    try {
      const r = await runMainToExit(slackEnv(fake, { PORT: '0', SLACK_APP_TOKEN: 'xapp-1-A0PYSTACK-1-rejectedTOKEN' }));
      expect(r.status).toBe(1);
      expect(r.stderr.trim()).toBe(
        'pystack: could not start: Slack rejected the app token (SLACK_APP_TOKEN) (invalid_auth)',
      );
    } finally {
      await fake.close();
    }
  });

  it('stops with one line when the knowledge folder is broken', () => {
    const r = spawnSync(process.execPath, ['dist/app/cli.js', 'check', '--dir', '/nonexistent'], {
      cwd: resolve(import.meta.dirname, '../..'),
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(/\s+at /);
  });

  it('serves without loading zod or croner: the configuration is read without them and the stores load zod on first use', async () => {
    const probes = loadProbes(['zod', 'croner']);
    const fake = await startFakeSlack();
    try {
      const app = await startServer([...probes, 'dist/app/main.js'], slackEnv(fake, {}));
      expect((await app.stop()) ?? 0).toBe(0);
      expect(app.logs()).not.toContain('IMPORTED');
      expect(app.logs()).toContain('REQUIRED ;');
      // A schedule that was set is checked with croner at start-up, and a bad one stops it with one line.
      const bad = await runMainToExit(slackEnv(fake, { PORT: '0', TIPS_SCHEDULE: 'every morning' }));
      expect(bad.status).toBe(1);
      expect(bad.stderr.trim()).toMatch(/^pystack: TIPS_SCHEDULE must be a cron expression/);
    } finally {
      await fake.close();
    }
  });

  it('serves without loading the Redis client when REDIS_URL is not set', async () => {
    const probes = loadProbes(['redis', '@redis']); // tests/helpers/probes.ts
    const fake = await startFakeSlack();
    try {
      const run = async (extra: Record<string, string>) => {
        const app = await startServer([...probes, 'dist/app/main.js'], slackEnv(fake, extra));
        expect((await app.stop()) ?? 0).toBe(0);
        return app.logs();
      };
      const plain = await run({});
      expect(plain).not.toContain('IMPORTED');
      expect(plain).toContain('REQUIRED ;');
      // The probe does see it when it is used (a Redis that is not there: the bot starts degraded).
      expect(await run({ REDIS_URL: 'redis://127.0.0.1:1' })).toContain('IMPORTED redis');
    } finally {
      await fake.close();
    }
  });
});
