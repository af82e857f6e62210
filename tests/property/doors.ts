/**
 * The messages the Slack doors post, built the way src/slack/listeners/*.ts build them (answer,
 * renderBlocks, withActions, slackMessage), and the safety checks every posted message must pass.
 *
 * @example
 * for (const post of askDoors(engine, text, 3)) expect(messageProblems(post, urls)).toEqual([]);
 */
import type { Engine } from '../../src/answer/engine.js';
import type { Answer } from '../../src/answer/types.js';
import { type ActionOptions, type ButtonValue, feedbackCounted, withActions } from '../../src/render/actions.js';
import { type Block, renderBlocks } from '../../src/render/blocks.js';
import { slackMessage } from '../../src/slack/context.js';
import { blockKitProblems, pingsIn, stringsIn } from '../helpers/blockkit.js';
import { realEngine } from '../helpers/kb.js';

/** The real engine and the source URLs an answer may link to: what every property file starts from. */
export function fixture(): { engine: Engine; sourceUrls: Set<string> } {
  const engine = realEngine();
  return {
    engine,
    sourceUrls: new Set([...engine.knowledge.sources.values()].flatMap((s) => (s.url ? [s.url] : []))),
  };
}

export interface Posted {
  door: string;
  answer: Answer;
  question: string;
  message: ReturnType<typeof slackMessage>;
  /** The one user a door may mention: who shared the answer (a Slack user id, never user text). */
  mayPing?: string;
}

const post = (door: string, answer: Answer, opts: ActionOptions): Posted => ({
  door,
  answer,
  question: opts.question,
  message: slackMessage(withActions(renderBlocks(answer), answer, opts)),
  ...(opts.sharedBy ? { mayPing: opts.sharedBy } : {}),
});

/** `/pystack text` (commands.ts) and a mention or DM (events.ts). */
export function askDoors(engine: Engine, text: string, today: number): Posted[] {
  const answer = engine.answer(text, { tipSeed: today });
  // commands.ts offers Share for every intent but help and unknown (its SHAREABLE set).
  return [
    post('command', answer, { question: text, share: answer.intent !== 'help' && answer.intent !== 'unknown' }),
    post('event', answer, { question: text }),
  ];
}

/** The three button clicks of actions.ts, for a decoded button value clicked by `clicker`. */
export function clickDoors(engine: Engine, v: ButtonValue, clicker: string, today: number): Posted[] {
  const ask = (q: string, seed?: number) => engine.answer(q, { tipSeed: seed ?? today });
  const answer = ask(v.q, v.seed);
  return [
    post('share', answer, { question: v.q, sharedBy: clicker }),
    ...[true, false].map((ephemeral) =>
      post(`feedback (ephemeral: ${ephemeral})`, answer, {
        question: v.q,
        sharedBy: v.by,
        share: ephemeral && !v.by,
        feedback: false,
        footnote: feedbackCounted(ephemeral ? 'up' : 'down'),
      }),
    ),
    post('another tip', ask('tip', v.seed), { question: 'tip', share: true }),
  ];
}

/** Every button of a posted message. */
export function buttonsOf(message: { blocks: unknown[] }): { action_id: string; value: string }[] {
  return (message.blocks as Block[]).filter((b) => b.type === 'actions').flatMap((b) => b.elements as never[]);
}

const LINK = /<(https?:\/\/[^\s<>|]+)\|[^<>]*>/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * What is wrong with a posted message, as readable lines: Block Kit limits, pings, any `<` that is
 * not a link to a knowledge source (so user text can form no Slack markup), malformed Unicode.
 */
export function messageProblems(p: Posted, sourceUrls: ReadonlySet<string>): string[] {
  const problems = blockKitProblems(p.message).map((s) => `block kit: ${s}`);
  const own = p.mayPing ? `<@${p.mayPing}>` : undefined;
  const strings = stringsIn(p.message).map((s) => (own ? s.split(own).join('') : s));
  problems.push(...pingsIn(strings).map((s) => `ping: ${s}`));
  for (const s of strings) {
    const rest = s.replace(LINK, (m: string, url: string) => (sourceUrls.has(url) ? '' : m));
    const at = rest.indexOf('<');
    if (at >= 0) problems.push(`markup: ${JSON.stringify(rest.slice(Math.max(0, at - 20), at + 40))}`);
    if (LONE_SURROGATE.test(s)) problems.push(`lone surrogate in ${JSON.stringify(s.slice(0, 60))}`);
  }
  return problems.map((s) => `${p.door}: ${s}`);
}
