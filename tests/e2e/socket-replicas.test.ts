/**
 * Two replicas in Socket Mode on one Redis: each connects out to the fake Slack's WebSocket, and
 * Slack's re-delivery of an envelope comes over the other replica's connection, as it may when the
 * first did not acknowledge in time. The mention is answered once.
 */
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type WebSocket, WebSocketServer } from 'ws';
import { type Server, startServer } from '../../scripts/bench/process.js';
import { type FakeSlack, startFakeSlack } from '../../scripts/fake-slack.js';
import { type RedisServer, startRedis } from '../helpers/redis-server.js';
import { callList, sleep, slackEnv, waitUntil } from './harness.js';

let redis: RedisServer;
let fake: FakeSlack;
let wss: WebSocketServer;
const sockets: WebSocket[] = [];
const acks: string[] = [];
const apps: Server[] = [];

beforeAll(async () => {
  redis = await startRedis();
  fake = await startFakeSlack();
  wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((r) => wss.once('listening', r));
  wss.on('connection', (ws) => {
    sockets.push(ws);
    ws.on('message', (m) => acks.push((JSON.parse(String(m)) as { envelope_id: string }).envelope_id));
    ws.send(JSON.stringify({ type: 'hello', num_connections: 2, connection_info: { app_id: 'A0PYSTACK' } }));
  });
  const { port } = wss.address() as AddressInfo;
  fake.answer('apps.connections.open', { ok: true, url: `ws://127.0.0.1:${port}/link` });
  for (let i = 0; i < 2; i++)
    apps.push(
      await startServer(
        ['dist/app/main.js'],
        slackEnv(fake, {
          SLACK_APP_TOKEN: 'xapp-1-A0PYSTACK-1-socketTOKEN',
          REDIS_URL: redis.url,
          STATE_DIR: mkdtempSync(join(tmpdir(), `pystack-socket-${i}-`)),
          LOG_LEVEL: 'info',
        }),
      ),
    );
  await waitUntil(() => sockets.length >= 2, 10_000);
}, 60_000);

afterAll(async () => {
  for (const a of apps) await a.stop();
  for (const c of wss?.clients ?? []) c.terminate();
  await new Promise((r) => wss?.close(r));
  await fake?.close();
  await redis?.stop();
});

describe('Socket Mode replicas on one Redis', () => {
  it('answers a mention once when its re-delivery arrives over the other replica', async () => {
    const from = fake.calls.length;
    const envelope = (id: string, retry: number) =>
      JSON.stringify({
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
          event_id: 'EvSocketReplica1',
          event_time: Math.floor(Date.now() / 1000),
          event: {
            type: 'app_mention',
            user: 'U0ASKER',
            text: '<@UBOT> what is dramatiq',
            ts: '1730000000.000100',
            channel: 'C0SOCK',
          },
        },
      });
    sockets[0]?.send(envelope('env-a', 0));
    sockets[1]?.send(envelope('env-b', 1));
    await waitUntil(() => acks.includes('env-a') && acks.includes('env-b'));
    const posts = () => fake.calls.slice(from).filter((c) => c.method === 'chat.postMessage' && c.status === 200);
    await waitUntil(
      () => posts().length >= 1,
      5000,
      () => callList(fake),
    );
    await sleep(500);
    expect(posts()).toHaveLength(1);
    expect(apps.map((a) => a.logs()).join('\n')).toContain('duplicate delivery skipped');
  });
});
