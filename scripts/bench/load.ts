/**
 * A small HTTP load generator for Slack-style requests: each request is signed exactly as Slack
 * signs it (fresh timestamp, HMAC-SHA256 over `v0:ts:body`), sent over keep-alive connections
 * with a fixed number in flight, and timed from send to the last byte of the answer (the ack).
 * Used by the load test in CI and by `npm run bench`.
 *
 * @example
 * const r = await runLoad({ url, secret, requests: 2000, concurrency: 50, request: () => slashCommand('tip') });
 * r.failures; // 0
 */
import { createHmac } from 'node:crypto';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { percentile } from './table.js';

export function slackSignature(body: string, timestamp: number, secret: string): Record<string, string> {
  const sig = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return { 'x-slack-signature': sig, 'x-slack-request-timestamp': String(timestamp) };
}

export interface SlackRequest {
  body: string;
  contentType: string;
}

/** A `/pystack` slash command as Slack posts it; `fields` override or add form fields. */
export function slashCommand(text: string, fields: Record<string, string> = {}): SlackRequest {
  const body = new URLSearchParams({
    token: 'legacy',
    team_id: 'T0TEST',
    team_domain: 'test',
    channel_id: 'C0GENERAL',
    channel_name: 'general',
    user_id: 'U0ASKER',
    user_name: 'asker',
    command: '/pystack',
    text,
    api_app_id: 'A0PYSTACK',
    response_url: 'http://127.0.0.1:9/response',
    trigger_id: '1.2.3',
    ...fields,
  }).toString();
  return { body, contentType: 'application/x-www-form-urlencoded' };
}

/** An app_mention event callback as Slack posts it. */
export function mentionEvent(text: string, eventId: string, ts: string, channel = 'C0GENERAL'): SlackRequest {
  const body = JSON.stringify({
    token: 'legacy',
    team_id: 'T0TEST',
    api_app_id: 'A0PYSTACK',
    event: { type: 'app_mention', user: 'U0ASKER', text: `<@UBOT> ${text}`, ts, channel },
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: 'T0TEST', user_id: 'UBOT', is_bot: true }],
  });
  return { body, contentType: 'application/json' };
}

export interface LoadResult {
  requests: number;
  concurrency: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  /** Requests that failed at the network level or answered other than 200. */
  failures: number;
  statuses: Record<string, number>;
  /** Answer bodies by request number, when `keepBodies` is set. */
  bodies: string[];
}

function send(url: URL, agent: Agent, req: SlackRequest, secret: string): Promise<{ status: string; body: string }> {
  return new Promise((resolve) => {
    const payload = Buffer.from(req.body);
    const r = request(url, {
      method: 'POST',
      agent,
      headers: {
        'content-type': req.contentType,
        'content-length': String(payload.length),
        ...slackSignature(req.body, Math.floor(Date.now() / 1000), secret),
      },
    });
    r.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: String(res.statusCode), body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', (e: NodeJS.ErrnoException) => resolve({ status: e.code ?? 'error', body: '' }));
    });
    r.on('error', (e: NodeJS.ErrnoException) => resolve({ status: e.code ?? 'error', body: '' }));
    r.end(payload);
  });
}

export async function runLoad(opts: {
  url: string;
  secret: string;
  requests: number;
  concurrency: number;
  request: (i: number) => SlackRequest;
  keepBodies?: boolean;
}): Promise<LoadResult> {
  const url = new URL('/slack/events', opts.url);
  const agent = new Agent({ keepAlive: true, maxSockets: opts.concurrency });
  const times: number[] = [];
  const statuses: Record<string, number> = {};
  const bodies: string[] = [];
  let next = 0;
  const t0 = performance.now();
  const worker = async () => {
    while (next < opts.requests) {
      const i = next++;
      const start = performance.now();
      const { status, body } = await send(url, agent, opts.request(i), opts.secret);
      times.push(performance.now() - start);
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (opts.keepBodies) bodies[i] = body;
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  const seconds = (performance.now() - t0) / 1000;
  agent.destroy();
  times.sort((a, b) => a - b);
  return {
    requests: opts.requests,
    concurrency: opts.concurrency,
    seconds,
    rps: opts.requests / seconds,
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    max: times[times.length - 1] ?? 0,
    failures: opts.requests - (statuses['200'] ?? 0),
    statuses,
    bodies,
  };
}
