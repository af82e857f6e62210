/**
 * The Web API client options against a local server that fails on purpose: writes Slack did not
 * act on are retried, a request that hangs is given up after the timeout and never repeated.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { webApi } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { deliveryUnconfirmed, webApiOptions } from '../../src/slack/delivery.js';

let server: Server | undefined;
const held: IncomingMessage[] = [];

async function serve(answer: (n: number) => number | 'hang'): Promise<{ url: string; hits: () => number }> {
  let n = 0;
  server = createServer((req, res) => {
    const what = answer(++n);
    req.resume();
    if (what === 'hang') return void held.push(req);
    res.writeHead(what, { 'content-type': 'application/json' });
    res.end(JSON.stringify(what === 200 ? { ok: true, ts: '1.2' } : { ok: false }));
  });
  await new Promise<void>((r) => server?.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`, hits: () => n };
}

const client = (url: string, timeoutMs = 300) =>
  new webApi.WebClient('xoxb-test', { ...webApiOptions({ apiUrl: url, timeoutMs }), logLevel: webApi.LogLevel.ERROR });

afterEach(async () => {
  for (const r of held.splice(0)) r.socket.destroy();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = undefined;
});

describe('Web API delivery', () => {
  it('retries a 5xx Slack did not act on and posts once', async () => {
    const s = await serve((n) => (n === 1 ? 500 : 200));
    const res = await client(s.url).chat.postMessage({ channel: 'C1', text: 'hi' });
    expect(res.ok).toBe(true);
    expect(s.hits()).toBe(2);
  });

  it('gives up on a hung request after the timeout and does not send it again', async () => {
    const s = await serve(() => 'hang');
    const err = await client(s.url)
      .chat.postMessage({ channel: 'C1', text: 'hi' })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(deliveryUnconfirmed(err)).toBe(true);
    await new Promise((r) => setTimeout(r, 1200)); // room for a retry that must not come
    expect(s.hits()).toBe(1);
  });

  it('treats a refused connection as not delivered, so it may be retried', async () => {
    const s = await serve(() => 200);
    await new Promise<void>((r) => server?.close(() => r()));
    server = undefined;
    const err = await client(s.url)
      .auth.test()
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(err).toBeDefined();
    expect(deliveryUnconfirmed(err)).toBe(false);
  });

  it('reads the timeout through wrapped errors and ignores ordinary ones', () => {
    const timeout = new DOMException('timed out', 'TimeoutError');
    expect(deliveryUnconfirmed({ original: timeout })).toBe(true);
    expect(deliveryUnconfirmed(new Error('x', { cause: Object.assign(new Error('y'), { code: 'ECONNRESET' }) }))).toBe(
      true,
    );
    expect(deliveryUnconfirmed(Object.assign(new Error('y'), { code: 'ECONNREFUSED' }))).toBe(false);
    expect(deliveryUnconfirmed(undefined)).toBe(false);
  });
});
