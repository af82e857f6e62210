/**
 * The one Redis connection (node-redis) every shared store uses. Commands fail fast while Redis is
 * away (no offline queue, a per-command timeout) so a store can fall back instead of waiting; the
 * client reconnects by itself. Connection trouble is logged once a minute, not once per request.
 *
 * @example
 * const redis = await connectRedis({ url: 'redis://127.0.0.1:6379', log });
 * redis.healthy(); // false while Redis is away
 * await redis.close();
 */
import { createClient } from 'redis';
import type { Logger } from '../log.js';

/** A command that takes longer than this counts as Redis being away. */
export const REDIS_COMMAND_TIMEOUT_MS = 1_000;
/** How long start-up waits for Redis before answering without it (it keeps reconnecting). */
export const REDIS_CONNECT_WAIT_MS = 3_000;
/** Reconnect delays grow from 50 ms to at most this. */
const RECONNECT_MAX_MS = 1_000;
/** At most one line a minute about Redis trouble. */
export const REDIS_WARN_EVERY_MS = 60_000;

export type RedisClient = ReturnType<typeof createClient>;

export interface RedisLink {
  client: RedisClient;
  healthy(): boolean;
  /** Logs a Redis problem (at most once per REDIS_WARN_EVERY_MS). */
  trouble(what: string, err?: unknown): void;
  close(): Promise<void>;
}

/** The URL with any password hidden, for logs. */
export function redisLabel(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname.length > 1 ? u.pathname : ''}`;
  } catch {
    return 'redis';
  }
}

export async function connectRedis({
  url,
  log,
  waitMs = REDIS_CONNECT_WAIT_MS,
  now = Date.now,
}: {
  url: string;
  log: Logger;
  waitMs?: number;
  now?: () => number;
}): Promise<RedisLink> {
  const where = redisLabel(url);
  let lastWarn = -Infinity;
  let down = false;
  const trouble = (what: string, err?: unknown) => {
    down = true;
    if (now() - lastWarn < REDIS_WARN_EVERY_MS) return;
    lastWarn = now();
    const message = (err as Error | undefined)?.message;
    log.warn({ redis: where, reason: message }, `${what}; carrying on without Redis until it is back`);
  };
  const client = createClient({
    url,
    disableOfflineQueue: true,
    commandOptions: { timeout: REDIS_COMMAND_TIMEOUT_MS },
    socket: {
      connectTimeout: REDIS_COMMAND_TIMEOUT_MS,
      reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, RECONNECT_MAX_MS),
    },
  });
  client.on('error', (err: unknown) => trouble('Redis connection lost', err));
  client.on('ready', () => {
    if (down) log.info({ redis: where }, 'Redis is back');
    down = false;
  });
  const ready = client.connect().then(
    () => true,
    (err: unknown) => {
      trouble('Redis refused the connection', err);
      return false;
    },
  );
  const timer = new Promise<false>((r) => setTimeout(() => r(false), waitMs).unref());
  if (await Promise.race([ready, timer])) log.info({ redis: where }, 'Redis connected');
  else trouble(`Redis at ${where} is not reachable`);
  return {
    client,
    healthy: () => client.isReady,
    trouble,
    async close() {
      if (client.isReady) await client.close().catch(() => client.destroy());
      else client.destroy();
    },
  };
}
