/**
 * Button clicks: Share in channel, 👍/👎 (ordinary buttons on ephemeral answers, Slack's native
 * feedback buttons elsewhere), Another tip, "Wrong or outdated?" (opens a modal), the welcome's
 * and App Home's question buttons, and App Home's "Compare…". Each click is acknowledged at once;
 * an answer is re-derived from the question in the button (answers are deterministic). A replayed
 * click is handled once (app.ts); Share posts once per message however often it is clicked; a
 * vote is stored once per user per answer, can be changed, and is shown to the voter only.
 */
import type { BlockAction, ButtonAction, RespondFn } from '@slack/bolt';
import type { Routes } from '../routes.js';
import type { WebClient } from '@slack/web-api';
import { ACTIONS, type ButtonValue, decodeValue, USER_ID, voteRecorded } from '../../render/actions.js';
import { compareModal, correctionModal } from '../../render/modals.js';
import { CLAIM_TTL_SEC, type SlackContext, subjectIds, teamOf } from '../context.js';
import { answered, compose } from '../reply.js';

type Click = BlockAction<ButtonAction> & { actions: { value?: string; action_id: string; type: string }[] };
interface ClickArgs {
  ack: () => Promise<void>;
  body: Click;
  respond: RespondFn;
  client: WebClient;
}

async function apologise(respond: RespondFn, ctx: SlackContext, text: string): Promise<void> {
  await respond({ response_type: 'ephemeral', replace_original: false, text }).catch((err: unknown) =>
    ctx.log.warn({ err }, 'apology not delivered'),
  );
}

const valueOf = (body: Click) => decodeValue(body.actions[0]?.value);
const messageTs = (body: Click) => body.container?.message_ts ?? body.message?.ts;

export const onShare =
  (ctx: SlackContext) =>
  async ({ ack, body, respond }: ClickArgs) => {
    await ack();
    const v = valueOf(body);
    if (!v || !USER_ID.test(body.user.id)) return;
    const key = `share:${teamOf(body)}:${body.channel?.id ?? '-'}:${messageTs(body) ?? body.actions[0]?.action_ts}`;
    if (!(await ctx.claims.claim(key, CLAIM_TTL_SEC))) {
      ctx.log.info({ door: 'share', channel: body.channel?.id }, 'already shared; click skipped');
      return;
    }
    const r = compose(ctx, { question: v.q, door: 'share', tipSeed: v.seed, sharedBy: body.user.id, native: true });
    try {
      await respond({ response_type: 'in_channel', replace_original: false, ...r.message });
      answered(ctx, r, { door: 'share', channel: body.channel?.id }, 'shared');
    } catch (err) {
      ctx.log.error({ err, door: 'share', channel: body.channel?.id }, 'share not delivered');
      await ctx.claims.release(key).catch(() => {}); // not shared: a later click may try again
      return apologise(respond, ctx, "Sorry, I couldn't share that in the channel. Please try again.");
    }
    await respond({ delete_original: true }).catch((err: unknown) =>
      ctx.log.warn({ err }, 'ephemeral copy not removed'),
    );
  };

export const onFeedback =
  (ctx: SlackContext) =>
  async ({ ack, body, respond, client }: ClickArgs) => {
    await ack();
    const v = valueOf(body);
    if (!v || !USER_ID.test(body.user.id)) return;
    const id = body.actions[0]?.action_id;
    const vote: 'up' | 'down' = id === ACTIONS.feedback ? (v.vote ?? 'up') : id === ACTIONS.up ? 'up' : 'down';
    const answer = ctx.engine.answer(v.q, { tipSeed: v.seed ?? ctx.today() });
    const channel = body.channel?.id;
    let before: 'up' | 'down' | undefined;
    try {
      before = await ctx.feedback.vote({
        answer: `${teamOf(body)}:${channel ?? '-'}:${messageTs(body) ?? '-'}`,
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
      {
        event: 'feedback',
        vote,
        changed_from: before,
        intent: answer.intent,
        subjects: subjectIds(answer),
      },
      'feedback stored',
    );
    const note = voteRecorded(vote, before);
    try {
      if (body.container?.is_ephemeral) {
        // Only the voter sees an ephemeral answer: show the vote in place of the buttons.
        const r = compose(ctx, { question: v.q, door: 'feedback', tipSeed: v.seed, feedback: false, footnote: note });
        await respond({ replace_original: true, ...r.message });
      } else if (channel) {
        // Everyone sees this message: tell the voter alone, never rewrite it for all.
        const thread = (body.message as { thread_ts?: string } | undefined)?.thread_ts;
        await client.chat.postEphemeral({ channel, user: body.user.id, thread_ts: thread, text: note });
      }
    } catch (err) {
      ctx.log.error({ err, door: 'feedback' }, 'vote note not shown');
    }
  };

export const onAnotherTip =
  (ctx: SlackContext) =>
  async ({ ack, body, respond }: ClickArgs) => {
    await ack();
    const v = valueOf(body);
    if (!v) return;
    const r = compose(ctx, { question: 'tip', door: 'another-tip', tipSeed: v.seed, shareable: true });
    try {
      await respond({
        response_type: 'ephemeral',
        replace_original: Boolean(body.container?.is_ephemeral),
        ...r.message,
      });
      answered(ctx, r, { door: 'another-tip' });
    } catch (err) {
      ctx.log.error({ err, door: 'another-tip' }, 'tip not delivered');
    }
  };

/** "Wrong or outdated?": opens the modal at once (a trigger_id lasts 3 s). */
export const onCorrect =
  (ctx: SlackContext) =>
  async ({ ack, body, client }: ClickArgs) => {
    await ack();
    const v = valueOf(body);
    if (!v || !body.trigger_id) return;
    const answer = ctx.engine.answer(v.q, { tipSeed: v.seed ?? ctx.today() });
    const about = answer.subjects.map((s) => s.name).join(', ') || answer.title;
    const meta = { q: v.q, seed: v.seed, channel: body.channel?.id, ts: messageTs(body) };
    try {
      await client.views.open({ trigger_id: body.trigger_id, view: correctionModal(meta, about) as never });
      ctx.log.info({ door: 'correction', intent: answer.intent }, 'correction form opened');
    } catch (err) {
      ctx.log.error({ err, door: 'correction' }, 'correction form not opened');
    }
  };

/** A button that asks its question: answered in the DM it was clicked in, or the person's DM with the bot. */
export const onAsk =
  (ctx: SlackContext) =>
  async ({ ack, body, client }: ClickArgs) => {
    await ack();
    const v: ButtonValue | undefined = valueOf(body);
    if (!v || !USER_ID.test(body.user.id)) return;
    const fromHome = body.container?.type === 'view';
    const channel = fromHome ? body.user.id : (body.channel?.id ?? body.user.id);
    const r = compose(ctx, { question: v.q, door: fromHome ? 'home' : 'welcome', native: true });
    try {
      await ctx.pacer.send(channel, () => client.chat.postMessage({ channel, ...r.message, unfurl_links: false }));
      answered(ctx, r, { door: fromHome ? 'home' : 'welcome' });
    } catch (err) {
      ctx.log.error({ err, door: 'ask-button' }, 'answer not delivered');
    }
  };

export const onCompareOpen =
  (ctx: SlackContext) =>
  async ({ ack, body, client }: ClickArgs) => {
    await ack();
    if (!body.trigger_id) return;
    try {
      await client.views.open({ trigger_id: body.trigger_id, view: compareModal() as never });
    } catch (err) {
      ctx.log.error({ err, door: 'home' }, 'compare picker not opened');
    }
  };

export function registerActions(app: Routes, ctx: SlackContext): void {
  // Bolt's action types do not know every element (feedback_buttons): the handlers read what they need.
  const on = (id: string | RegExp, handler: (args: ClickArgs) => Promise<void>) =>
    app.action(id, (args: unknown) => handler(args as ClickArgs));
  on(ACTIONS.share, onShare(ctx));
  on(new RegExp(`^(?:${ACTIONS.up}|${ACTIONS.down}|${ACTIONS.feedback})$`), onFeedback(ctx));
  on(ACTIONS.anotherTip, onAnotherTip(ctx));
  on(ACTIONS.correct, onCorrect(ctx));
  on(new RegExp(`^${ACTIONS.ask}(?:_\\d+)?$`), onAsk(ctx));
  on(ACTIONS.compareOpen, onCompareOpen(ctx));
}
