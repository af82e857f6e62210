/**
 * The one Slack reply seam: a question becomes a Slack message here, and nowhere else. Every
 * door (commands, mentions, DMs, buttons, the message shortcut, App Home, the welcome, tips)
 * calls `compose`: engine answer → blocks → buttons → Slack's types; link unfurls call
 * `composeUnfurl`. A question a person typed
 * that got "I don't know" or only a weak search list is recorded in the gaps log.
 *
 * @example
 * const r = compose(ctx, { question: 'compare django flask', door: 'command', shareable: true });
 * await ack({ response_type: 'ephemeral', ...r.message });
 * answered(ctx, r, { door: 'command' });
 */
import { isShareable } from '../answer/intents.js';
import { normalize } from '../answer/text.js';
import type { Answer } from '../answer/types.js';
import { packageOfLink } from '../knowledge/pypi.js';
import { withActions } from '../render/actions.js';
import { renderBlocks } from '../render/blocks.js';
import { unfurlCard } from '../render/unfurl.js';
import { GAP_QUESTION_MAX } from '../state/gaps.js';
import { type SlackContext, slackMessage, subjectIds } from './context.js';

export type Door =
  'command' | 'mention' | 'dm' | 'shortcut' | 'home' | 'share' | 'feedback' | 'another-tip' | 'welcome' | 'tip';

/** Doors where a person typed the question: only those feed the gaps log. */
const TYPED: ReadonlySet<Door> = new Set(['command', 'mention', 'dm', 'shortcut']);

/** Answers the maintainers should hear about: nothing known, or only a search list. */
export const isGap = (a: Answer) => a.intent === 'unknown' || a.intent === 'search';

export interface ReplyInput {
  question: string;
  door: Door;
  /** The thread's previous question, for a follow-up. */
  previous?: string;
  tipSeed?: number;
  /** Offer "Share in channel" when the answer's intent is worth sharing (ephemeral answers). */
  shareable?: boolean;
  sharedBy?: string;
  feedback?: boolean;
  /** Slack's native feedback buttons (messages in a conversation). */
  native?: boolean;
  footnote?: string;
}

export interface Reply {
  answer: Answer;
  message: ReturnType<typeof slackMessage>;
  /** Engine time, for the log line. */
  ms: number;
}

/** What composing a reply needs (tips have no listener context, only these). */
export type ReplyDeps = Pick<SlackContext, 'engine' | 'today' | 'log' | 'gaps'>;

export function compose(ctx: ReplyDeps, input: ReplyInput): Reply {
  const t0 = performance.now();
  const answer = ctx.engine.answer(input.question, { tipSeed: input.tipSeed ?? ctx.today(), previous: input.previous });
  const ms = Number((performance.now() - t0).toFixed(3));
  const msg = withActions(renderBlocks(answer), answer, {
    question: input.question,
    share: Boolean(input.shareable) && isShareable(answer.intent),
    sharedBy: input.sharedBy,
    feedback: input.feedback,
    native: input.native,
    footnote: input.footnote,
  });
  if (TYPED.has(input.door) && ctx.gaps && isGap(answer)) {
    const question = normalize(input.question).slice(0, GAP_QUESTION_MAX);
    if (question)
      ctx.gaps
        .record({ question, intent: answer.intent, at: Date.now() })
        .catch((err: unknown) => ctx.log.warn({ err }, 'gap not recorded'));
  }
  return { answer, message: slackMessage(msg), ms };
}

/** The one log line per answer: door, intent, entry ids and engine time (never the user's text). */
export function answered(
  ctx: Pick<SlackContext, 'log'>,
  r: Reply,
  where: Record<string, unknown>,
  what = 'answered',
): void {
  ctx.log.info({ ...where, intent: r.answer.intent, subjects: subjectIds(r.answer), ms: r.ms }, what);
}

/** A link's unfurl: the card of the package a PyPI link names, or undefined for anything else. */
export function composeUnfurl(
  ctx: Pick<SlackContext, 'engine'>,
  url: string,
): { id: string; blocks: unknown[] } | undefined {
  const p = packageOfLink(ctx.engine.knowledge, url);
  return p ? { id: p.id, blocks: unfurlCard(ctx.engine.knowledge, p) } : undefined;
}
