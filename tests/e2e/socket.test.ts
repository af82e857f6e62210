/**
 * End-to-end in Socket Mode: the real app connects out to a fake Slack (apps.connections.open on
 * the fake Web API, then a WebSocket on 127.0.0.1), receives envelopes as Slack sends them, and
 * acknowledges each by envelope id: slash commands with the answer in the ack, mentions answered
 * in their thread once even when Slack sends the envelope again.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type WebSocket, WebSocketServer } from 'ws';
import { startServer, type Server } from '../../scripts/bench/process.js';
import { type FakeSlack, startFakeSlack } from '../../scripts/fake-slack.js';
import { callList, slackEnv, waitUntil } from './harness.js';

interface Ack {
  envelope_id: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Block Kit JSON is open-ended
  payload?: Record<string, any>;
}

let fake: FakeSlack;
let wss: WebSocketServer;
let app: Server;
let socket: WebSocket | undefined;
const acks: Ack[] = [];

const send = (envelope: Record<string, unknown>) => socket?.send(JSON.stringify(envelope));
const ackFor = async (id: string) => {
  await waitUntil(
    () => acks.some((a) => a.envelope_id === id),
    5000,
    () => `acks: ${acks.map((a) => a.envelope_id)}`,
  );
  return acks.find((a) => a.envelope_id === id);
};

beforeAll(async () => {
  fake = await startFakeSlack();
  wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((r) => wss.once('listening', r));
  wss.on('connection', (ws) => {
    socket = ws;
    ws.on('message', (m) => acks.push(JSON.parse(String(m)) as Ack));
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0PYSTACK' } }));
  });
  const { port } = wss.address() as AddressInfo;
  fake.answer('apps.connections.open', { ok: true, url: `ws://127.0.0.1:${port}/link` });
  app = await startServer(
    ['dist/app/main.js'],
    slackEnv(fake, { SLACK_APP_TOKEN: 'xapp-1-A0PYSTACK-1-socketTOKEN', LOG_LEVEL: 'debug' }),
  );
}, 30_000);

afterAll(async () => {
  await app?.stop();
  for (const c of wss?.clients ?? []) c.terminate();
  await new Promise((r) => wss?.close(r));
  await fake?.close();
});

describe('Socket Mode', () => {
  it('connects out with the app token and serves /healthz', async () => {
    const open = fake.ok('apps.connections.open');
    expect(open.length).toBeGreaterThan(0);
    expect(open[0]?.authorization).toBe('Bearer xapp-1-A0PYSTACK-1-socketTOKEN');
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  });

  it('answers a slash command inside the envelope ack', async () => {
    send({
      envelope_id: 'env-cmd-1',
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: {
        token: 'legacy',
        team_id: 'T0TEST',
        channel_id: 'C0GENERAL',
        user_id: 'U0ASKER',
        command: '/pystack',
        text: 'compare django fastapi',
        api_app_id: 'A0PYSTACK',
        response_url: `${fake.url}/response/socket`,
        trigger_id: '1.2.3',
      },
    });
    const ack = await ackFor('env-cmd-1');
    expect(ack?.payload?.response_type).toBe('ephemeral');
    expect(JSON.stringify(ack?.payload?.blocks)).toMatch(/Django/);
    expect(JSON.stringify(ack?.payload?.blocks)).toMatch(/FastAPI/);
  });

  it('answers a mention in its thread once, even when the envelope comes again', async () => {
    const from = fake.calls.length;
    const envelope = (id: string, retry: number) => ({
      envelope_id: id,
      type: 'events_api',
      accepts_response_payload: false,
      retry_attempt: retry,
      retry_reason: retry ? 'timeout' : '',
      payload: {
        token: 'legacy',
        team_id: 'T0TEST',
        api_app_id: 'A0PYSTACK',
        type: 'event_callback',
        event_id: 'EvSocket1',
        event_time: Math.floor(Date.now() / 1000),
        event: {
          type: 'app_mention',
          user: 'U0ASKER',
          text: '<@UBOT> celery or rq?',
          ts: '1700000900.000100',
          channel: 'C0GENERAL',
        },
      },
    });
    send(envelope('env-ev-1', 0));
    send(envelope('env-ev-2', 1));
    await ackFor('env-ev-1');
    await ackFor('env-ev-2');
    const posts = () => fake.calls.slice(from).filter((c) => c.method === 'chat.postMessage' && c.status === 200);
    await waitUntil(
      () => posts().length >= 1,
      5000,
      () => callList(fake),
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(posts()).toHaveLength(1);
    expect(posts()[0]?.body.thread_ts).toBe('1700000900.000100');
    expect(JSON.stringify(posts()[0]?.body.blocks)).toMatch(/Celery/);
  });

  it('stops on SIGTERM with exit code 0', async () => {
    expect(await app.stop()).toBe(0);
  });
});
