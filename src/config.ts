/**
 * Configuration has one home: environment variables (and `.env` through dotenv), each read by one
 * small reader below. A bad or missing variable gives one line naming it and what it should look like.
 * (These readers were one zod schema; zod takes about 60 ms to load and build, a fifth of the process's
 * start-up, for sixteen variables. It still validates the knowledge and the stored state, where it is
 * loaded on first use.)
 *
 * @example
 * const config = loadConfig(process.env); // throws ConfigError('SLACK_BOT_TOKEN must ...')
 */
import { createRequire } from 'node:module';
import type * as Croner from 'croner';
import { ConfigError } from './errors.js';

/** Weekdays at 09:00. */
export const DEFAULT_TIPS_SCHEDULE = '0 9 * * 1-5';
export const DEFAULT_TIPS_TIMEZONE = 'UTC';

const requireHere = createRequire(import.meta.url);

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** A variable's value, or undefined when it is unset or blank. */
function given(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const v = env[name];
  return v === undefined || v.trim() === '' ? undefined : v;
}

const bad = (name: string, message: string): never => {
  throw new ConfigError(`${name} ${message}`);
};

/** A text that must match `shape`, or undefined. */
function text(env: NodeJS.ProcessEnv, name: string, shape: RegExp, message: string): string | undefined {
  const v = given(env, name);
  return v === undefined || shape.test(v) ? v : bad(name, message);
}

/** A whole number from min to max, a port or milliseconds (as its messages say), or the default when unset. */
function whole(
  env: NodeJS.ProcessEnv,
  name: string,
  min: number,
  max: number,
  fallback: number,
  unit: 'port' | 'milliseconds',
): number {
  const v = given(env, name);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (Number.isNaN(n)) return bad(name, unit === 'port' ? 'must be a port number' : `must be a number of ${unit}`);
  if (!Number.isInteger(n)) return bad(name, 'must be a whole number');
  return n < min || n > max ? bad(name, `must be ${min}-${max}${unit === 'port' ? '' : ` (${unit})`}`) : n;
}

/** A URL whose scheme `scheme` matches, or undefined. */
function url(env: NodeJS.ProcessEnv, name: string, scheme: RegExp, message: string): string | undefined {
  const v = given(env, name);
  return v === undefined ||
    (/^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(v) && URL.canParse(v) && scheme.test(new URL(v).protocol))
    ? v
    : bad(name, message);
}

/** One of `values` (any case), or the default. */
function oneOf<T extends string>(
  env: NodeJS.ProcessEnv,
  name: string,
  values: readonly T[],
  fallback: T,
  message: string,
): T {
  const v = given(env, name)?.toLowerCase();
  if (v === undefined) return fallback;
  return (values as readonly string[]).includes(v) ? (v as T) : bad(name, message);
}

/** A comma-separated list of ids shaped like `shape`; at least one when `nonEmpty`. */
function ids(
  env: NodeJS.ProcessEnv,
  name: string,
  shape: RegExp,
  message: string,
  nonEmpty: boolean,
): string[] | undefined {
  const v = given(env, name);
  if (v === undefined) return undefined;
  const list = v
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  return list.every((x) => shape.test(x)) && (!nonEmpty || list.length) ? list : bad(name, message);
}

/** The variables, read in this order: the first bad one is the one named. */
function readEnv(env: NodeJS.ProcessEnv) {
  return {
    botToken: text(env, 'SLACK_BOT_TOKEN', /^xoxb-[A-Za-z0-9-]+$/, 'must be a bot token starting with "xoxb-"'),
    signingSecret: text(
      env,
      'SLACK_SIGNING_SECRET',
      /^[A-Za-z0-9]{16,128}$/,
      'must be the app\'s signing secret (letters and digits, from "Basic Information")',
    ),
    appToken: text(
      env,
      'SLACK_APP_TOKEN',
      /^xapp-[A-Za-z0-9-]+$/,
      'must be an app-level token starting with "xapp-" (Socket Mode)',
    ),
    apiUrl: url(env, 'SLACK_API_URL', /^https?:$/, 'must be an http(s) URL such as https://slack.com/api/'),
    timeoutMs: whole(env, 'SLACK_API_TIMEOUT_MS', 100, 120_000, 10_000, 'milliseconds'),
    port: whole(env, 'PORT', 0, 65535, 3000, 'port'),
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info', `must be one of ${LOG_LEVELS.join(', ')}`),
    nodeEnv: given(env, 'NODE_ENV'),
    stateDir: given(env, 'STATE_DIR') ?? './.data',
    tipsChannels: ids(
      env,
      'TIPS_CHANNEL',
      /^[CGD][A-Z0-9]{2,20}$/,
      'must be channel ids such as C0123ABCD, comma-separated',
      true,
    ),
    redisUrl: url(
      env,
      'REDIS_URL',
      /^rediss?:$/,
      'must be a Redis URL such as redis://127.0.0.1:6379 (or rediss:// for TLS)',
    ),
    shutdownGraceMs: whole(env, 'SHUTDOWN_GRACE_MS', 0, 120_000, 8_000, 'milliseconds'),
    feedbackChannel: text(env, 'FEEDBACK_CHANNEL', /^[CG][A-Z0-9]{2,20}$/, 'must be a channel id such as C0123ABCD'),
    adminUsers: ids(
      env,
      'ADMIN_USERS',
      /^[UW][A-Z0-9]{2,20}$/,
      'must be user ids such as U0123ABCD, comma-separated',
      false,
    ),
    teamKnowledge: given(env, 'TEAM_KNOWLEDGE'),
    recordGaps: oneOf(env, 'RECORD_GAPS', ['on', 'off'], 'on', 'must be on or off'),
    tipsSchedule: given(env, 'TIPS_SCHEDULE') ?? DEFAULT_TIPS_SCHEDULE,
    tipsTimezone: given(env, 'TIPS_TIMEZONE') ?? DEFAULT_TIPS_TIMEZONE,
    tipsScheduler: oneOf(env, 'TIPS_SCHEDULER', ['on', 'off'], 'on', 'must be on or off'),
  };
}

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
    const { Cron } = requireHere('croner') as typeof Croner;
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
  logLevel: LogLevel;
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
  const e = readEnv(env);
  const hasToken = Boolean(e.botToken);
  const hasSecret = Boolean(e.signingSecret);
  if (hasToken !== hasSecret) {
    const missing = hasToken ? 'SLACK_SIGNING_SECRET' : 'SLACK_BOT_TOKEN';
    throw new ConfigError(
      `${missing} is missing: set both SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET to run the bot, or neither for the local console`,
    );
  }
  if (e.appToken && !hasToken) {
    throw new ConfigError(
      'SLACK_APP_TOKEN needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET too (Socket Mode still uses the bot token)',
    );
  }
  const slack =
    e.botToken && e.signingSecret
      ? {
          botToken: e.botToken,
          signingSecret: e.signingSecret,
          appToken: e.appToken,
          apiUrl: e.apiUrl,
          timeoutMs: e.timeoutMs,
        }
      : undefined;
  // The defaults are a valid schedule (a test checks them): only what was set is checked. Loading croner and
  // the time zone data takes about 30 ms, a tenth of start-up.
  const defaults = e.tipsSchedule === DEFAULT_TIPS_SCHEDULE && e.tipsTimezone === DEFAULT_TIPS_TIMEZONE;
  const problem = defaults ? undefined : scheduleProblem(e.tipsSchedule, e.tipsTimezone);
  if (problem) throw new ConfigError(`${problem.name} ${problem.message}`);
  const tips =
    e.tipsChannels && e.tipsScheduler === 'on'
      ? { channels: e.tipsChannels, schedule: e.tipsSchedule, timezone: e.tipsTimezone }
      : undefined;
  return {
    tips,
    mode: slack ? (slack.appToken ? 'socket' : 'http') : 'console',
    slack,
    port: e.port,
    logLevel: e.logLevel,
    production: e.nodeEnv === 'production',
    stateDir: e.stateDir,
    redisUrl: e.redisUrl,
    shutdownGraceMs: e.shutdownGraceMs,
    feedbackChannel: e.feedbackChannel,
    adminUsers: e.adminUsers ?? [],
    recordGaps: e.recordGaps === 'on',
    teamKnowledge: e.teamKnowledge,
  };
}

/** Every secret value in the config, so the logger can scrub them from any message. */
export function secretsOf(config: Config): string[] {
  const s = config.slack;
  const redisPassword = config.redisUrl ? decodeURIComponent(new URL(config.redisUrl).password) : undefined;
  return [s?.botToken, s?.signingSecret, s?.appToken, redisPassword].filter((v): v is string => Boolean(v));
}
