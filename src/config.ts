/**
 * Configuration has one home: environment variables (and `.env` through dotenv), validated by
 * one zod schema. A bad or missing variable gives one line naming it and what it should look like.
 *
 * @example
 * const config = loadConfig(process.env); // throws ConfigError('SLACK_BOT_TOKEN must ...')
 */
import { Cron } from 'croner';
import type { z as Z } from 'zod';
import { ConfigError } from './errors.js';
import { zod } from './knowledge/zod.js';

const z = zod();

/** Weekdays at 09:00. */
export const DEFAULT_TIPS_SCHEDULE = '0 9 * * 1-5';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <T extends Z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

const EnvSchema = z.object({
  SLACK_BOT_TOKEN: optional(z.string().regex(/^xoxb-[A-Za-z0-9-]+$/, 'must be a bot token starting with "xoxb-"')),
  SLACK_SIGNING_SECRET: optional(
    z
      .string()
      .regex(
        /^[A-Za-z0-9]{16,128}$/,
        'must be the app\'s signing secret (letters and digits, from "Basic Information")',
      ),
  ),
  SLACK_APP_TOKEN: optional(
    z.string().regex(/^xapp-[A-Za-z0-9-]+$/, 'must be an app-level token starting with "xapp-" (Socket Mode)'),
  ),
  SLACK_API_URL: optional(
    z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://slack.com/api/' }),
  ),
  SLACK_API_TIMEOUT_MS: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: 'must be a number of milliseconds' })
      .int('must be a whole number of milliseconds')
      .min(100, 'must be 100-120000 (milliseconds)')
      .max(120_000, 'must be 100-120000 (milliseconds)')
      .default(10_000),
  ),
  PORT: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: 'must be a port number' })
      .int('must be a whole number')
      .min(0, 'must be 0-65535')
      .max(65535, 'must be 0-65535')
      .default(3000),
  ),
  LOG_LEVEL: z.preprocess(
    (v) => blankToUndefined(typeof v === 'string' ? v.toLowerCase() : v),
    z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        error: 'must be one of fatal, error, warn, info, debug, trace, silent',
      })
      .default('info'),
  ),
  NODE_ENV: optional(z.string()),
  STATE_DIR: z.preprocess(blankToUndefined, z.string().default('./.data')),
  TIPS_CHANNEL: optional(
    z
      .string()
      .transform((v) =>
        v
          .split(',')
          .map((c) => c.trim())
          .filter(Boolean),
      )
      .pipe(
        z
          .array(z.string().regex(/^[CGD][A-Z0-9]{2,20}$/, 'must be channel ids such as C0123ABCD, comma-separated'))
          .min(1),
      ),
  ),
  REDIS_URL: optional(
    z
      .string()
      .refine(
        (v) => /^rediss?:\/\/[^\s]+$/.test(v) && URL.canParse(v),
        'must be a Redis URL such as redis://127.0.0.1:6379 (or rediss:// for TLS)',
      ),
  ),
  SHUTDOWN_GRACE_MS: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: 'must be a number of milliseconds' })
      .int('must be a whole number')
      .min(0, 'must be 0-120000 (milliseconds)')
      .max(120_000, 'must be 0-120000 (milliseconds)')
      .default(8_000),
  ),
  FEEDBACK_CHANNEL: optional(z.string().regex(/^[CG][A-Z0-9]{2,20}$/, 'must be a channel id such as C0123ABCD')),
  ADMIN_USERS: optional(
    z
      .string()
      .transform((v) =>
        v
          .split(',')
          .map((u) => u.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().regex(/^[UW][A-Z0-9]{2,20}$/, 'must be user ids such as U0123ABCD, comma-separated'))),
  ),
  TEAM_KNOWLEDGE: optional(z.string()),
  RECORD_GAPS: z.preprocess(
    (v) => blankToUndefined(typeof v === 'string' ? v.toLowerCase() : v),
    z.enum(['on', 'off'], { error: 'must be on or off' }).default('on'),
  ),
  TIPS_SCHEDULE: z.preprocess(blankToUndefined, z.string().default(DEFAULT_TIPS_SCHEDULE)),
  TIPS_TIMEZONE: z.preprocess(blankToUndefined, z.string().default('UTC')),
  TIPS_SCHEDULER: z.preprocess(
    (v) => blankToUndefined(typeof v === 'string' ? v.toLowerCase() : v),
    z.enum(['on', 'off'], { error: 'must be on or off' }).default('on'),
  ),
});

/** Checks a cron expression and time zone with croner; returns the problem, if any, as one line. */
export function scheduleProblem(schedule: string, timezone: string): { name: string; message: string } | undefined {
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
  } catch {
    return {
      name: 'TIPS_TIMEZONE',
      message: `must be an IANA time zone such as UTC or Europe/Paris, got "${timezone}"`,
    };
  }
  try {
    const next = new Cron(schedule, { paused: true, timezone }).nextRun();
    if (!next) return { name: 'TIPS_SCHEDULE', message: `never fires: "${schedule}"` };
  } catch (err) {
    const why = (err as Error).message.replace(/^CronPattern:\s*/, '');
    return {
      name: 'TIPS_SCHEDULE',
      message: `must be a cron expression (5 fields, or 6 with seconds) such as "0 9 * * 1-5": ${why}`,
    };
  }
  return undefined;
}

export type Mode = 'console' | 'http' | 'socket';

export interface Config {
  mode: Mode;
  slack?: { botToken: string; signingSecret: string; appToken?: string; apiUrl?: string; timeoutMs: number };
  port: number;
  logLevel: Z.infer<typeof EnvSchema>['LOG_LEVEL'];
  production: boolean;
  stateDir: string;
  /** Shared state for several replicas; undefined: the embedded stores in STATE_DIR. */
  redisUrl?: string;
  /** How long SIGTERM waits for answers in flight. */
  shutdownGraceMs: number;
  /** Corrections are posted here for the maintainers. */
  feedbackChannel?: string;
  /** Users shown App Home's admin section besides workspace admins. */
  adminUsers: string[];
  /** Record unanswered questions in the gaps log (RECORD_GAPS, default on). */
  recordGaps: boolean;
  /** The team overlay: a YAML file or a folder of them (TEAM_KNOWLEDGE). */
  teamKnowledge?: string;
  /** Scheduled tips; undefined when TIPS_CHANNEL is not set or TIPS_SCHEDULER=off. */
  tips?: { channels: string[]; schedule: string; timezone: string };
}

/** Validates the environment; throws ConfigError with one line naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'environment');
    throw new ConfigError(`${name} ${issue?.message ?? 'is invalid'}`);
  }
  const e = parsed.data;
  const hasToken = Boolean(e.SLACK_BOT_TOKEN);
  const hasSecret = Boolean(e.SLACK_SIGNING_SECRET);
  if (hasToken !== hasSecret) {
    const missing = hasToken ? 'SLACK_SIGNING_SECRET' : 'SLACK_BOT_TOKEN';
    throw new ConfigError(
      `${missing} is missing: set both SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET to run the bot, or neither for the local console`,
    );
  }
  if (e.SLACK_APP_TOKEN && !hasToken) {
    throw new ConfigError(
      'SLACK_APP_TOKEN needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET too (Socket Mode still uses the bot token)',
    );
  }
  const slack =
    e.SLACK_BOT_TOKEN && e.SLACK_SIGNING_SECRET
      ? {
          botToken: e.SLACK_BOT_TOKEN,
          signingSecret: e.SLACK_SIGNING_SECRET,
          appToken: e.SLACK_APP_TOKEN,
          apiUrl: e.SLACK_API_URL,
          timeoutMs: e.SLACK_API_TIMEOUT_MS,
        }
      : undefined;
  const problem = scheduleProblem(e.TIPS_SCHEDULE, e.TIPS_TIMEZONE);
  if (problem) throw new ConfigError(`${problem.name} ${problem.message}`);
  const tips =
    e.TIPS_CHANNEL && e.TIPS_SCHEDULER === 'on'
      ? { channels: e.TIPS_CHANNEL, schedule: e.TIPS_SCHEDULE, timezone: e.TIPS_TIMEZONE }
      : undefined;
  return {
    tips,
    mode: slack ? (slack.appToken ? 'socket' : 'http') : 'console',
    slack,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    production: e.NODE_ENV === 'production',
    stateDir: e.STATE_DIR,
    redisUrl: e.REDIS_URL,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    feedbackChannel: e.FEEDBACK_CHANNEL,
    adminUsers: e.ADMIN_USERS ?? [],
    recordGaps: e.RECORD_GAPS === 'on',
    teamKnowledge: e.TEAM_KNOWLEDGE,
  };
}

/** Every secret value in the config, so the logger can scrub them from any message. */
export function secretsOf(config: Config): string[] {
  const s = config.slack;
  const redisPassword = config.redisUrl ? decodeURIComponent(new URL(config.redisUrl).password) : undefined;
  return [s?.botToken, s?.signingSecret, s?.appToken, redisPassword].filter((v): v is string => Boolean(v));
}
