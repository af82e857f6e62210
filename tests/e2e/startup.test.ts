/**
 * Start-up failures that come from Slack itself end in one clear line and exit 1, never a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startFakeSlack } from '../../scripts/fake-slack.js';
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
    const r = spawnSync(process.execPath, ['dist/src/cli.js', 'check', '--dir', '/nonexistent'], {
      cwd: resolve(import.meta.dirname, '../..'),
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(/\s+at /);
  });
});
