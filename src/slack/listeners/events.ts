/**
 * Mentions (answered in the thread) and direct messages (answered in the DM). The bot never
 * answers itself or other bots, and each event id is answered once (see dedupe middleware).
 */
import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { withActions } from '../../render/actions.js';
import { renderBlocks } from '../../render/blocks.js';
import { type SlackContext, slackMessage, subjectIds } from '../context.js';
import { deliveryUnconfirmed } from '../delivery.js';

interface Incoming {
  door: 'mention' | 'dm';
  channel: string;
  user?: string;
  text: string;
  threadTs?: string;
  eventId?: string;
  team?: string;
}

const APOLOGY = "Sorry, I couldn't post my answer just now. Please ask again in a moment.";
const UNCONFIRMED = "Slack didn't confirm my answer in time. If you don't see it here, please ask again.";

/** Answers one message; on failure logs with context and apologises where Slack still allows. */
export async function reply(client: WebClient, ctx: SlackContext, m: Incoming): Promise<boolean> {
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
  const where = {
    door: m.door,
    channel: m.channel,
    thread_ts: m.threadTs,
    event_id: m.eventId,
    intent: answer.intent,
  };
  try {
    await client.chat.postMessage({
      channel: m.channel,
      thread_ts: m.threadTs,
      ...slackMessage(msg),
      unfurl_links: false,
    });
    ctx.log.info({ ...where, subjects: subjectIds(answer), ms }, 'answered');
    return true;
  } catch (err) {
    // A timeout may hide a message Slack did post: it is not retried (see delivery.ts), only reported.
    const unconfirmed = deliveryUnconfirmed(err);
    ctx.log.error(
      { ...where, err },
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
    const threadTs = event.thread_ts ?? event.ts;
    await reply(client, ctx, {
      door: 'mention',
      channel: event.channel,
      user: event.user,
      text: event.text,
      threadTs,
      eventId: body.event_id,
      team: body.team_id,
    });
  });

  app.event('message', async ({ event, client, body, context }) => {
    if (event.channel_type !== 'im' || event.subtype !== undefined) return;
    if (event.bot_id || (context.botUserId && event.user === context.botUserId)) return;
    await reply(client, ctx, {
      door: 'dm',
      channel: event.channel,
      user: event.user,
      text: event.text ?? '',
      threadTs: event.thread_ts,
      eventId: body.event_id,
      team: body.team_id,
    });
  });
}
