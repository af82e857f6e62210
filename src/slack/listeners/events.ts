/**
 * Mentions (answered in the thread) and direct messages (answered in the DM). The bot never
 * answers itself or other bots; each event id is handled once (the claim middleware in app.ts),
 * and each message once even when Slack delivers it both as `message.im` and `app_mention`.
 * A person's first DM gets the welcome first (once per person, stored).
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Routes } from '../routes.js';
import type { WebClient } from '@slack/web-api';
import { helpExamples } from '../../answer/intents.js';
import { welcomeMessage } from '../../render/welcome.js';
import { CLAIM_TTL_SEC, type SlackContext, slackMessage } from '../context.js';
import { deliveryUnconfirmed } from '../delivery.js';
import { answered, compose } from '../reply.js';

type EventArgs<T extends string> = SlackEventMiddlewareArgs<T> & AllMiddlewareArgs;

export interface Incoming {
  door: 'mention' | 'dm';
  channel: string;
  user?: string;
  text: string;
  ts?: string;
  threadTs?: string;
  eventId?: string;
  team?: string;
}

const APOLOGY = "Sorry, I couldn't post my answer just now. Please ask again in a moment.";
const UNCONFIRMED = "Slack didn't confirm my answer in time. If you don't see it here, please ask again.";
/** A welcome is sent once per person; "once" is kept this long (ten years). */
const WELCOME_TTL_SEC = 10 * 365 * 24 * 60 * 60;

/** Event text Slack may send without, or as something other than a string. */
const textOf = (v: unknown): string => (typeof v === 'string' ? v : '');
const idOf = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/** Posts the welcome in the person's DM with the bot, the first time only. */
export async function welcomeOnce(
  client: WebClient,
  ctx: SlackContext,
  who: { team?: string; user?: string; channel: string },
): Promise<boolean> {
  if (!who.user) return false;
  const first = await ctx.claims.claim(`welcome:${who.team ?? '-'}:${who.user}`, WELCOME_TTL_SEC);
  if (!first) return false;
  try {
    await ctx.pacer.send(who.channel, () =>
      client.chat.postMessage({ channel: who.channel, ...slackMessage(welcomeMessage(helpExamples())) }),
    );
    ctx.log.info({ door: 'welcome', channel: who.channel }, 'welcomed');
    return true;
  } catch (err) {
    ctx.log.warn({ err, door: 'welcome' }, 'welcome not delivered');
    await ctx.claims.release(`welcome:${who.team ?? '-'}:${who.user}`).catch(() => {});
    return false;
  }
}

/** Answers one message; on failure logs with context and apologises where Slack still allows. */
export async function answerMessage(client: WebClient, ctx: SlackContext, m: Incoming): Promise<boolean> {
  const where = { door: m.door, channel: m.channel, thread_ts: m.threadTs, event_id: m.eventId };
  // One message can arrive twice under two event ids (a mention in a DM is also a message.im).
  if (m.ts && !(await ctx.claims.claim(`message:${m.team ?? '-'}:${m.channel}:${m.ts}`, CLAIM_TTL_SEC))) {
    ctx.log.info(where, 'message already answered under another event; skipped');
    return false;
  }
  if (m.door === 'dm') await welcomeOnce(client, ctx, { team: m.team, user: m.user, channel: m.channel });
  // A thread (or a DM) remembers its last question, so "and for async?" is read with it.
  const thread = m.threadTs || m.door === 'dm' ? `${m.team ?? ''}:${m.channel}:${m.threadTs ?? ''}` : undefined;
  const previous = thread ? await ctx.threads.get(thread).catch(() => undefined) : undefined;
  const r = compose(ctx, { question: m.text, door: m.door, previous, native: true });
  if (thread && r.answer.intent !== 'thanks' && r.answer.intent !== 'help')
    await ctx.threads
      .set(thread, r.answer.asked ?? m.text)
      .catch((err: unknown) => ctx.log.warn({ err }, 'thread context not saved'));
  try {
    await ctx.pacer.send(m.channel, () =>
      client.chat.postMessage({ channel: m.channel, thread_ts: m.threadTs, ...r.message, unfurl_links: false }),
    );
    answered(ctx, r, where);
    return true;
  } catch (err) {
    // A timeout may hide a message Slack did post: it is not retried (see delivery.ts), only reported.
    const unconfirmed = deliveryUnconfirmed(err);
    ctx.log.error(
      { ...where, intent: r.answer.intent, err },
      unconfirmed ? 'answer not confirmed by Slack; not retried' : 'answer not delivered',
    );
    if (m.user) {
      const text = unconfirmed ? UNCONFIRMED : APOLOGY;
      await client.chat
        .postEphemeral({ channel: m.channel, user: m.user, thread_ts: m.threadTs, text })
        .catch((e: unknown) => ctx.log.warn({ ...where, err: e }, 'apology not delivered either'));
    }
    return false;
  }
}

export function registerEvents(app: Routes, ctx: SlackContext): void {
  app.event('app_mention', async ({ event, client, body, context }: EventArgs<'app_mention'>) => {
    if (event.bot_id || (context.botUserId && event.user === context.botUserId)) return;
    const channel = idOf(event.channel);
    if (!channel) return void ctx.log.warn({ event_id: body.event_id }, 'mention without a channel ignored');
    await answerMessage(client, ctx, {
      door: 'mention',
      channel,
      user: idOf(event.user),
      text: textOf(event.text),
      ts: idOf(event.ts),
      threadTs: idOf(event.thread_ts) ?? idOf(event.ts),
      eventId: body.event_id,
      team: body.team_id,
    });
  });

  app.event('message', async ({ event, client, body, context }: EventArgs<'message'>) => {
    if (event.channel_type !== 'im' || event.subtype !== undefined) return;
    if (event.bot_id || (context.botUserId && event.user === context.botUserId)) return;
    const channel = idOf(event.channel);
    if (!channel) return void ctx.log.warn({ event_id: body.event_id }, 'message without a channel ignored');
    await answerMessage(client, ctx, {
      door: 'dm',
      channel,
      user: idOf(event.user),
      text: textOf(event.text),
      ts: idOf(event.ts),
      threadTs: idOf(event.thread_ts),
      eventId: body.event_id,
      team: body.team_id,
    });
  });
}
