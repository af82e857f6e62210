/**
 * End-to-end fault injection: the real app against a fake Slack Web API that rate-limits, fails,
 * hangs or is not there at all, and against oversized requests. The bot stays up, each answer
 * is delivered once or its failure is logged, and nothing is posted twice.
 */
import { request } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from '../../scripts/fake-slack.js';
import { callList, type RunningApp, sign, sleep, startApp, waitUntil as waitFor } from './harness.js';

let fake: FakeSlack;
let app: RunningApp;
let n = 0;
const nextId = () => `EvFault${Date.now()}${n++}`;
const waitUntil = (cond: () => boolean, timeoutMs?: number) => waitFor(cond, timeoutMs, () => callList(fake));
const since = (method: string, from: number) =>
  fake.calls.slice(from).filter((c) => c.method === method && c.status === 200);
const attempts = (method: string, from: number) => fake.calls.slice(from).filter((c) => c.method === method);
const logLine = (msg: string) =>
  JSON.parse(
    app
      .logs()
      .split('\n')
      .filter((l) => l.includes(msg))
      .pop() ?? '{}',
  ) as Record<string, unknown>;
/** The app's log line with this message about this event, once its process has written it. */
const loggedFor = async (msg: string, eventId: string) => {
  const lineOf = () =>
    app
      .logs()
      .split('\n')
      .find((l) => l.includes(msg) && l.includes(eventId));
  await waitUntil(() => lineOf() !== undefined, 5000);
  return JSON.parse(lineOf() ?? '{}') as Record<string, unknown>;
};
const mention = (text: string, ts: string, id = nextId()) =>
  app.event({ type: 'app_mention', user: 'U0ASKER', text: `<@UBOT> ${text}`, ts, channel: 'C0GENERAL' }, id);
const healthy = async () => (await fetch(`${app.url}/healthz`)).status === 200;

beforeAll(async () => {
  fake = await startFakeSlack();
  app = await startApp(fake, { SLACK_API_TIMEOUT_MS: '1000' });
}, 30_000);

afterAll(async () => {
  await app?.stop();
  await fake?.close();
});

describe('Slack Web API faults', () => {
  it('delivers a reply once after a 429 with Retry-After', async () => {
    const from = fake.calls.length;
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    await app.event(
      {
        type: 'app_mention',
        user: 'U0ASKER',
        text: '<@UBOT> tip',
        ts: '1700000400.000500',
        channel: 'C0GENERAL',
      },
      nextId(),
    );
    await waitUntil(() => since('chat.postMessage', from).length === 1, 8000);
    const attempts = fake.calls.slice(from).filter((c) => c.method === 'chat.postMessage');
    expect(attempts.map((c) => c.status)).toEqual([429, 200]);
    await sleep(300);
    expect(since('chat.postMessage', from)).toHaveLength(1);
  });

  it('delivers a reply once after a transient 500', async () => {
    const from = fake.calls.length;
    fake.failNext('chat.postMessage', { status: 500 });
    await app.event(
      {
        type: 'app_mention',
        user: 'U0ASKER',
        text: '<@UBOT> lib rich',
        ts: '1700000450.000500',
        channel: 'C0GENERAL',
      },
      nextId(),
    );
    await waitUntil(() => since('chat.postMessage', from).length === 1, 8000);
    const attempts = fake.calls.slice(from).filter((c) => c.method === 'chat.postMessage');
    expect(attempts.map((c) => c.status)).toEqual([500, 200]);
  });

  it('logs an undeliverable answer with its context and apologises to the user', async () => {
    const from = fake.calls.length;
    fake.failNext('chat.postMessage', { status: 500 }, { status: 500 }, { status: 500 }, { status: 500 });
    await app.event(
      {
        type: 'app_mention',
        user: 'U0ASKER',
        text: '<@UBOT> lib typer',
        ts: '1700000460.000500',
        channel: 'C0GENERAL',
      },
      'EvUndeliverable1',
    );
    await waitUntil(() => since('chat.postEphemeral', from).length === 1, 10_000);
    const apology = since('chat.postEphemeral', from)[0];
    expect(apology?.body.user).toBe('U0ASKER');
    expect(apology?.body.text).toMatch(/sorry/i);
    expect(since('chat.postMessage', from)).toHaveLength(0);
    // The log line is written by the app's process, which may flush it after the apology reaches Slack.
    expect(await loggedFor('answer not delivered', 'EvUndeliverable1')).toMatchObject({
      event_id: 'EvUndeliverable1',
      channel: 'C0GENERAL',
      door: 'mention',
    });
  }, 15_000);

  it('gives up on a hung post after the timeout, never sends it twice, and tells the user', async () => {
    const from = fake.calls.length;
    fake.failNext('chat.postMessage', { hang: true });
    const res = await mention('lib httpx', '1700000470.000500', 'EvHung1');
    expect(res.status).toBe(200);
    await waitUntil(() => since('chat.postEphemeral', from).length === 1, 8000);
    expect(since('chat.postEphemeral', from)[0]?.body.text).toMatch(/didn't confirm/);
    await sleep(1500); // a retry would arrive here
    expect(attempts('chat.postMessage', from).map((c) => c.status)).toEqual([0]);
    expect(await loggedFor('answer not confirmed by Slack', 'EvHung1')).toMatchObject({
      event_id: 'EvHung1',
      door: 'mention',
    });
    expect(await healthy()).toBe(true);
    await mention('lib rich', '1700000471.000500');
    await waitUntil(() => since('chat.postMessage', from).length === 1, 8000);
  }, 20_000);

  it('survives Slack refusing connections: logs the lost answer, still acks commands, recovers after', async () => {
    const from = fake.calls.length;
    await fake.down();
    try {
      expect((await mention('lib typer', '1700000480.000500', 'EvRefused1')).status).toBe(200);
      await waitUntil(() => app.logs().includes('apology not delivered either'), 15_000);
      expect(logLine('answer not delivered')).toMatchObject({ event_id: 'EvRefused1', channel: 'C0GENERAL' });
      expect(await healthy()).toBe(true);
      const cmd = await app.command('lib httpx'); // answered in the ack: needs no Web API call
      expect(cmd.status).toBe(200);
      expect(JSON.stringify(await cmd.json())).toMatch(/HTTPX/i);
    } finally {
      await fake.up();
    }
    await mention('lib click', '1700000481.000500');
    await waitUntil(() => since('chat.postMessage', from).length === 1, 8000);
    await sleep(500);
    const posted = since('chat.postMessage', from);
    expect(posted).toHaveLength(1); // the lost answer is not posted late
    expect(posted[0]?.body.thread_ts).toBe('1700000481.000500');
  }, 30_000);
});

const TOTAL = 50 * 1024 * 1024;

/**
 * Writes a 50 MB POST in 64 KB chunks, as fast as the socket takes them, until the server
 * answers or drops the connection; returns the status (or error code) and how much was written.
 */
function bigPost(url: string, declare: boolean) {
  return new Promise<{ status?: number; code?: string; sent: number }>((resolve) => {
    const ts = Math.floor(Date.now() / 1000);
    const req = request(`${url}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...sign('{}', ts),
        ...(declare ? { 'content-length': String(TOTAL) } : { 'transfer-encoding': 'chunked' }),
      },
    });
    let sent = 0;
    let over = false;
    const finish = (r: { status?: number; code?: string }) => {
      if (over) return;
      over = true;
      req.destroy();
      resolve({ ...r, sent });
    };
    req.on('response', (res) => {
      res.resume();
      finish({ status: res.statusCode });
    });
    req.on('error', (e: NodeJS.ErrnoException) => finish({ code: e.code }));
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const pump = () => {
      if (over) return;
      if (sent >= TOTAL) return void req.end();
      sent += chunk.length;
      if (req.write(chunk)) setImmediate(pump);
      else req.once('drain', pump);
    };
    pump();
  });
}

describe('request body limits', () => {
  // The server closes an oversized request at once, so a client still writing may see the
  // connection reset rather than read the 413; either way the server stopped long before 50 MB.
  const refused = (r: { status?: number; code?: string }) =>
    r.status === 413 || r.code === 'ECONNRESET' || r.code === 'EPIPE';

  it('refuses a body declared larger than 256 KB before reading it', async () => {
    const r = await bigPost(app.url, true);
    expect(refused(r), JSON.stringify(r)).toBe(true);
    expect(r.sent).toBeLessThan(TOTAL / 4);
    await waitUntil(() => app.logs().includes('refused unread (limit: 262144 bytes)'));
  });

  it('cuts off an undeclared (chunked) body at 256 KB instead of buffering it whole', async () => {
    const r = await bigPost(app.url, false);
    expect(refused(r), JSON.stringify(r)).toBe(true);
    expect(r.sent).toBeLessThan(TOTAL / 4);
    await waitUntil(() => app.logs().includes('Request body exceeded the maximum allowed size (limit: 262144 bytes)'));
    expect(await healthy()).toBe(true);
  });

  it('cuts off a client that never finishes its headers (slowloris) after about 5 s', async () => {
    const { port } = new URL(app.url);
    const socket = connect(Number(port), '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    const t0 = Date.now();
    socket.write('POST /slack/events HTTP/1.1\r\nHost: x\r\nX-Slack-Signature: v0=');
    let reply = '';
    socket.on('data', (d) => (reply += String(d)));
    const closed = await new Promise<number>((r) => {
      socket.once('close', () => r(Date.now() - t0));
      setTimeout(() => r(-1), 12_000);
    });
    socket.destroy();
    expect(closed).toBeGreaterThan(4_000);
    expect(closed).toBeLessThan(8_000);
    expect(reply).toMatch(/^HTTP\/1\.1 408/);
    expect(await healthy()).toBe(true);
  }, 15_000);

  it('accepts a normal request on a fresh connection afterwards', async () => {
    const res = await app.command('compare django fastapi');
    expect(res.status).toBe(200);
  });
});
