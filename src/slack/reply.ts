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

/**
 * Replies already rendered, by everything that decides them (the question as typed, the thread's
 * previous question, the tip seed, the buttons asked for), per engine (a team overlay's reload makes
 * a new engine, so a new cache). Answers are deterministic, so a question asked again, as a
 * popular one is, is not answered and rendered again. Least recently used first out.
 */
export const REPLY_CACHE_SIZE = 500;
const replies = new WeakMap<ReplyDeps['engine'], Map<string, Omit<Reply, 'ms'>>>();

function cached(ctx: ReplyDeps, input: ReplyInput, make: () => Omit<Reply, 'ms'>): Omit<Reply, 'ms'> {
  let cache = replies.get(ctx.engine);
  if (!cache) replies.set(ctx.engine, (cache = new Map()));
  const { question, previous, tipSeed, shareable, sharedBy, feedback, native, footnote } = input;
  // Cheaper than JSON for every request; the two texts a person typed carry their lengths, so no text can pose as another.
  const key = [question.length, question, previous?.length ?? -1, previous, tipSeed, shareable, feedback, native]
    .concat([sharedBy, footnote])
    .join('\u0000');
  let hit = cache.get(key);
  if (hit) cache.delete(key);
  else {
    hit = make();
    if (cache.size >= REPLY_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  }
  cache.set(key, hit);
  return hit;
}

export function compose(ctx: ReplyDeps, input: ReplyInput): Reply {
  const t0 = performance.now();
  const tipSeed = input.tipSeed ?? ctx.today();
  const { answer, message } = cached(ctx, { ...input, tipSeed }, () => {
    const a = ctx.engine.answer(input.question, { tipSeed, previous: input.previous });
    const msg = withActions(renderBlocks(a), a, {
      question: input.question,
      share: Boolean(input.shareable) && isShareable(a.intent),
      sharedBy: input.sharedBy,
      feedback: input.feedback,
      native: input.native,
      footnote: input.footnote,
    });
    return { answer: a, message: slackMessage(msg) };
  });
  const ms = Number((performance.now() - t0).toFixed(3));
  if (TYPED.has(input.door) && ctx.gaps && isGap(answer)) {
    const question = normalize(input.question).slice(0, GAP_QUESTION_MAX);
    if (question)
      ctx.gaps
        .record({ question, intent: answer.intent, at: Date.now() })
        .catch((err: unknown) => ctx.log.warn({ err }, 'gap not recorded'));
  }
  return { answer, message, ms };
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
