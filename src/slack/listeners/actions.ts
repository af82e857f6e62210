/**
 * Button clicks: Share in channel, 👍/👎 feedback and Another tip. Each click is acknowledged at
 * once; the answer is re-derived from the question in the button (answers are deterministic).
 * A replayed click is handled once (app.ts); Share posts once per message however often it is
 * clicked; a vote is stored once per user per answer and can be changed.
 */
import type { App, BlockAction, ButtonAction, RespondFn } from '@slack/bolt';
import { ACTIONS, type ButtonValue, decodeValue, feedbackCounted, USER_ID, withActions } from '../../render/actions.js';
import { renderBlocks } from '../../render/blocks.js';
import { CLAIM_TTL_SEC, type SlackContext, slackMessage, subjectIds, teamOf } from '../context.js';

function message(
  ctx: SlackContext,
  v: ButtonValue,
  opts: { share?: boolean; feedback?: boolean; footnote?: string } = {},
) {
  const answer = ctx.engine.answer(v.q, { tipSeed: v.seed ?? ctx.today() });
  return {
    answer,
    msg: withActions(renderBlocks(answer), answer, { question: v.q, sharedBy: v.by, ...opts }),
  };
}

async function apologise(respond: RespondFn, ctx: SlackContext, text: string): Promise<void> {
  await respond({ response_type: 'ephemeral', replace_original: false, text }).catch((err: unknown) =>
    ctx.log.warn({ err }, 'apology not delivered'),
  );
}

export function registerActions(app: App, ctx: SlackContext): void {
  app.action<BlockAction<ButtonAction>>(ACTIONS.share, async ({ ack, body, action, respond }) => {
    await ack();
    const v = decodeValue(action.value);
    if (!v || !USER_ID.test(body.user.id)) return;
    const from = body.container?.message_ts ?? body.message?.ts ?? action.action_ts;
    const key = `share:${teamOf(body)}:${body.channel?.id ?? '-'}:${from}`;
    if (!(await ctx.claims.claim(key, CLAIM_TTL_SEC))) {
      ctx.log.info({ door: 'share', channel: body.channel?.id }, 'already shared; click skipped');
      return;
    }
    const { answer, msg } = message(ctx, { ...v, by: body.user.id });
    try {
      await respond({ response_type: 'in_channel', replace_original: false, ...slackMessage(msg) });
      ctx.log.info(
        { door: 'share', intent: answer.intent, subjects: subjectIds(answer), channel: body.channel?.id },
        'shared',
      );
    } catch (err) {
      ctx.log.error({ err, door: 'share', channel: body.channel?.id }, 'share not delivered');
      await ctx.claims.release(key).catch(() => {}); // not shared: a later click may try again
      return apologise(respond, ctx, "Sorry, I couldn't share that in the channel. Please try again.");
    }
    await respond({ delete_original: true }).catch((err: unknown) =>
      ctx.log.warn({ err }, 'ephemeral copy not removed'),
    );
  });

  app.action<BlockAction<ButtonAction>>(
    new RegExp(`^(?:${ACTIONS.up}|${ACTIONS.down})$`),
    async ({ ack, body, action, respond, client }) => {
      await ack();
      const v = decodeValue(action.value);
      if (!v) return;
      const vote = action.action_id === ACTIONS.up ? 'up' : 'down';
      const ephemeral = Boolean(body.container?.is_ephemeral);
      const answer = ctx.engine.answer(v.q, { tipSeed: v.seed ?? ctx.today() });
      const on = `${teamOf(body)}:${body.channel?.id ?? '-'}:${body.container?.message_ts ?? body.message?.ts ?? '-'}`;
      let before: 'up' | 'down' | undefined;
      try {
        before = await ctx.feedback.vote({
          answer: on,
          user: body.user.id,
          vote,
          intent: answer.intent,
          subjects: subjectIds(answer),
          at: Date.now(),
        });
      } catch (err) {
        ctx.log.error({ err, door: 'feedback' }, 'vote not stored');
        return apologise(respond, ctx, "Sorry, I couldn't record your vote just now. Please try again in a moment.");
      }
      ctx.log.info(
        { event: 'feedback', vote, changed_from: before, intent: answer.intent, subjects: subjectIds(answer) },
        'feedback stored',
      );
      const { msg } = message(ctx, v, {
        share: ephemeral && !v.by,
        feedback: false,
        footnote: feedbackCounted(vote),
      });
      try {
        if (!ephemeral && body.channel?.id && body.message?.ts) {
          await client.chat.update({ channel: body.channel.id, ts: body.message.ts, ...slackMessage(msg) });
        } else await respond({ replace_original: true, ...slackMessage(msg) });
      } catch (err) {
        ctx.log.error({ err, door: 'feedback' }, 'feedback note not shown');
      }
    },
  );

  app.action<BlockAction<ButtonAction>>(ACTIONS.anotherTip, async ({ ack, body, action, respond }) => {
    await ack();
    const v = decodeValue(action.value);
    if (!v) return;
    const { answer, msg } = message(ctx, { q: 'tip', seed: v.seed }, { share: true });
    const ephemeral = Boolean(body.container?.is_ephemeral);
    try {
      await respond({ response_type: 'ephemeral', replace_original: ephemeral, ...slackMessage(msg) });
      ctx.log.info({ door: 'another-tip', intent: answer.intent, subjects: subjectIds(answer) }, 'answered');
    } catch (err) {
      ctx.log.error({ err, door: 'another-tip' }, 'tip not delivered');
    }
  });
}
