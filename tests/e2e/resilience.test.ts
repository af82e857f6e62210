/**
 * End-to-end faults against the real app (embedded stores in a temporary STATE_DIR) and the fake
 * Slack: hostile-but-signed bodies, clock skew, odd events, repeats of every kind, restarts,
 * rate limits, an unwritable STATE_DIR and shutdown with answers in flight. Each case failed on
 * the code before the stores and the drain existed.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from '../../scripts/fake-slack.js';
import { buttonClick, callList, type RunningApp, sleep, startApp, waitUntil } from './harness.js';

let fake: FakeSlack;
const apps: RunningApp[] = [];
let n = 0;
const nextId = () => `EvRES${++n}`;
const nextTs = () => `1710000${String(++n).padStart(3, '0')}.000100`;

async function start(env: Record<string, string> = {}): Promise<RunningApp> {
  const app = await startApp(fake, env);
  apps.push(app);
  return app;
}

const since = (method: string, from: number) =>
  fake.calls.slice(from).filter((c) => c.method === method && c.status === 200);

const mention = (text: unknown, over: Record<string, unknown> = {}) => ({
  type: 'app_mention',
  user: 'U0ASKER',
  text,
  ts: nextTs(),
  channel: 'C0GENERAL',
  ...over,
});

beforeAll(async () => {
  fake = await startFakeSlack();
});

afterAll(async () => {
  for (const a of apps) await a.stop();
  await fake?.close();
});

describe('hostile but signed requests', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await start();
  });

  it('refuses a signed JSON body of null (and other non-objects) with 400 and stays up', async () => {
    for (const body of ['null', '42', '"text"', '[1,2]']) expect((await app.post(body)).status).toBe(400);
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    expect(app.proc.exitCode).toBeNull();
  });

  it('refuses a body that is not an object and not signed with 401, as any unsigned request', async () => {
    // The shape is read before the signature: a 400 is only ever earned by a valid signature.
    for (const body of ['null', '42']) expect((await app.post(body, { secret: 'f'.repeat(32) })).status).toBe(401);
  });

  it('refuses a signed form whose payload is not an object (payload=null) with 400 and stays up', async () => {
    // Also with the key percent-encoded, as a form decoder reads it, and after a slash command's fields.
    for (const body of ['payload=null', 'pay%6Coad=42', 'command=%2Fpystack&text=hi&payloa%64=null']) {
      const res = await app.post(body, { contentType: 'application/x-www-form-urlencoded' });
      expect(res.status, body).toBe(400);
    }
    expect((await app.command('what is httpx')).status).toBe(200);
  });

  it('refuses a request stamped an hour ahead, as well as one an hour behind', async () => {
    const now = Math.floor(Date.now() / 1000);
    const body = JSON.stringify({ type: 'url_verification', challenge: 'c' });
    expect((await app.post(body, { timestamp: now + 3600 })).status).toBe(401);
    expect((await app.post(body, { timestamp: now + 301 })).status).toBe(401);
    expect((await app.post(body, { timestamp: now - 3600 })).status).toBe(401);
    expect((await app.post(body, { timestamp: now + 60 })).status).toBe(200);
    expect(app.logs()).toContain('x-slack-request-timestamp is more than 5 minutes ahead');
  });

  it('answers a mention without text, or with text that is not a string, instead of throwing', async () => {
    const from = fake.calls.length;
    const noText = mention(undefined);
    delete (noText as { text?: unknown }).text;
    await app.event(noText, nextId());
    await app.event(mention(42), nextId());
    await app.event(mention({ not: 'text' }), nextId());
    await waitUntil(
      () => since('chat.postMessage', from).length === 3,
      5000,
      () => callList(fake),
    );
    expect(app.logs()).not.toContain('listener failed');
    expect(app.proc.exitCode).toBeNull();
  });
});

describe('each thing happens once', () => {
  let app: RunningApp;
  let stateDir: string;
  beforeAll(async () => {
    stateDir = mkdtempSync(join(tmpdir(), 'pystack-once-'));
    app = await start({ STATE_DIR: stateDir });
  });

  it('answers a mention in a DM once, though Slack sends it as message.im and as app_mention', async () => {
    const from = fake.calls.length;
    const ts = nextTs();
    const base = { user: 'U0ASKER', text: '<@UBOT> what is httpx', ts, channel: 'D0DM' };
    await app.event({ ...base, type: 'message', channel_type: 'im' }, nextId());
    await app.event({ ...base, type: 'app_mention' }, nextId());
    const answers = () => since('chat.postMessage', from).filter((c) => !String(c.body.text).startsWith("Hi! I'm"));
    await waitUntil(() => answers().length >= 1);
    await sleep(500);
    expect(answers()).toHaveLength(1);
    expect(app.logs()).toContain('message already answered under another event; skipped');
  });

  it('posts a Share once when the click is replayed, and once on a double-click', async () => {
    const value = JSON.stringify({ q: 'compare httpx requests' });
    const from = fake.calls.length;
    const click = buttonClick(fake, 'pystack_share', value, { ts: '1710000999.000100' });
    expect((await app.action(click)).status).toBe(200);
    expect((await app.action(click)).status).toBe(200); // the same payload again
    expect((await app.action(buttonClick(fake, 'pystack_share', value, { ts: '1710000999.000100' }))).status).toBe(200); // a second click on the same message
    await waitUntil(() => since('response', from).some((c) => c.body.response_type === 'in_channel'));
    await sleep(500);
    expect(since('response', from).filter((c) => c.body.response_type === 'in_channel')).toHaveLength(1);
  });

  it('stores a vote, one per user per answer, which the user can change', async () => {
    const value = JSON.stringify({ q: 'what is httpx' });
    const from = fake.calls.length;
    await app.action(buttonClick(fake, 'pystack_feedback_up', value, { ts: '1710000888.000100' }));
    await app.action(buttonClick(fake, 'pystack_feedback_down', value, { ts: '1710000888.000100' }));
    await app.action(buttonClick(fake, 'pystack_feedback_up', value, { ts: '1710000888.000100', user: 'U0OTHER' }));
    await waitUntil(() => since('response', from).length === 3);
    const votes = JSON.parse(readFileSync(join(stateDir, 'feedback.json'), 'utf8')).votes as {
      user: string;
      vote: string;
      intent: string;
      subjects: string[];
    }[];
    expect(votes.map((v) => [v.user, v.vote]).sort()).toEqual([
      ['U0CLICKER', 'down'],
      ['U0OTHER', 'up'],
    ]);
    expect(votes[0]).toMatchObject({ intent: 'library', subjects: ['httpx'] });
    expect(JSON.stringify(votes)).not.toContain('what is httpx');
  });

  it('does not answer an event again when Slack re-delivers it after a restart', async () => {
    const id = nextId();
    const event = mention('<@UBOT> what is pydantic');
    const from = fake.calls.length;
    await app.event(event, id);
    await waitUntil(() => since('chat.postMessage', from).length === 1);
    expect(await app.stop()).toBe(0);
    const again = await start({ STATE_DIR: stateDir });
    await again.event(event, id, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
    await sleep(700);
    expect(since('chat.postMessage', from)).toHaveLength(1);
    expect(again.logs()).toContain('duplicate delivery skipped');
  });
});

describe('rate limits', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await start();
  });

  it('delivers an answer through about 5 s of 429s instead of losing it', async () => {
    const from = fake.calls.length;
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 2 }, { status: 429, retryAfter: 3 });
    await app.event(mention('<@UBOT> what is ruff'), nextId());
    await waitUntil(
      () => since('chat.postMessage', from).length === 1,
      12_000,
      () => callList(fake),
    );
    expect(app.logs()).toContain('rate limited by Slack; waiting before retrying');
  }, 20_000);

  it('keeps answering other channels while one channel waits out a long Retry-After', async () => {
    const from = fake.calls.length;
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 3600 });
    await app.event(mention('<@UBOT> what is mypy', { channel: 'C0SLOW' }), nextId());
    await waitUntil(() => fake.calls.slice(from).some((c) => c.status === 429));
    await app.event(mention('<@UBOT> what is black', { channel: 'C0FAST' }), nextId());
    await waitUntil(
      () => since('chat.postMessage', from).some((c) => c.body.channel === 'C0FAST'),
      3000,
      () => callList(fake),
    );
    expect(since('chat.postMessage', from).some((c) => c.body.channel === 'C0SLOW')).toBe(false);
  });
});

describe('state that cannot be saved', () => {
  it('names an unwritable STATE_DIR in one line at start, keeps answering, and skips tip slots it cannot save', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pystack-ro-'));
    writeFileSync(join(dir, 'a-file'), 'in the way');
    const stateDir = join(dir, 'a-file', 'state');
    const app = await start({ STATE_DIR: stateDir, TIPS_CHANNEL: 'C0TIPRO', TIPS_SCHEDULE: '* * * * * *' });
    const from = fake.calls.length;
    await app.event(mention('<@UBOT> what is httpx'), nextId());
    await waitUntil(() => since('chat.postMessage', from).length === 1);
    await waitUntil(() => app.logs().includes('tip slot could not be claimed'), 5000);
    expect(app.logs().match(/STATE_DIR \S+ is not writable/g)).toHaveLength(1);
    expect(app.proc.exitCode).toBeNull();
    expect(existsSync(stateDir)).toBe(false);
    expect(await app.stop()).toBe(0);
  });
});

describe('shutdown', () => {
  it('on SIGTERM turns /healthz to 503, refuses new requests, and delivers all 20 answers waiting on a retry', async () => {
    const app = await start();
    const from = fake.calls.length;
    fake.failNext('chat.postMessage', ...Array.from({ length: 20 }, () => ({ status: 429 as const, retryAfter: 1 })));
    for (let i = 0; i < 20; i++)
      await app.event(mention(`<@UBOT> what is httpx ${i}`, { channel: `C0DRAIN${i}` }), nextId());
    await waitUntil(() => fake.calls.slice(from).filter((c) => c.status === 429).length === 20);
    const exit = app.stop();
    await sleep(100);
    expect((await fetch(`${app.url}/healthz`)).status).toBe(503);
    expect((await app.command('what is httpx')).status).toBe(503);
    expect(await exit).toBe(0);
    expect(since('chat.postMessage', from)).toHaveLength(20);
    expect(app.logs()).toMatch(/"unfinished":0.*"msg":"stopped"/);
  }, 20_000);

  it('logs what could not finish within SHUTDOWN_GRACE_MS with its event id, and exits 0', async () => {
    const app = await start({ SHUTDOWN_GRACE_MS: '300' });
    const id = nextId();
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 20 });
    const from = fake.calls.length;
    await app.event(mention('<@UBOT> what is httpx'), id);
    await waitUntil(() => fake.calls.slice(from).some((c) => c.status === 429));
    const t0 = Date.now();
    expect(await app.stop()).toBe(0);
    expect(Date.now() - t0).toBeLessThan(4000);
    const line = app
      .logs()
      .split('\n')
      .find((l) => l.includes('not finished within the shutdown grace period'));
    expect(line).toContain(id);
  });
});
