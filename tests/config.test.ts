import { describe, expect, it } from 'vitest';
import { DEFAULT_TIPS_SCHEDULE, DEFAULT_TIPS_TIMEZONE, loadConfig, scheduleProblem, secretsOf } from '../src/config.js';
import { ConfigError } from '../src/errors.js';

const SLACK = { SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_SIGNING_SECRET: 'abcdef0123456789abcdef0123456789' };

function error(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('runs the console without credentials, HTTP with them, Socket Mode with an app token', () => {
    expect(loadConfig({}).mode).toBe('console');
    expect(loadConfig({ ...SLACK }).mode).toBe('http');
    expect(loadConfig({ ...SLACK, SLACK_APP_TOKEN: 'xapp-1-A1-123-abc' }).mode).toBe('socket');
    expect(loadConfig({ SLACK_BOT_TOKEN: '', SLACK_SIGNING_SECRET: '  ' }).mode).toBe('console');
  });

  it('defaults PORT to 3000, LOG_LEVEL to info and the Web API timeout to 10 s', () => {
    const c = loadConfig({ ...SLACK });
    expect(c.port).toBe(3000);
    expect(c.logLevel).toBe('info');
    expect(c.slack?.timeoutMs).toBe(10_000);
    expect(loadConfig({ ...SLACK, SLACK_API_TIMEOUT_MS: '1500' }).slack?.timeoutMs).toBe(1500);
  });

  it('names the bad variable and what it should look like, in one line', () => {
    const cases: [NodeJS.ProcessEnv, RegExp][] = [
      [{ ...SLACK, SLACK_BOT_TOKEN: 'xoxp-user' }, /^SLACK_BOT_TOKEN .*xoxb-/],
      [{ ...SLACK, SLACK_SIGNING_SECRET: 'has spaces!' }, /^SLACK_SIGNING_SECRET /],
      [{ ...SLACK, SLACK_APP_TOKEN: 'nope' }, /^SLACK_APP_TOKEN .*xapp-/],
      [{ ...SLACK, PORT: 'eighty' }, /^PORT /],
      [{ ...SLACK, PORT: '70000' }, /^PORT /],
      [{ ...SLACK, LOG_LEVEL: 'loud' }, /^LOG_LEVEL .*info/],
      [{ ...SLACK, SLACK_API_URL: 'ftp://x' }, /^SLACK_API_URL /],
      [{ ...SLACK, SLACK_API_TIMEOUT_MS: '10s' }, /^SLACK_API_TIMEOUT_MS .*milliseconds/],
      [{ ...SLACK, SLACK_API_TIMEOUT_MS: '5' }, /^SLACK_API_TIMEOUT_MS must be 100-120000/],
      [{ ...SLACK, REDIS_URL: 'localhost:6379' }, /^REDIS_URL must be a Redis URL/],
      [{ ...SLACK, REDIS_URL: 'http://cache:6379' }, /^REDIS_URL must be a Redis URL/],
      [{ ...SLACK, SHUTDOWN_GRACE_MS: 'soon' }, /^SHUTDOWN_GRACE_MS must be a number/],
      [{ ...SLACK, FEEDBACK_CHANNEL: '#maintainers' }, /^FEEDBACK_CHANNEL must be a channel id/],
      [{ ...SLACK, ADMIN_USERS: 'U0123ABCD, alice' }, /^ADMIN_USERS must be user ids/],
      [{ ...SLACK, RECORD_GAPS: 'maybe' }, /^RECORD_GAPS must be on or off/],
      [{ ...SLACK, SHUTDOWN_GRACE_MS: '600000' }, /^SHUTDOWN_GRACE_MS must be 0-120000/],
      [{ ...SLACK, REDIS_URL: 'redis://' }, /^REDIS_URL must be a Redis URL/],
      [{ ...SLACK, SLACK_API_URL: 'https://' }, /^SLACK_API_URL must be an http\(s\) URL/],
      [{ ...SLACK, PORT: '30.5' }, /^PORT must be a whole number/],
      [{ ...SLACK, TIPS_CHANNEL: ' , ' }, /^TIPS_CHANNEL must be channel ids/],
      [{ ...SLACK, TIPS_SCHEDULE: '61 * * * *' }, /^TIPS_SCHEDULE must be a cron expression/],
      [{ ...SLACK, TIPS_TIMEZONE: 'Mars/Olympus' }, /^TIPS_TIMEZONE must be an IANA time zone/],
      [{ ...SLACK, SLACK_BOT_TOKEN: 'xoxp-user', PORT: 'eighty' }, /^SLACK_BOT_TOKEN /],
      [{ SLACK_BOT_TOKEN: SLACK.SLACK_BOT_TOKEN }, /^SLACK_SIGNING_SECRET is missing/],
      [{ SLACK_SIGNING_SECRET: SLACK.SLACK_SIGNING_SECRET }, /^SLACK_BOT_TOKEN is missing/],
    ];
    for (const [env, re] of cases) {
      const msg = error(env);
      expect(msg).toMatch(re);
      expect(msg).not.toContain('\n');
    }
  });

  it('takes the default tips schedule and time zone unchecked because they are valid', () => {
    expect(scheduleProblem(DEFAULT_TIPS_SCHEDULE, DEFAULT_TIPS_TIMEZONE)).toBeUndefined();
    expect(loadConfig({ ...SLACK, TIPS_SCHEDULE: ' ', TIPS_TIMEZONE: '' }).tips).toBeUndefined();
    expect(loadConfig({ ...SLACK, TIPS_CHANNEL: 'C0TIPS' }).tips).toEqual({
      channels: ['C0TIPS'],
      schedule: DEFAULT_TIPS_SCHEDULE,
      timezone: DEFAULT_TIPS_TIMEZONE,
    });
  });

  it('lists the secrets so the logger can scrub them', () => {
    expect(secretsOf(loadConfig({ ...SLACK }))).toEqual([SLACK.SLACK_BOT_TOKEN, SLACK.SLACK_SIGNING_SECRET]);
    expect(secretsOf(loadConfig({ ...SLACK, REDIS_URL: 'redis://:s3cret%21@cache:6379/0' }))).toContain('s3cret!');
  });

  it('uses the embedded stores unless REDIS_URL is set, and gives shutdown 8 s by default', () => {
    expect(loadConfig({ ...SLACK }).redisUrl).toBeUndefined();
    expect(loadConfig({ ...SLACK, REDIS_URL: 'rediss://cache.internal:6380' }).redisUrl).toBe(
      'rediss://cache.internal:6380',
    );
    expect(loadConfig({ ...SLACK }).shutdownGraceMs).toBe(8_000);
    expect(loadConfig({ ...SLACK, SHUTDOWN_GRACE_MS: '20000' }).shutdownGraceMs).toBe(20_000);
  });

  it('reads the maintainers settings: FEEDBACK_CHANNEL, ADMIN_USERS, RECORD_GAPS (on by default)', () => {
    const c = loadConfig({ ...SLACK, FEEDBACK_CHANNEL: 'C0MAINT', ADMIN_USERS: 'U0A, U0B' });
    expect(c.feedbackChannel).toBe('C0MAINT');
    expect(c.adminUsers).toEqual(['U0A', 'U0B']);
    expect(c.recordGaps).toBe(true);
    expect(loadConfig({ ...SLACK, RECORD_GAPS: 'OFF' }).recordGaps).toBe(false);
  });
});
