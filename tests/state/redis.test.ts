/**
 * The Redis link and what the shared stores do when Redis goes away, against a real
 * redis-server: claims and thread context fall back to this process, trouble is logged once a
 * minute, the client reconnects by itself, and a Redis that comes back empty does not restart
 * the tip rotation.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { ClaimsWithFallback, ThreadsWithFallback } from '../../src/state/fallback.js';
import { connectRedis, type RedisLink, redisLabel } from '../../src/state/redis.js';
import { RedisClaims, RedisThreadContext, RedisTipSlots } from '../../src/state/redis-stores.js';
import { redisStores } from '../../src/state/stores.js';
import { type RedisServer, startRedis } from '../helpers/redis-server.js';

let server: RedisServer;
let link: RedisLink;
const lines: string[] = [];
const log = createLogger({
  level: 'info',
  destination: new Writable({
    write(c, _e, done) {
      lines.push(String(c));
      done();
    },
  }),
});

beforeAll(async () => {
  server = await startRedis();
  link = await connectRedis({ url: server.url, log });
}, 20_000);

afterAll(async () => {
  await link?.close();
  await server?.stop();
});

const waitFor = async (cond: () => boolean, ms = 10_000) => {
  const until = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('Redis link', () => {
  it('hides the password when it names Redis in a log line', () => {
    expect(redisLabel('redis://:hunter2@cache.internal:6380/2')).toBe('redis://cache.internal:6380/2');
  });

  it('goes on without Redis when Redis is not there at start, and says so once', async () => {
    const logged: string[] = [];
    const quiet = createLogger({
      level: 'info',
      destination: new Writable({
        write(c, _e, done) {
          logged.push(String(c));
          done();
        },
      }),
    });
    const t0 = Date.now();
    const away = await connectRedis({ url: 'redis://127.0.0.1:1', log: quiet, waitMs: 300 });
    expect(Date.now() - t0).toBeLessThan(2_000);
    expect(away.healthy()).toBe(false);
    const stores = redisStores(away);
    expect(stores.health()).toBe('degraded');
    expect(await stores.claims.claim('event:T1:Ev1', 60)).toBe(true);
    expect(await stores.claims.claim('event:T1:Ev1', 60)).toBe(false);
    await expect(stores.slots.claim('C1', 'slot')).rejects.toThrow();
    await away.close();
    expect(logged.filter((l) => l.includes('carrying on without Redis'))).toHaveLength(1);
  });

  it('falls back to this process while Redis is away, logs once, and reconnects by itself', async () => {
    const claims = new ClaimsWithFallback(new RedisClaims(link.client), link);
    const threads = new ThreadsWithFallback(new RedisThreadContext(link.client), link);
    expect(await claims.claim('event:T1:before', 60)).toBe(true);
    lines.length = 0;
    const restart = server.restart({ downMs: 1_500 });
    await waitFor(() => !link.healthy());
    for (let i = 0; i < 20; i++) expect(await claims.claim(`event:T1:down-${i}`, 60)).toBe(true);
    expect(await claims.claim('event:T1:down-0', 60)).toBe(false); // still once within this process
    expect(await claims.claim('event:T1:before', 60)).toBe(false); // this process remembers its own claims
    await threads.set('T1:C1:1.0', 'which orm');
    expect(await threads.get('T1:C1:1.0')).toBe('which orm');
    await restart;
    await waitFor(() => link.healthy());
    expect(await claims.claim('event:T1:after', 60)).toBe(true);
    expect(await claims.claim('event:T1:after', 60)).toBe(false);
    expect(lines.filter((l) => l.includes('carrying on without Redis'))).toHaveLength(1);
    expect(lines.some((l) => l.includes('Redis is back'))).toBe(true);
  }, 20_000);

  it('goes on with the rotation, not from the start, when Redis comes back empty', async () => {
    await waitFor(() => link.healthy());
    const slots = new RedisTipSlots(link.client);
    for (let i = 0; i < 5; i++) expect(await slots.claim('C9', `slot-${i}`)).toBe(i);
    await link.client.flushAll(); // a restart without persistence
    expect(await slots.claim('C9', 'slot-5')).toBe(5);
    expect(await new RedisTipSlots(link.client).claim('C9', 'slot-6')).toBe(6);
  });
});
