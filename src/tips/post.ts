/**
 * Builds and posts a tip message through the Slack reply seam: the tip, its source, and buttons
 * for another tip and feedback (Slack's native feedback buttons: a tip is a channel message).
 *
 * @example
 * const post = tipPoster({ engine, client, log });
 * await post('C123', 'tip-pin-dependencies');
 */
import type { webApi } from '@slack/bolt';
import type { Engine } from '../answer/engine.js';
import type { Logger } from '../log.js';
import { webApiOptions } from '../slack/delivery.js';
import { compose } from '../slack/reply.js';

export function tipPoster({ engine, client, log }: { engine: Engine; client: webApi.WebClient; log: Logger }) {
  const tips = engine.knowledge.tips;
  return async (channel: string, tipId: string): Promise<void> => {
    const seed = Math.max(
      0,
      tips.findIndex((t) => t.id === tipId),
    );
    const r = compose(
      { engine, log, today: () => seed },
      { question: 'tip', door: 'tip', tipSeed: seed, native: true },
    );
    await client.chat.postMessage({ channel, ...r.message, unfurl_links: false });
  };
}

/** A Web API client for tips: no hidden retries, so the scheduler's own loop honours Retry-After inside the slot. */
export function tipClientOptions(apiUrl: string | undefined, timeoutMs: number) {
  return { ...webApiOptions({ apiUrl, timeoutMs, retries: 0 }), rejectRateLimitedCalls: true };
}
