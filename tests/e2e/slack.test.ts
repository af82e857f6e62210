/**
 * End-to-end: the real app (node dist/app/main.js) over HTTP, a fake Slack Web API on
 * 127.0.0.1, and requests signed exactly as Slack signs them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockKitProblems } from '../helpers/blockkit.js';
import { type FakeSlack, startFakeSlack } from '../../scripts/fake-slack.js';
import {
  buttonClick,
  callList,
  type RunningApp,
  SECRET,
  sleep,
  startApp,
  TOKEN,
  waitUntil as waitFor,
} from './harness.js';

let fake: FakeSlack;
let app: RunningApp;
let n = 0;
const waitUntil = (cond: () => boolean, timeoutMs?: number) => waitFor(cond, timeoutMs, () => callList(fake));
const nextId = () => `Ev${Date.now()}${n++}`;
const since = (method: string, from: number) =>
  fake.calls.slice(from).filter((c) => c.method === method && c.status === 200);

beforeAll(async () => {
  fake = await startFakeSlack();
  app = await startApp(fake);
}, 30_000);

afterAll(async () => {
  await app?.stop();
  await fake?.close();
});

describe('requests and signatures', () => {
  it('answers GET /healthz with 200 once ready', async () => {
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  });

  it('answers url_verification with the challenge', async () => {
    const res = await app.post(JSON.stringify({ type: 'url_verification', challenge: 'chal-123', token: 'x' }));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('chal-123');
  });

  it('refuses a forged signature with 401', async () => {
    const res = await app.post(JSON.stringify({ type: 'url_verification', challenge: 'c' }), {
      secret: 'f'.repeat(32),
    });
    expect(res.status).toBe(401);
  });

  it('refuses a correctly signed request older than 5 minutes with 401', async () => {
    const res = await app.post(JSON.stringify({ type: 'url_verification', challenge: 'c' }), {
      timestamp: Math.floor(Date.now() / 1000) - 6 * 60,
    });
    expect(res.status).toBe(401);
  });
});

describe('/pystack', () => {
  it('acknowledges within 3 s with the ephemeral answer, a Share button and feedback', async () => {
    const t0 = Date.now();
    const res = await app.command('compare django fastapi');
    const elapsed = Date.now() - t0;
    expect(res.status).toBe(200);
    expect(elapsed).toBeLessThan(3000);
    expect(res.headers.get('content-type')).toBe('application/json'); // Slack reads a plain-text body as text
    const body = await res.json();
    expect(body.response_type).toBe('ephemeral');
    expect(body.blocks[0].text.text).toBe('Django vs FastAPI');
    const json = JSON.stringify(body.blocks);
    for (const rating of ['Moderate', 'Excellent (Highest)']) expect(json).toContain(rating);
    const actions = body.blocks.find((b: { type: string }) => b.type === 'actions');
    expect(actions.elements.map((e: { action_id: string }) => e.action_id)).toEqual([
      'pystack_share',
      'pystack_feedback_up',
      'pystack_feedback_down',
      'pystack_correct',
    ]);
    // The comparison is Slack's native table, the names as its header row.
    const table = body.blocks.find((b: { type: string }) => b.type === 'table');
    expect(table.rows[0].map((c: { text: string }) => c.text)).toEqual(['Compared', 'Django', 'FastAPI']);
    expect(body.text).toMatch(/^Django vs FastAPI/);
    expect(blockKitProblems(body)).toEqual([]);
  });

  it('shows usage with examples for /pystack and /pystack help', async () => {
    for (const text of ['', 'help']) {
      const body = await (await app.command(text)).json();
      expect(JSON.stringify(body.blocks)).toContain('/pystack compare django fastapi');
    }
  });

  it('answers 5,000 characters of text politely, escaped, without a channel ping', async () => {
    const text = `<!channel> ${'what is httpx '.repeat(400)}`;
    const res = await app.command(text);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(blockKitProblems(body)).toEqual([]);
    expect(JSON.stringify(body)).not.toContain('<!channel>');
  });
});

describe('mentions and DMs', () => {
  it('answers a mention inside a thread in that thread', async () => {
    const from = fake.calls.length;
    await app.event(
      {
        type: 'app_mention',
        user: 'U0ASKER',
        text: '<@UBOT> celery or rq?',
        ts: '1700000100.000200',
        thread_ts: '1700000000.000100',
        channel: 'C0GENERAL',
      },
      nextId(),
    );
    await waitUntil(() => since('chat.postMessage', from).length === 1);
    const [post] = since('chat.postMessage', from);
    expect(post?.body.thread_ts).toBe('1700000000.000100');
    expect(post?.body.channel).toBe('C0GENERAL');
    expect(post?.body.blocks[0].text.text).toBe('Celery vs RQ');
    expect(post?.authorization).toBe(`Bearer ${TOKEN}`);
    expect(blockKitProblems(post?.body ?? {})).toEqual([]);
  });

  it("starts a thread on the mention's own ts when it is not in a thread", async () => {
    const from = fake.calls.length;
    await app.event(
      {
        type: 'app_mention',
        user: 'U0ASKER',
        text: '<@UBOT> lib httpx',
        ts: '1700000200.000300',
        channel: 'C0GENERAL',
      },
      nextId(),
    );
    await waitUntil(() => since('chat.postMessage', from).length === 1);
    expect(since('chat.postMessage', from)[0]?.body.thread_ts).toBe('1700000200.000300');
  });

  it('reads a follow-up mention with the question asked before it in the same thread', async () => {
    const from = fake.calls.length;
    const thread = '1700000250.000100';
    const mention = (text: string, ts: string) =>
      app.event({ type: 'app_mention', user: 'U0ASKER', text, ts, thread_ts: thread, channel: 'C0GENERAL' }, nextId());
    await mention('<@UBOT> what http client should I use', thread);
    await waitUntil(() => since('chat.postMessage', from).length === 1);
    await mention('<@UBOT> and for async?', '1700000251.000100');
    await waitUntil(() => since('chat.postMessage', from).length === 2);
    const [, followUp] = since('chat.postMessage', from);
    expect(followUp?.body.thread_ts).toBe(thread);
    expect(JSON.stringify(followUp?.body.blocks)).toContain('HTTPX');
    // The same words in another thread have nothing to follow.
    await app.event(
      {
        type: 'app_mention',
        user: 'U0ASKER',
        text: '<@UBOT> and for async?',
        ts: '1700000260.000100',
        channel: 'C0GENERAL',
      },
      nextId(),
    );
    await waitUntil(() => since('chat.postMessage', from).length === 3);
    expect(JSON.stringify(since('chat.postMessage', from)[2]?.body.blocks)).toContain('follow-up');
  });

  it('answers a retried event exactly once', async () => {
    const from = fake.calls.length;
    const id = nextId();
    const event = {
      type: 'app_mention',
      user: 'U0ASKER',
      text: '<@UBOT> what is pydantic',
      ts: '1700000300.000400',
      channel: 'C0GENERAL',
    };
    expect((await app.event(event, id)).status).toBe(200);
    const retry = await app.event(event, id, {
      'x-slack-retry-num': '1',
      'x-slack-retry-reason': 'http_timeout',
    });
    expect(retry.status).toBe(200);
    await app.event(event, id, { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' });
    await waitUntil(() => since('chat.postMessage', from).length >= 1);
    await sleep(500);
    expect(since('chat.postMessage', from)).toHaveLength(1);
    expect(app.logs()).toContain('duplicate delivery skipped');
  });

  it('answers a direct message in the DM, after a one-time welcome with three example buttons', async () => {
    const from = fake.calls.length;
    const dm = (ts: string) => ({
      type: 'message',
      channel_type: 'im',
      channel: 'D0DM',
      user: 'U0ASKER',
      text: 'what should I use for background jobs',
      ts,
    });
    await app.event(dm('1700000500.000600'), nextId());
    await waitUntil(() => since('chat.postMessage', from).length === 2);
    const [welcome, post] = since('chat.postMessage', from);
    expect(welcome?.body.text).toMatch(/^Hi! I'm pystack/);
    const buttons = welcome?.body.blocks.find((b: { type: string }) => b.type === 'actions').elements;
    expect(buttons).toHaveLength(3);
    expect(blockKitProblems(welcome?.body ?? {})).toEqual([]);
    expect(post?.body.channel).toBe('D0DM');
    expect(JSON.stringify(post?.body.blocks)).toContain('Celery');
    // Native feedback under a message in a conversation.
    expect(post?.body.blocks.some((b: { type: string }) => b.type === 'context_actions')).toBe(true);
    expect(blockKitProblems(post?.body ?? {})).toEqual([]);
    await app.event(dm('1700000501.000600'), nextId());
    await waitUntil(() => since('chat.postMessage', from).length === 3);
    await sleep(300);
    expect(since('chat.postMessage', from)).toHaveLength(3); // no second welcome
  });

  it("ignores the bot's own messages and other bots", async () => {
    const from = fake.calls.length;
    await app.event(
      {
        type: 'message',
        channel_type: 'im',
        channel: 'D0DM',
        user: 'UBOT',
        bot_id: 'BBOT',
        text: 'Celery vs RQ',
        ts: '1700000600.000700',
      },
      nextId(),
    );
    await app.event(
      {
        type: 'message',
        channel_type: 'im',
        channel: 'D0DM',
        bot_id: 'B0OTHER',
        subtype: 'bot_message',
        text: 'lib httpx',
        ts: '1700000601.000700',
      },
      nextId(),
    );
    await app.event(
      {
        type: 'app_mention',
        user: 'U0OTHERBOT',
        bot_id: 'B0OTHER',
        text: '<@UBOT> lib httpx',
        ts: '1700000602.000700',
        channel: 'C0GENERAL',
      },
      nextId(),
    );
    await sleep(800);
    expect(since('chat.postMessage', from)).toHaveLength(0);
  });

  it('never turns user text into a channel-wide mention or a user ping', async () => {
    const from = fake.calls.length;
    await app.event(
      {
        type: 'app_mention',
        user: 'U0ASKER',
        text: '<@UBOT> what is <!here> <@U0VICTIM> frobnitz &lt;!everyone&gt;',
        ts: '1700000700.000800',
        channel: 'C0GENERAL',
      },
      nextId(),
    );
    await waitUntil(() => since('chat.postMessage', from).length === 1);
    const json = JSON.stringify(since('chat.postMessage', from)[0]?.body);
    for (const bad of ['<!here', '<!everyone', '<!channel', '<@U0VICTIM']) expect(json).not.toContain(bad);
  });
});

describe('buttons and App Home', () => {
  const value = JSON.stringify({ q: 'compare django flask' });

  it('Share in channel posts the answer for everyone, says who asked, and removes the ephemeral copy', async () => {
    const from = fake.calls.length;
    const res = await app.action(buttonClick(fake, 'pystack_share', value));
    expect(res.status).toBe(200);
    await waitUntil(() => since('response', from).length === 2);
    const [shared, removed] = since('response', from);
    expect(shared?.body.response_type).toBe('in_channel');
    expect(shared?.body.blocks[0].text.text).toBe('Django vs Flask');
    expect(JSON.stringify(shared?.body.blocks)).toContain('Shared by <@U0CLICKER>');
    expect(removed?.body.delete_original).toBe(true);
    expect(blockKitProblems(shared?.body ?? {})).toEqual([]);
  });

  it('a feedback click is acknowledged, shown as counted, and logged without user text', async () => {
    const from = fake.calls.length;
    const res = await app.action(
      buttonClick(fake, 'pystack_feedback_up', JSON.stringify({ q: 'what is the secret-question-xyz httpx' })),
    );
    expect(res.status).toBe(200);
    await waitUntil(() => since('response', from).length === 1);
    const updated = since('response', from)[0];
    expect(updated?.body.replace_original).toBe(true);
    expect(JSON.stringify(updated?.body.blocks)).toContain('your vote was recorded');
    expect(JSON.stringify(updated?.body.blocks)).not.toContain('pystack_feedback_up');
    const line = app
      .logs()
      .split('\n')
      .find((l) => l.includes('"event":"feedback"'));
    expect(line).toBeDefined();
    expect(JSON.parse(line ?? '{}')).toMatchObject({
      vote: 'up',
      intent: expect.any(String),
      subjects: expect.any(Array),
    });
    expect(app.logs()).not.toContain('secret-question-xyz');
  });

  it('feedback on a channel message is shown to the voter alone, never rewriting the message', async () => {
    const from = fake.calls.length;
    await app.action(buttonClick(fake, 'pystack_feedback_down', value, { ephemeral: false, ts: '1700000900.000100' }));
    await waitUntil(() => since('chat.postEphemeral', from).length === 1);
    const note = since('chat.postEphemeral', from)[0];
    expect(note?.body).toMatchObject({ channel: 'C0GENERAL', user: 'U0CLICKER' });
    expect(note?.body.text).toMatch(/vote was recorded/);
    expect(since('chat.update', from)).toHaveLength(0);
  });

  it('publishes the App Home with commands and knowledge stats', async () => {
    const from = fake.calls.length;
    await app.event(
      { type: 'app_home_opened', user: 'U0ASKER', channel: 'D0DM', tab: 'home', event_ts: '1700001000.0001' },
      nextId(),
    );
    await waitUntil(() => since('views.publish', from).length === 1);
    const view = since('views.publish', from)[0]?.body.view;
    expect(view.type).toBe('home');
    const json = JSON.stringify(view.blocks);
    expect(json).toContain('/pystack compare django fastapi');
    expect(json).toMatch(/Checklists\*\\n\d+/);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
  });
});

describe('logs and shutdown', () => {
  it('logs one line per answered request and never a token or the signing secret', async () => {
    const logs = app.logs();
    expect(logs).toMatch(/"msg":"answered"/);
    expect(logs).toMatch(/"intent":"compare"/);
    expect(logs).not.toContain(TOKEN);
    expect(logs).not.toContain(SECRET);
    expect(logs).not.toMatch(/xoxb-[A-Za-z0-9]/);
  });

  it('stops on SIGTERM with exit code 0 within 5 s', async () => {
    const t0 = Date.now();
    const code = await app.stop();
    expect(code).toBe(0);
    expect(Date.now() - t0).toBeLessThan(5000);
  });
});
