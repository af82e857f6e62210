/**
 * A fake Slack Web API on 127.0.0.1 for end-to-end tests and benchmarks: records every Web API call and every
 * post to a response_url, and can be told to fail the next calls of a method (429 with
 * Retry-After, 5xx, or a connection that hangs), or stop listening (connection refused).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Call {
  method: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Block Kit JSON is open-ended
  body: Record<string, any>;
  authorization?: string;
  status: number;
}

export type Fault = { status: 429; retryAfter: number } | { status: 500 | 502 | 503 } | { hang: true };

export interface FakeSlack {
  url: string;
  apiUrl: string;
  calls: Call[];
  /** Successful calls of a method (or response_url posts with method 'response'). */
  ok(method: string): Call[];
  failNext(method: string, ...faults: Fault[]): void;
  /** Answers every later call of a method with this body (e.g. auth.test rejecting the token). */
  answer(method: string, body: Record<string, unknown>): void;
  waitFor(method: string, count?: number, timeoutMs?: number): Promise<Call[]>;
  /** Stops listening, so calls meet "connection refused" until `up()` listens on the same port again. */
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  if ((req.headers['content-type'] ?? '').includes('json')) return raw ? JSON.parse(raw) : {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    try {
      out[k] = ['blocks', 'view', 'attachments'].includes(k) ? JSON.parse(v) : v;
    } catch {
      out[k] = v;
    }
  }
  return out;
}

const RESPONSES: Record<string, Record<string, unknown>> = {
  'auth.test': {
    ok: true,
    url: 'https://test.slack.com/',
    team: 'Test',
    user: 'pystack',
    team_id: 'T0TEST',
    user_id: 'UBOT',
    bot_id: 'BBOT',
  },
};

export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: Call[] = [];
  const faults = new Map<string, Fault[]>();
  const answers: Record<string, Record<string, unknown>> = { ...RESPONSES };
  const hung: IncomingMessage[] = [];
  let ts = 1_700_000_000;
  const server: Server = createServer(async (req, res) => {
    const path = req.url ?? '';
    const method = path.startsWith('/api/')
      ? (path.slice(5).split('?')[0] ?? '')
      : path.startsWith('/response/')
        ? 'response'
        : path;
    const body = await readBody(req);
    const fault = faults.get(method)?.shift();
    const record = (status: number) => calls.push({ method, body, authorization: req.headers.authorization, status });
    if (fault && 'hang' in fault) {
      record(0);
      hung.push(req);
      return; // never answer
    }
    if (fault) {
      record(fault.status);
      res.writeHead(fault.status, fault.status === 429 ? { 'retry-after': String(fault.retryAfter) } : {});
      res.end(fault.status === 429 ? JSON.stringify({ ok: false, error: 'ratelimited' }) : 'upstream error');
      return;
    }
    record(200);
    res.writeHead(200, { 'content-type': 'application/json' });
    const channel = typeof body.channel === 'string' ? body.channel : undefined;
    res.end(JSON.stringify(answers[method] ?? { ok: true, channel, ts: `${ts++}.000100` }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise<void>((r) => {
      for (const h of hung.splice(0)) h.socket.destroy();
      if (!server.listening) return r();
      server.close(() => r());
      server.closeAllConnections();
    });
  const ok = (m: string) => calls.filter((c) => c.method === m && c.status === 200);
  return {
    url,
    apiUrl: `${url}/api/`,
    calls,
    ok,
    failNext: (m, ...f) => faults.set(m, [...(faults.get(m) ?? []), ...f]),
    answer: (m, body) => {
      answers[m] = body;
    },
    async waitFor(m, count = 1, timeoutMs = 8000) {
      const until = Date.now() + timeoutMs;
      while (ok(m).length < count) {
        if (Date.now() > until)
          throw new Error(
            `timed out waiting for ${count} ${m} (have ${ok(m).length}; calls: ${calls.map((c) => `${c.method}:${c.status}`).join(', ')})`,
          );
        await new Promise((r) => setTimeout(r, 20));
      }
      return ok(m);
    },
    down: () => stop(),
    up: () => new Promise<void>((r) => server.listen(port, '127.0.0.1', r)),
    close: () => stop(),
  };
}
