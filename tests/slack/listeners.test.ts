/**
 * The listener callbacks, exported by name, driven with fakes (as in Slack's starter template):
 * no Bolt app, no HTTP. The E2E suites drive the same callbacks through the real app.
 */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { ChannelPacer } from '../../src/slack/delivery.js';
import type { SlackContext } from '../../src/slack/context.js';
import { onCommand } from '../../src/slack/listeners/commands.js';
import { JSON_ACK } from '../../src/slack/receiver.js';
import { adminCheck } from '../../src/slack/listeners/home.js';
import { onAskShortcut } from '../../src/slack/listeners/shortcuts.js';
import { onLinkShared } from '../../src/slack/listeners/unfurls.js';
import { compose, REPLY_CACHE_SIZE } from '../../src/slack/reply.js';
import { MemoryClaims } from '../../src/state/claims.js';
import { MemoryCorrections } from '../../src/state/corrections.js';
import { MemoryFeedback } from '../../src/state/feedback.js';
import { MemoryGaps } from '../../src/state/gaps.js';
import { MemoryThreadContext } from '../../src/state/thread-context.js';
import { realEngine } from '../helpers/kb.js';

function context(over: Partial<SlackContext> = {}): SlackContext {
  return {
    engine: realEngine(),
    log: createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, done) => done() }) }),
    today: () => 0,
    threads: new MemoryThreadContext(),
    claims: new MemoryClaims(),
    feedback: new MemoryFeedback(),
    corrections: new MemoryCorrections(),
    gaps: new MemoryGaps(),
    pacer: new ChannelPacer(),
    adminUsers: new Set(),
    ...over,
  };
}

describe('listener callbacks with fakes', () => {
  it('onCommand acknowledges with the ephemeral answer', async () => {
    const acked: Record<string, unknown>[] = [];
    await onCommand(context())({
      command: { text: 'compare celery rq', team_id: 'T1' } as never,
      ack: (async (r: Record<string, unknown>) => void acked.push(r)) as never,
    });
    expect(acked[0]).toMatchObject({ response_type: 'ephemeral' });
    expect(JSON.stringify(acked[0])).toContain('Celery');
  });

  it('onCommand acknowledges with JSON text, the same answer, where the HTTP receiver typed the response as JSON', async () => {
    const acked: unknown[] = [];
    const ctx = context();
    for (const jsonAck of [false, true, true])
      await onCommand(ctx)({
        command: { text: 'compare celery rq', team_id: 'T1' } as never,
        ack: (async (r: unknown) => void acked.push(r)) as never,
        context: (jsonAck ? { [JSON_ACK]: true } : {}) as never,
      });
    const [object, text, again] = acked;
    expect(typeof text).toBe('string');
    expect(JSON.parse(text as string)).toEqual(object);
    expect(again).toBe(text); // a cached reply's text is worked out once
  });

  it('onAskShortcut posts an ephemeral answer in the message thread', async () => {
    const posts: Record<string, unknown>[] = [];
    const client = { chat: { postEphemeral: async (a: Record<string, unknown>) => void posts.push(a) } };
    await onAskShortcut(context())({
      ack: async () => {},
      shortcut: {
        channel: { id: 'C1' },
        user: { id: 'U1' },
        message: { text: 'what is ruff', ts: '1.1', thread_ts: '0.9' },
      },
      client: client as never,
    });
    expect(posts[0]).toMatchObject({ channel: 'C1', user: 'U1', thread_ts: '0.9' });
  });

  it('onLinkShared unfurls known PyPI packages only, by unfurl_id when Slack gives one', async () => {
    const calls: Record<string, unknown>[] = [];
    const client = { chat: { unfurl: async (a: never) => void calls.push(a) } };
    await onLinkShared(context())({
      event: {
        unfurl_id: 'U123',
        source: 'composer',
        links: [{ url: 'https://pypi.org/project/Django/5.1/' }, { url: 'https://example.com/x' }],
      },
      client,
    });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ unfurl_id: 'U123', source: 'composer' });
    expect(Object.keys(calls[0]?.unfurls as object)).toEqual(['https://pypi.org/project/Django/5.1/']);
    await onLinkShared(context())({ event: { links: [{ url: 'https://pypi.org/project/nope/' }] }, client });
    expect(calls).toHaveLength(1);
  });
});

describe('the gaps log', () => {
  it('records a typed question answered with "unknown" or a search list, normalised, without who asked', async () => {
    const gaps = new MemoryGaps();
    compose(context({ gaps }), { question: '  What is <@U123> ZORBLATT?? ', door: 'command' });
    compose(context({ gaps }), { question: 'compare django flask', door: 'command' });
    await new Promise((r) => setTimeout(r, 10));
    const top = await gaps.top(0, 10);
    expect(top).toHaveLength(1);
    expect(top[0]?.question).not.toContain('U123');
    expect(top[0]?.intent).toMatch(/unknown|search/);
  });

  it('records nothing from re-derived answers (Share, feedback), nor with RECORD_GAPS=off (no store)', async () => {
    const gaps = new MemoryGaps();
    compose(context({ gaps }), { question: 'what is zorblatt', door: 'share' });
    compose(context({ gaps: undefined }), { question: 'what is zorblatt', door: 'command' });
    await new Promise((r) => setTimeout(r, 10));
    expect(await gaps.top(0, 10)).toEqual([]);
  });
});

describe('the reply cache', () => {
  it('answers and renders a question asked again once, and still records each typed gap', async () => {
    const engine = realEngine();
    let calls = 0;
    const counting = {
      ...engine,
      answer: (...args: Parameters<typeof engine.answer>) => {
        calls++;
        return engine.answer(...args);
      },
    };
    const gaps = new MemoryGaps();
    const ctx = context({ engine: counting, gaps });
    const first = compose(ctx, { question: 'compare django fastapi', door: 'command', shareable: true });
    const again = compose(ctx, { question: 'compare django fastapi', door: 'command', shareable: true });
    expect(calls).toBe(1);
    expect(again.message).toEqual(first.message);
    // What decides the reply is the key: another tip seed, thread, or set of buttons is answered anew.
    compose(ctx, { question: 'compare django fastapi', door: 'command', shareable: true, tipSeed: 3 });
    compose(ctx, { question: 'compare django fastapi', door: 'command', shareable: false });
    compose(ctx, { question: 'and for async?', door: 'mention', previous: 'compare django fastapi' });
    expect(calls).toBe(4);
    compose(ctx, { question: 'what is zorblatt', door: 'command' });
    compose(ctx, { question: 'what is zorblatt', door: 'command' });
    expect(calls).toBe(5);
    await new Promise((r) => setTimeout(r, 10));
    expect((await gaps.top(0, 10))[0]?.count).toBe(2);
  });

  it('keeps at most REPLY_CACHE_SIZE replies, the least recently used leaving first', () => {
    const engine = realEngine();
    let calls = 0;
    const counting = { ...engine, answer: (...a: Parameters<typeof engine.answer>) => (calls++, engine.answer(...a)) };
    const ctx = context({ engine: counting });
    for (let i = 0; i <= REPLY_CACHE_SIZE; i++) compose(ctx, { question: `lib httpx ${i}`, door: 'command' });
    expect(calls).toBe(REPLY_CACHE_SIZE + 1);
    compose(ctx, { question: `lib httpx ${REPLY_CACHE_SIZE}`, door: 'command' }); // newest: still kept
    expect(calls).toBe(REPLY_CACHE_SIZE + 1);
    compose(ctx, { question: 'lib httpx 0', door: 'command' }); // oldest: gone
    expect(calls).toBe(REPLY_CACHE_SIZE + 2);
  });
});

describe('who sees the maintainers view', () => {
  it('workspace admins and owners (users.info, asked once), ADMIN_USERS, and nobody when users.info fails', async () => {
    const asked: string[] = [];
    const users: Record<string, { is_admin?: boolean; is_owner?: boolean }> = {
      U1: { is_admin: true },
      U2: { is_owner: true },
      U3: {},
    };
    const client = {
      users: {
        info: async ({ user }: { user: string }) => {
          asked.push(user);
          if (user === 'U4') throw new Error('missing_scope');
          return { user: users[user] };
        },
      },
    } as never;
    const isAdmin = adminCheck(context({ adminUsers: new Set(['U9']) }));
    expect(await isAdmin(client, 'U1')).toBe(true);
    expect(await isAdmin(client, 'U2')).toBe(true);
    expect(await isAdmin(client, 'U3')).toBe(false);
    expect(await isAdmin(client, 'U4')).toBe(false);
    expect(await isAdmin(client, 'U9')).toBe(true);
    expect(await isAdmin(client, 'U1')).toBe(true);
    expect(asked).toEqual(['U1', 'U2', 'U3', 'U4']); // cached; ADMIN_USERS needs no call
  });
});
