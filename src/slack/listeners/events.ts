/**
 * Mentions (answered in the thread) and direct messages (answered in the DM). The bot never
 * answers itself or other bots; each event id is handled once (the claim middleware in app.ts),
 * and each message once even when Slack delivers it both as `message.im` and `app_mention`.
 */
import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { withActions } from '../../render/actions.js';
import { renderBlocks } from '../../render/blocks.js';
import { CLAIM_TTL_SEC, type SlackContext, slackMessage, subjectIds } from '../context.js';
import { deliveryUnconfirmed } from '../delivery.js';

interface Incoming {
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

/** Event text Slack may send without, or as something other than a string. */
const textOf = (v: unknown): string => (typeof v === 'string' ? v : '');
const idOf = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/** Answers one message; on failure logs with context and apologises where Slack still allows. */
export async function reply(client: WebClient, ctx: SlackContext, m: Incoming): Promise<boolean> {
  const where = { door: m.door, channel: m.channel, thread_ts: m.threadTs, event_id: m.eventId };
  // One message can arrive twice under two event ids (a mention in a DM is also a message.im).
  if (m.ts && !(await ctx.claims.claim(`message:${m.team ?? '-'}:${m.channel}:${m.ts}`, CLAIM_TTL_SEC))) {
    ctx.log.info(where, 'message already answered under another event; skipped');
    return false;
  }
  const t0 = performance.now();
  // A thread (or a DM) remembers its last question, so "and for async?" is read with it.
  const thread = m.threadTs || m.door === 'dm' ? `${m.team ?? ''}:${m.channel}:${m.threadTs ?? ''}` : undefined;
  const previous = thread ? await ctx.threads.get(thread).catch(() => undefined) : undefined;
  const answer = ctx.engine.answer(m.text, { tipSeed: ctx.today(), previous });
  if (thread && answer.intent !== 'thanks' && answer.intent !== 'help')
    await ctx.threads
      .set(thread, answer.asked ?? m.text)
      .catch((err: unknown) => ctx.log.warn({ err }, 'thread context not saved'));
  const ms = Number((performance.now() - t0).toFixed(3));
  const msg = withActions(renderBlocks(answer), answer, { question: m.text });
  try {
    await ctx.pacer.send(m.channel, () =>
      client.chat.postMessage({
        channel: m.channel,
        thread_ts: m.threadTs,
        ...slackMessage(msg),
        unfurl_links: false,
      }),
    );
    ctx.log.info({ ...where, intent: answer.intent, subjects: subjectIds(answer), ms }, 'answered');
    return true;
  } catch (err) {
    // A timeout may hide a message Slack did post: it is not retried (see delivery.ts), only reported.
    const unconfirmed = deliveryUnconfirmed(err);
    ctx.log.error(
      { ...where, intent: answer.intent, err },
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

export function registerEvents(app: App, ctx: SlackContext): void {
  app.event('app_mention', async ({ event, client, body, context }) => {
    if (event.bot_id || (context.botUserId && event.user === context.botUserId)) return;
    const channel = idOf(event.channel);
    if (!channel) return void ctx.log.warn({ event_id: body.event_id }, 'mention without a channel ignored');
    await reply(client, ctx, {
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

  app.event('message', async ({ event, client, body, context }) => {
    if (event.channel_type !== 'im' || event.subtype !== undefined) return;
    if (event.bot_id || (context.botUserId && event.user === context.botUserId)) return;
    const channel = idOf(event.channel);
    if (!channel) return void ctx.log.warn({ event_id: body.event_id }, 'message without a channel ignored');
    await reply(client, ctx, {
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
