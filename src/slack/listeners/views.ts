/**
 * Modal submissions and typeahead: the "Wrong or outdated?" form (stored as a correction with
 * the answer's intent and entry ids, and posted to FEEDBACK_CHANNEL for the maintainers), and
 * App Home's compare picker (`compare_pick` options over every package; 2 to 4 picked; the
 * comparison arrives in the person's DM with the bot).
 */
import type { SlackOptionsMiddlewareArgs } from '@slack/bolt';
import type { Routes } from '../routes.js';
import type { WebClient } from '@slack/web-api';
import { entryPath } from '../../knowledge/model.js';
import { compareOptions } from '../../render/home.js';
import { escapeMrkdwn } from '../../render/mrkdwn.js';
import { INPUTS, MAX_COMPARED, MODALS, type CorrectionMeta } from '../../render/modals.js';
import { CORRECTION_MAX } from '../../state/corrections.js';
import { type SlackContext, subjectIds } from '../context.js';
import { answered, compose } from '../reply.js';

interface ViewArgs {
  ack: (response?: Record<string, unknown>) => Promise<void>;
  body: { user: { id: string }; team?: { id?: string } | null };
  view: {
    private_metadata?: string;
    state: {
      values: Record<string, Record<string, { value?: string | null; selected_options?: { value: string }[] }>>;
    };
  };
  client: WebClient;
}

function metaOf(raw: string | undefined): CorrectionMeta | undefined {
  try {
    const m = JSON.parse(raw ?? '') as Partial<CorrectionMeta>;
    return typeof m.q === 'string' ? (m as CorrectionMeta) : undefined;
  } catch {
    return undefined;
  }
}

export const onCorrection =
  (ctx: SlackContext) =>
  async ({ ack, body, view, client }: ViewArgs) => {
    const { block, action } = INPUTS.correction;
    const text = (view.state.values[block]?.[action]?.value ?? '').trim().slice(0, CORRECTION_MAX);
    const meta = metaOf(view.private_metadata);
    if (text.length < 3)
      return ack({ response_action: 'errors', errors: { [block]: 'Say in a few words what is wrong.' } });
    if (!meta) return ack();
    const answer = ctx.engine.answer(meta.q, { tipSeed: meta.seed ?? ctx.today() });
    const subjects = subjectIds(answer);
    try {
      await ctx.corrections.add({ intent: answer.intent, subjects, text, user: body.user.id, at: Date.now() });
    } catch (err) {
      ctx.log.error({ err, door: 'correction' }, 'correction not stored');
      return ack({
        response_action: 'errors',
        errors: { [block]: "Sorry, I couldn't save this just now. Please try again." },
      });
    }
    await ack();
    ctx.log.info({ door: 'correction', intent: answer.intent, subjects }, 'correction stored');
    if (!ctx.feedbackChannel) return;
    const about = answer.subjects.map((s) => s.name).join(', ') || answer.title;
    const paths = subjects.map((id) => entryPath(ctx.engine.knowledge, id));
    const lines = [
      `:memo: *Correction* from <@${body.user.id}> on *${escapeMrkdwn(about)}* (${answer.intent})`,
      `>${escapeMrkdwn(text).replace(/\n/g, '\n>')}`,
      paths.length ? `Entries: ${paths.map((p) => `\`${escapeMrkdwn(p)}\``).join(', ')}` : 'Entries: none',
    ];
    try {
      await ctx.pacer.send(ctx.feedbackChannel, () =>
        client.chat.postMessage({
          channel: ctx.feedbackChannel as string,
          text: `Correction on ${about}: ${text}`.slice(0, 3000),
          blocks: [{ type: 'section', text: { type: 'mrkdwn', text: lines.join('\n').slice(0, 3000) } }],
          unfurl_links: false,
        }),
      );
    } catch (err) {
      ctx.log.error(
        { err, door: 'correction', channel: ctx.feedbackChannel },
        'correction not posted to FEEDBACK_CHANNEL',
      );
    }
  };

export const onCompare =
  (ctx: SlackContext) =>
  async ({ ack, body, view, client }: ViewArgs) => {
    const { block, action } = INPUTS.compare;
    const picked = (view.state.values[block]?.[action]?.selected_options ?? []).map((o) => o.value);
    const ids = picked.filter((id) => ctx.engine.knowledge.entries.has(id));
    if (ids.length < 2 || ids.length > MAX_COMPARED)
      return ack({ response_action: 'errors', errors: { [block]: `Pick 2 to ${MAX_COMPARED} to compare.` } });
    await ack();
    const names = ids.map((id) => ctx.engine.knowledge.entries.get(id)?.id ?? id);
    const r = compose(ctx, { question: `compare ${names.join(' ')}`, door: 'home', native: true });
    const channel = body.user.id; // the person's DM with the bot
    try {
      await ctx.pacer.send(channel, () => client.chat.postMessage({ channel, ...r.message, unfurl_links: false }));
      answered(ctx, r, { door: 'home' });
    } catch (err) {
      ctx.log.error({ err, door: 'home' }, 'comparison not delivered');
    }
  };

type OptionsArgs = Pick<SlackOptionsMiddlewareArgs, 'options' | 'ack'>;

export function registerViews(routes: Routes, ctx: SlackContext): void {
  routes.view(MODALS.correction, (args: unknown) => onCorrection(ctx)(args as ViewArgs));
  routes.view(MODALS.compare, (args: unknown) => onCompare(ctx)(args as ViewArgs));
  routes.options(INPUTS.compare.action, async ({ options, ack }: OptionsArgs) => {
    const query =
      typeof (options as { value?: unknown }).value === 'string' ? (options as { value: string }).value : '';
    await ack({ options: compareOptions(ctx.engine.knowledge, query) as never });
  });
}
