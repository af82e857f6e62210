/**
 * Builds and posts a tip message: the tip, its source, and buttons for another tip and feedback.
 *
 * @example
 * const post = tipPoster({ engine, client });
 * await post('C123', 'tip-pin-dependencies');
 */
import type { webApi } from '@slack/bolt';
import type { Engine } from '../answer/engine.js';
import { withActions } from '../render/actions.js';
import { renderBlocks } from '../render/blocks.js';
import { slackMessage } from '../slack/context.js';
import { webApiOptions } from '../slack/delivery.js';

export function tipPoster({ engine, client }: { engine: Engine; client: webApi.WebClient }) {
  const tips = engine.knowledge.tips;
  return async (channel: string, tipId: string): Promise<void> => {
    const seed = Math.max(
      0,
      tips.findIndex((t) => t.id === tipId),
    );
    const answer = engine.answer('tip', { tipSeed: seed });
    const msg = withActions(renderBlocks(answer), answer, { question: 'tip' });
    await client.chat.postMessage({ channel, ...slackMessage(msg), unfurl_links: false });
  };
}

/** A Web API client for tips: no hidden retries, so the scheduler's own loop honours Retry-After inside the slot. */
export function tipClientOptions(apiUrl: string | undefined, timeoutMs: number) {
  return { ...webApiOptions({ apiUrl, timeoutMs, retries: 0 }), rejectRateLimitedCalls: true };
}
