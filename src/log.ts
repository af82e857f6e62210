/**
 * The logger: pino, JSON in production and readable on a terminal. Values under secret-looking
 * keys (token, signingSecret, authorization, x-slack-signature…) are redacted at any depth, and
 * any configured secret value or Slack token pattern is scrubbed from every string logged.
 *
 * @example
 * const log = createLogger({ level: 'info', secrets: secretsOf(config) });
 * log.info({ intent: 'compare', ms: 0.4 }, 'answered');
 */
import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

const TOKEN = /\b(?:xox[abposr]|xapp)-[A-Za-z0-9-]+/g;

/** Keys whose values are always replaced, at any depth (compared in lower case). */
const SECRET_KEYS = new Set([
  'token',
  'bottoken',
  'apptoken',
  'signingsecret',
  'secret',
  'authorization',
  'x-slack-signature',
]);

/** Replaces secrets and token-looking strings in text. */
export function scrub(text: string, secrets: readonly string[]): string {
  let out = text.replace(TOKEN, '[redacted]');
  for (const s of secrets) if (s && out.includes(s)) out = out.split(s).join('[redacted]');
  return out;
}

/** Scrubs a log argument; objects are copied only where something changes (the common case is nothing). */
function scrubDeep(value: unknown, secrets: readonly string[], depth = 0): unknown {
  if (typeof value === 'string') return scrub(value, secrets);
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error)
    return {
      type: value.name,
      message: scrub(value.message, secrets),
      code: (value as { code?: unknown }).code,
    };
  if (Array.isArray(value)) {
    const items = value.map((v) => scrubDeep(v, secrets, depth + 1));
    return items.some((v, i) => v !== value[i]) ? items : value;
  }
  let copy: Record<string, unknown> | undefined;
  for (const [k, v] of Object.entries(value)) {
    const clean = SECRET_KEYS.has(k.toLowerCase()) && v != null ? '[redacted]' : scrubDeep(v, secrets, depth + 1);
    if (clean !== v) (copy ??= { ...value })[k] = clean;
  }
  return copy ?? value;
}

export interface LoggerOptions {
  level: string;
  secrets?: readonly string[];
  /** Pretty, human-readable lines (for a terminal). */
  pretty?: boolean;
  destination?: DestinationStream;
}

export function createLogger({ level, secrets = [], pretty = false, destination }: LoggerOptions): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { app: 'pystack' },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((a) => scrubDeep(a, secrets)) as Parameters<typeof method>);
      },
    },
  };
  if (pretty && !destination) {
    return pino({
      ...options,
      transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'HH:MM:ss' } },
    });
  }
  return destination ? pino(options, destination) : pino(options);
}
