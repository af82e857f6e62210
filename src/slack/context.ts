/**
 * What every Slack listener needs, passed in as one options object.
 *
 * @example
 * registerCommands(app, { engine, log, today, threads, claims, feedback, pacer });
 */
import type { types } from '@slack/bolt';
import type { Engine } from '../answer/engine.js';
import type { Logger } from '../log.js';
import type { SlackMessage } from '../render/blocks.js';
import type { ClaimStore } from '../state/claims.js';
import type { CorrectionStore } from '../state/corrections.js';
import type { FeedbackStore } from '../state/feedback.js';
import type { GapStore } from '../state/gaps.js';
import type { ThreadContextStore } from '../state/thread-context.js';
import type { ChannelPacer } from './delivery.js';

export interface SlackContext {
  engine: Engine;
  log: Logger;
  /** Tip-of-the-day seed (the day number); injectable for tests. */
  today: () => number;
  /** The last question per thread, for follow-ups. */
  threads: ThreadContextStore;
  /** "Handled once" across retries, restarts and replicas (events, messages, clicks). */
  claims: ClaimStore;
  feedback: FeedbackStore;
  corrections: CorrectionStore;
  /** The gaps log; undefined with RECORD_GAPS=off. */
  gaps?: GapStore;
  /** Per-channel pacing of Web API writes under rate limits. */
  pacer: ChannelPacer;
  /** Where corrections are posted for the maintainers (FEEDBACK_CHANNEL). */
  feedbackChannel?: string;
  /** Users who see the admin section of App Home besides workspace admins (ADMIN_USERS). */
  adminUsers: ReadonlySet<string>;
}

/** How long a claim on an event, message or click holds: Slack re-delivers within minutes. */
export const CLAIM_TTL_SEC = 60 * 60;

/** Subject ids of an answer, for logs (never user text). */
export const subjectIds = (a: { subjects: { id: string }[] }) => a.subjects.map((s) => s.id);

/** Our Block Kit JSON typed as Slack's SDK expects (the renderer keeps it within Slack's limits). */
export const slackMessage = (msg: SlackMessage) => ({
  text: msg.text,
  blocks: msg.blocks as unknown as types.KnownBlock[],
});

/** The workspace a request comes from, from any kind of payload. */
export function teamOf(body: unknown): string {
  const b = body as { team_id?: unknown; team?: { id?: unknown } | null; user?: { team_id?: unknown } };
  const id = b?.team_id ?? b?.team?.id ?? b?.user?.team_id;
  return typeof id === 'string' ? id : '-';
}
