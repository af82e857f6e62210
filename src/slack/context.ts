/**
 * What every Slack listener needs, passed in as one options object.
 *
 * @example
 * registerCommands(app, { engine, log, today });
 */
import type { types } from '@slack/bolt';
import type { Engine } from '../answer/engine.js';
import type { Logger } from '../log.js';
import type { SlackMessage } from '../render/blocks.js';
import type { ThreadContextStore } from '../state/thread-context.js';

export interface SlackContext {
  engine: Engine;
  log: Logger;
  /** Tip-of-the-day seed (the day number); injectable for tests. */
  today: () => number;
  /** The last question per thread, for follow-ups. */
  threads: ThreadContextStore;
}

/** Subject ids of an answer, for logs (never user text). */
export const subjectIds = (a: { subjects: { id: string }[] }) => a.subjects.map((s) => s.id);

/** Our Block Kit JSON typed as Slack's SDK expects (the renderer keeps it within Slack's limits). */
export const slackMessage = (msg: SlackMessage) => ({
  text: msg.text,
  blocks: msg.blocks as unknown as types.KnownBlock[],
});
