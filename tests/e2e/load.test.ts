/**
 * Load: 2,000 requests signed as Slack signs them, 50 in flight, against the real app. Every
 * one is acked with 200 within Slack's 3 s, and each of the mentions among them is answered
 * exactly once in its own thread.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mentionEvent, runLoad, slashCommand } from '../../scripts/bench/load.js';
import { type FakeSlack, startFakeSlack } from '../../scripts/fake-slack.js';
import { callList, type RunningApp, SECRET, sleep, startApp, waitUntil } from './harness.js';

let fake: FakeSlack;
let app: RunningApp;

beforeAll(async () => {
  fake = await startFakeSlack();
  app = await startApp(fake, { LOG_LEVEL: 'info' });
}, 30_000);

afterAll(async () => {
  await app?.stop();
  await fake?.close();
});

const REQUESTS = 2000;
const MENTION_EVERY = 5; // 400 mentions, 1,600 slash commands
const QUESTIONS = ['compare django fastapi', 'lib httpx', 'what should I use for background jobs', 'tip'];

describe('load', () => {
  it('acks 2,000 signed requests at concurrency 50 with 200 within 3 s, answering each mention once', async () => {
    const run = `${Date.now()}`;
    const r = await runLoad({
      url: app.url,
      secret: SECRET,
      requests: REQUESTS,
      concurrency: 50,
      keepBodies: true,
      request: (i) =>
        i % MENTION_EVERY === 0
          ? mentionEvent(QUESTIONS[i % QUESTIONS.length] ?? 'tip', `EvLoad${run}-${i}`, `1700100000.${i}`)
          : slashCommand(QUESTIONS[i % QUESTIONS.length] ?? 'tip'),
    });
    expect(r.statuses).toEqual({ '200': REQUESTS });
    expect(r.max).toBeLessThan(3000);
    // Every slash command got its own answer in the ack, not a generic or empty one.
    const compare = r.bodies.filter((b, i) => i % MENTION_EVERY !== 0 && i % QUESTIONS.length === 0);
    expect(compare.length).toBeGreaterThan(100);
    for (const b of compare) expect(b).toMatch(/Django/);

    const mentions = REQUESTS / MENTION_EVERY;
    await waitUntil(
      () => fake.ok('chat.postMessage').length >= mentions,
      20_000,
      () => callList(fake),
    );
    await sleep(300); // room for a duplicate that must not come
    const threads = fake.ok('chat.postMessage').map((c) => String(c.body.thread_ts));
    expect(threads).toHaveLength(mentions);
    expect(new Set(threads).size).toBe(mentions);
  }, 60_000);
});
