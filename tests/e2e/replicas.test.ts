/**
 * Several replicas on one Redis, end to end: three real pystack processes (each with its own
 * STATE_DIR) behind a round-robin loopback balancer, a real redis-server, the fake Slack. Slack's
 * re-deliveries land on other replicas, clicks come twice, tips fire every second on all three,
 * one replica is SIGKILLed and Redis is restarted mid-run. Each event is answered once and each
 * tip slot posted once throughout.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from '../../scripts/fake-slack.js';
import { realKnowledge } from '../helpers/kb.js';
import { type Proxy, startProxy } from '../helpers/proxy.js';
import { type RedisServer, startRedis } from '../helpers/redis-server.js';
import {
  buttonClick,
  callList,
  type RunningApp,
  type SlackClient,
  sleep,
  slackClient,
  startApp,
  waitUntil,
} from './harness.js';

const TIPS = 'C0REPLTIPS';
let redis: RedisServer;
let fake: FakeSlack;
let replicas: RunningApp[] = [];
let lb: Proxy;
let slack: SlackClient;
let n = 0;
const nextId = () => `EvREP${++n}`;
const nextTs = () => `1720000${String(++n).padStart(3, '0')}.000100`;

const mention = (text: string, over: Record<string, unknown> = {}) => ({
  type: 'app_mention',
  user: 'U0ASKER',
  text,
  ts: nextTs(),
  channel: 'C0REPL',
  ...over,
});

/** Every "tip posted" line of every replica (the killed one's too): slot and tip. */
function tipsPosted(): { slot: string; tip: string }[] {
  return replicas.flatMap((r) =>
    r
      .logs()
      .split('\n')
      .filter((l) => l.includes('"msg":"tip posted"'))
      .map((l) => JSON.parse(l) as { slot: string; tip: string }),
  );
}

/** Seconds in [from, to) with no tip posted. */
function missingSlots(from: number, to: number): string[] {
  const posted = new Set(tipsPosted().map((t) => t.slot));
  const missing: string[] = [];
  for (let s = Math.ceil(from / 1000) * 1000; s < to; s += 1000) {
    const iso = new Date(s).toISOString();
    if (!posted.has(iso)) missing.push(iso);
  }
  return missing;
}

function expectOncePerSlot(): void {
  const slots = tipsPosted().map((t) => t.slot);
  expect(slots.length).toBeGreaterThan(0);
  expect(new Set(slots).size, `a slot posted twice: ${slots.sort().join(' ')}`).toBe(slots.length);
  // What Slack received: no tip twice (a slot posted twice would post the same tip twice). A
  // replica SIGKILLed just after a post may not have logged it, so Slack may hold one more.
  const posts = fake.ok('chat.postMessage').filter((c) => c.body.channel === TIPS);
  expect(posts.length).toBeGreaterThanOrEqual(slots.length);
  expect(posts.length).toBeLessThanOrEqual(slots.length + 1);
  expect(posts.length).toBeLessThan(realKnowledge().knowledge.tips.length);
  const texts = posts.map((p) => p.body.text as string);
  expect(new Set(texts).size, 'a tip posted twice').toBe(texts.length);
}

const answersIn = (channel: string, from: number) =>
  fake.calls
    .slice(from)
    .filter((c) => c.method === 'chat.postMessage' && c.status === 200 && c.body.channel === channel);

beforeAll(async () => {
  redis = await startRedis({ persist: true });
  fake = await startFakeSlack();
  replicas = await Promise.all(
    [0, 1, 2].map((i) =>
      startApp(fake, {
        REDIS_URL: redis.url,
        STATE_DIR: mkdtempSync(join(tmpdir(), `pystack-replica-${i}-`)),
        TIPS_CHANNEL: TIPS,
        TIPS_SCHEDULE: '* * * * * *',
        LOG_LEVEL: 'info',
      }),
    ),
  );
  lb = await startProxy(replicas.map((r) => r.url));
  slack = slackClient(lb.url, fake);
}, 60_000);

afterAll(async () => {
  await lb?.close();
  for (const r of replicas) await r.stop();
  await fake?.close();
  await redis?.stop();
});

describe('three replicas on one Redis', () => {
  it('answers an event once when Slack retries it and each delivery lands on another replica', async () => {
    const from = fake.calls.length;
    const id = nextId();
    const event = mention('<@UBOT> what is httpx');
    const before = lb.served.length;
    for (let retry = 0; retry < 3; retry++)
      expect((await slack.event(event, id, retry ? { 'x-slack-retry-num': String(retry) } : {})).status).toBe(200);
    expect(new Set(lb.served.slice(before))).toEqual(new Set([0, 1, 2]));
    await waitUntil(() => answersIn('C0REPL', from).length >= 1);
    await sleep(700);
    expect(answersIn('C0REPL', from)).toHaveLength(1);
  });

  it('answers 30 mentions spread over the replicas exactly once each, each delivered twice', async () => {
    const from = fake.calls.length;
    const sent = Array.from({ length: 30 }, (_, i) => ({ id: nextId(), event: mention(`<@UBOT> what is ruff ${i}`) }));
    await Promise.all(
      sent.flatMap(({ id, event }) => [slack.event(event, id), slack.event(event, id, { 'x-slack-retry-num': '1' })]),
    );
    await waitUntil(
      () => answersIn('C0REPL', from).length >= 30,
      10_000,
      () => callList(fake),
    );
    await sleep(700);
    const threads = answersIn('C0REPL', from).map((c) => c.body.thread_ts as string);
    expect(threads.sort()).toEqual(sent.map((s) => s.event.ts).sort());
    for (const r of replicas) expect(r.logs()).toContain('"msg":"answered"');
  });

  it('posts a Share once when the click reaches two replicas', async () => {
    const from = fake.calls.length;
    const click = buttonClick(fake, 'pystack_share', JSON.stringify({ q: 'compare celery rq' }), {
      ts: '1720000999.000100',
    });
    await Promise.all([slack.action(click), slack.action(click)]);
    await slack.action(
      buttonClick(fake, 'pystack_share', JSON.stringify({ q: 'compare celery rq' }), { ts: '1720000999.000100' }),
    );
    await waitUntil(() => fake.calls.slice(from).some((c) => c.body.response_type === 'in_channel'));
    await sleep(700);
    expect(fake.calls.slice(from).filter((c) => c.body.response_type === 'in_channel')).toHaveLength(1);
  });

  it('posts exactly one tip per slot, every second, with no tip repeated', async () => {
    const t0 = Date.now();
    await sleep(4_000);
    expectOncePerSlot();
    expect(missingSlots(t0 + 1000, Date.now() - 1000)).toEqual([]);
    // Every replica ran the schedule; the slots went to whichever claimed first.
    for (const r of replicas) expect(r.logs()).toContain('tip scheduler started');
  }, 10_000);

  it('goes on answering once and posting once per slot after one replica is SIGKILLed', async () => {
    replicas[2]?.proc.kill('SIGKILL');
    await waitUntil(() => replicas[2]?.proc.exitCode !== null || replicas[2]?.proc.signalCode !== null);
    const t0 = Date.now();
    const from = fake.calls.length;
    const sent = Array.from({ length: 10 }, (_, i) => ({ id: nextId(), event: mention(`<@UBOT> what is mypy ${i}`) }));
    for (const { id, event } of sent) {
      await slack.event(event, id);
      await slack.event(event, id, { 'x-slack-retry-num': '1' });
    }
    await waitUntil(
      () => answersIn('C0REPL', from).length >= 10,
      10_000,
      () => callList(fake),
    );
    await sleep(3_000);
    expect(answersIn('C0REPL', from)).toHaveLength(10);
    expectOncePerSlot();
    expect(missingSlots(t0 + 1000, Date.now() - 1000)).toEqual([]);
  }, 20_000);

  it('loses no slot and posts none twice when Redis restarts mid-run', async () => {
    const t0 = Date.now();
    await sleep(1_200);
    await redis.restart();
    await sleep(3_000);
    expectOncePerSlot();
    expect(missingSlots(t0 + 1000, Date.now() - 1000)).toEqual([]);
    const from = fake.calls.length;
    const id = nextId();
    const event = mention('<@UBOT> what is black');
    await slack.event(event, id);
    await slack.event(event, id, { 'x-slack-retry-num': '1' });
    await waitUntil(() => answersIn('C0REPL', from).length >= 1);
    await sleep(500);
    expect(answersIn('C0REPL', from)).toHaveLength(1);
  }, 20_000);

  it('keeps answering while Redis is away, reports degraded with a 200, warns once, and recovers by itself', async () => {
    const live = replicas.slice(0, 2);
    const restart = redis.restart({ downMs: 2_500 });
    await sleep(500);
    for (const r of live) {
      const res = await fetch(`${r.url}/healthz`);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('degraded');
    }
    const from = fake.calls.length;
    const direct = slackClient(live[0]?.url ?? '', fake);
    for (let i = 0; i < 5; i++) await direct.event(mention(`<@UBOT> what is pytest ${i}`), nextId());
    await waitUntil(
      () => answersIn('C0REPL', from).length >= 5,
      8_000,
      () => callList(fake),
    );
    await restart;
    const states = () => Promise.all(live.map(async (r) => (await fetch(`${r.url}/healthz`)).text()));
    for (let i = 0; i < 100 && (await states()).some((st) => st !== 'ok'); i++) await sleep(100);
    expect(await states()).toEqual(['ok', 'ok']);
    for (const r of live) expect(r.logs()).toContain('Redis is back');
    // Trouble is logged at most once a minute per replica, not once per request or tip slot.
    for (const r of live) {
      const lines = r
        .logs()
        .split('\n')
        .filter((l) => l.includes('carrying on without Redis'));
      expect(lines.length).toBeGreaterThanOrEqual(1);
      expect(lines.length).toBeLessThanOrEqual(2);
    }
    expectOncePerSlot();
  }, 30_000);
});
