/**
 * Starts the real pystack process (`node dist/app/main.js`) in HTTP mode against the fake Slack
 * and sends it requests signed exactly as Slack signs them.
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { slackSignature, slashCommand } from '../../scripts/bench/load.js';
import { startServer } from '../../scripts/bench/process.js';
import type { FakeSlack } from '../../scripts/fake-slack.js';

export const SECRET = '8f742231b10e8888abcd99edabcd00d1';
export const TOKEN = 'xoxb-1111-2222-e2eSECRETtokenVALUE';

export function sign(body: string, timestamp: number, secret = SECRET): Record<string, string> {
  return slackSignature(body, timestamp, secret);
}

export interface RunningApp {
  url: string;
  proc: ChildProcess;
  logs: () => string;
  post(
    body: string,
    opts?: { contentType?: string; headers?: Record<string, string>; timestamp?: number; secret?: string },
  ): Promise<Response>;
  command(text: string, extra?: Record<string, string>): Promise<Response>;
  event(event: Record<string, unknown>, eventId: string, headers?: Record<string, string>): Promise<Response>;
  action(payload: Record<string, unknown>): Promise<Response>;
  stop(): Promise<number | null>;
}

/** The environment of a pystack process talking to the fake Slack (nothing inherited but PATH). */
export function slackEnv(fake: FakeSlack | undefined, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    SLACK_BOT_TOKEN: TOKEN,
    SLACK_SIGNING_SECRET: SECRET,
    ...(fake ? { SLACK_API_URL: fake.apiUrl } : {}),
    NODE_ENV: 'production',
    // A fresh state folder per process: claims persist, and tests reuse event ids and message ts.
    STATE_DIR: mkdtempSync(join(tmpdir(), 'pystack-e2e-state-')),
    ...extra,
  };
}

export type SlackClient = Pick<RunningApp, 'post' | 'command' | 'event' | 'action'>;

/** Signed requests to a pystack URL (one app, or a load balancer in front of several). */
export function slackClient(url: string, fake: FakeSlack): SlackClient {
  const post: RunningApp['post'] = (body, opts = {}) => {
    const ts = opts.timestamp ?? Math.floor(Date.now() / 1000);
    return fetch(`${url}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': opts.contentType ?? 'application/json',
        ...sign(body, ts, opts.secret),
        ...opts.headers,
      },
      body,
    });
  };
  return {
    post,
    command: (text, extra = {}) => {
      const { body, contentType } = slashCommand(text, { response_url: `${fakeUrl(fake)}/response/cmd`, ...extra });
      return post(body, { contentType });
    },
    event: (event, eventId, headers) =>
      post(
        JSON.stringify({
          token: 'legacy',
          team_id: 'T0TEST',
          api_app_id: 'A0PYSTACK',
          event,
          type: 'event_callback',
          event_id: eventId,
          event_time: Math.floor(Date.now() / 1000),
          authorizations: [{ team_id: 'T0TEST', user_id: 'UBOT', is_bot: true }],
        }),
        { headers },
      ),
    action: (payload) =>
      post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), {
        contentType: 'application/x-www-form-urlencoded',
      }),
  };
}

export async function startApp(fake: FakeSlack, env: Record<string, string> = {}): Promise<RunningApp> {
  const server = await startServer(['dist/app/main.js'], slackEnv(fake, { LOG_LEVEL: 'debug', ...env }));
  const { url, proc } = server;
  return { url, proc, logs: server.logs, stop: server.stop, ...slackClient(url, fake) };
}

const fakeUrl = (fake: FakeSlack) => fake.url;

let clicks = 0;

/** A block_actions payload for a button in a message (each click its own action_ts, as Slack sends them). */
export function buttonClick(
  fake: FakeSlack,
  actionId: string,
  value: string,
  opts: { ephemeral?: boolean; ts?: string; user?: string } = {},
) {
  return {
    type: 'block_actions',
    team: { id: 'T0TEST', domain: 'test' },
    user: { id: opts.user ?? 'U0CLICKER', username: 'clicker', team_id: 'T0TEST' },
    api_app_id: 'A0PYSTACK',
    token: 'legacy',
    container: {
      type: 'message',
      message_ts: opts.ts ?? '1700000000.000100',
      channel_id: 'C0GENERAL',
      is_ephemeral: opts.ephemeral ?? true,
    },
    trigger_id: '1.2.3',
    channel: { id: 'C0GENERAL', name: 'general' },
    ...(opts.ephemeral === false
      ? { message: { type: 'message', ts: opts.ts ?? '1700000000.000100', text: 'x', blocks: [] } }
      : {}),
    response_url: `${fake.url}/response/${actionId}`,
    actions: [
      {
        type: 'button',
        action_id: actionId,
        block_id: 'pystack_feedback',
        value,
        action_ts: `1700000001.${String(++clicks).padStart(6, '0')}`,
        text: { type: 'plain_text', text: 'x' },
      },
    ],
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Polls until cond() holds; on timeout the error shows `context()` (e.g. the fake's calls). */
export async function waitUntil(cond: () => boolean, timeoutMs = 5000, context = () => ''): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > until) throw new Error(`condition not met in ${timeoutMs} ms; ${context()}`);
    await sleep(20);
  }
}

/** The fake's calls as `method:status`, for failure messages. */
export const callList = (fake: FakeSlack) => `calls: ${fake.calls.map((c) => `${c.method}:${c.status}`).join(', ')}`;

/** Runs `node dist/app/main.js` until it exits (start-up failures), without blocking the fake Slack in this process. */
export function runMainToExit(env: Record<string, string>): Promise<{ status: number | null; stderr: string }> {
  return new Promise((done) => {
    const p = spawn(process.execPath, ['dist/app/main.js'], { cwd: resolve(import.meta.dirname, '../..'), env });
    let stderr = '';
    p.stderr.on('data', (d) => {
      stderr += d;
    });
    p.on('exit', (status) => done({ status, stderr }));
  });
}
