/**
 * The buttons under an answer in Slack: share in channel, another tip, "Wrong or outdated?",
 * and 👍/👎 feedback: Slack's native feedback buttons (a `context_actions` block) on messages
 * in a conversation, ordinary buttons on ephemeral answers. Button
 * values carry the question (clipped) so a click can re-derive the answer: answers are
 * deterministic, so nothing needs to be stored between the answer and the click.
 *
 * @example
 * const msg = withActions(renderBlocks(answer), answer, { question: 'django vs flask', share: true });
 */
import { normalize } from '../answer/text.js';
import type { Answer } from '../answer/types.js';
import { type Block, LIMITS, type SlackMessage } from './blocks.js';
import { clip, escapeMrkdwn } from './mrkdwn.js';

export const ACTIONS = {
  share: 'pystack_share',
  up: 'pystack_feedback_up',
  down: 'pystack_feedback_down',
  /** Slack's native feedback buttons: the vote is in the clicked button's value. */
  feedback: 'pystack_feedback',
  anotherTip: 'pystack_another_tip',
  correct: 'pystack_correct',
  /** A button that asks its question (welcome examples, Home categories). */
  ask: 'pystack_ask',
  compareOpen: 'pystack_compare_open',
} as const;

export const FEEDBACK_BLOCK = 'pystack_feedback';
export const NATIVE_FEEDBACK_BLOCK = 'pystack_feedback_native';

/** What a button remembers: the question (normalised: no markup, no mentions) and the tip seed. */
export interface ButtonValue {
  q: string;
  seed?: number;
  /** Who shared the answer into the channel (a Slack user id), kept across feedback clicks. */
  by?: string;
  /** For native feedback buttons: which of the two was clicked. */
  vote?: 'up' | 'down';
}

const QUESTION_IN_VALUE = 1500;
/** A Slack user id, the only thing we ever turn into a mention. */
export const USER_ID = /^[UW][A-Z0-9]{2,20}$/;

export function encodeValue(v: ButtonValue): string {
  return JSON.stringify({ ...v, q: clip(normalize(v.q), QUESTION_IN_VALUE) });
}

/** Reads a button value, normalising its question again (it came back from outside); undefined when not ours. */
export function decodeValue(raw: string | undefined): ButtonValue | undefined {
  try {
    const v = JSON.parse(raw ?? '') as Partial<ButtonValue>;
    if (typeof v.q !== 'string') return undefined;
    return {
      q: normalize(v.q),
      ...(Number.isInteger(v.seed) ? { seed: v.seed } : {}),
      ...(typeof v.by === 'string' && USER_ID.test(v.by) ? { by: v.by } : {}),
      ...(v.vote === 'up' || v.vote === 'down' ? { vote: v.vote } : {}),
    };
  } catch {
    return undefined;
  }
}

export interface ActionOptions {
  question: string;
  /** The user who shared the answer into the channel, if it was shared. */
  sharedBy?: string;
  /** Offer "Share in channel" (for ephemeral answers). */
  share?: boolean;
  /** Offer 👍/👎 (default true; false once a vote was counted). */
  feedback?: boolean;
  /** A context line placed above the buttons (mrkdwn we wrote), e.g. that a vote was counted. */
  footnote?: string;
  /** Use Slack's native feedback buttons (messages in a conversation; not ephemeral ones). */
  native?: boolean;
  /** Offer "Wrong or outdated?" (default true for answers about entries). */
  correction?: boolean;
}

/** Intents whose answers get feedback and the correction button. */
const ABOUT_KNOWLEDGE = (a: Answer) => a.intent !== 'help' && a.intent !== 'thanks';

/** The note that replaces the feedback buttons once a vote is counted. */
export function feedbackCounted(vote: 'up' | 'down'): string {
  return vote === 'up'
    ? ':thumbsup: Thanks, your feedback was counted.'
    : ':thumbsdown: Thanks, your feedback was counted; it helps us improve this answer.';
}

const button = (text: string, action_id: string, value: string, style?: 'primary'): Block => ({
  type: 'button',
  text: { type: 'plain_text', text: clip(text, 75), emoji: true },
  action_id,
  value: clip(value, LIMITS.fieldText),
  ...(style ? { style } : {}),
});

/** Adds the buttons (and an optional byline) to a rendered answer, within the 50-block limit. */
export function withActions(msg: SlackMessage, answer: Answer, opts: ActionOptions): SlackMessage {
  const value = encodeValue({ q: opts.question, seed: answer.tipSeed, by: opts.sharedBy });
  const elements: Block[] = [];
  if (opts.share) elements.push(button('Share in channel', ACTIONS.share, value, 'primary'));
  if (answer.intent === 'tip')
    elements.push(
      button('Another tip', ACTIONS.anotherTip, encodeValue({ q: 'tip', seed: (answer.tipSeed ?? 0) + 1 })),
    );
  const feedback = ABOUT_KNOWLEDGE(answer) && opts.feedback !== false;
  if (feedback && !opts.native) {
    elements.push(
      button(':thumbsup: Helpful', ACTIONS.up, value),
      button(':thumbsdown: Not helpful', ACTIONS.down, value),
    );
  }
  if (ABOUT_KNOWLEDGE(answer) && answer.subjects.length && opts.correction !== false)
    elements.push(
      button('Wrong or outdated?', ACTIONS.correct, encodeValue({ q: opts.question, seed: answer.tipSeed })),
    );
  const extra: Block[] = [];
  const lines = [
    opts.sharedBy && USER_ID.test(opts.sharedBy)
      ? `Shared by <@${opts.sharedBy}>, who asked: ${escapeMrkdwn(clip(opts.question, 300))}`
      : '',
    opts.footnote ?? '',
  ].filter(Boolean);
  if (lines.length)
    extra.push({
      type: 'context',
      elements: lines.map((text) => ({ type: 'mrkdwn', text: clip(text, LIMITS.sectionText) })),
    });
  if (elements.length) extra.push({ type: 'actions', block_id: FEEDBACK_BLOCK, elements });
  if (feedback && opts.native) extra.push(nativeFeedback(opts, answer));
  return { text: msg.text, blocks: [...msg.blocks.slice(0, LIMITS.blocks - extra.length), ...extra] };
}

/** Slack's own 👍/👎 under a message: a context_actions block with one feedback_buttons element. */
function nativeFeedback(opts: ActionOptions, answer: Answer): Block {
  const side = (vote: 'up' | 'down', text: string, label: string) => ({
    text: { type: 'plain_text', text },
    accessibility_label: label,
    value: clip(encodeValue({ q: opts.question, seed: answer.tipSeed, by: opts.sharedBy, vote }), LIMITS.buttonValue),
  });
  return {
    type: 'context_actions',
    block_id: NATIVE_FEEDBACK_BLOCK,
    elements: [
      {
        type: 'feedback_buttons',
        action_id: ACTIONS.feedback,
        positive_button: side('up', 'Helpful', 'Mark this answer helpful'),
        negative_button: side('down', 'Not helpful', 'Mark this answer not helpful'),
      },
    ],
  };
}

/** What the voter alone is shown after a vote. */
export function voteRecorded(vote: 'up' | 'down', before?: 'up' | 'down'): string {
  const mark = vote === 'up' ? ':thumbsup:' : ':thumbsdown:';
  if (before === vote) return `${mark} Your vote on this answer was already recorded.`;
  return before
    ? `${mark} Vote changed. Thanks, it helps the maintainers improve this answer.`
    : `${mark} Thanks, your vote was recorded; it helps the maintainers improve this answer.`;
}
