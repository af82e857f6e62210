/**
 * Wires the tip scheduler from configuration: the tip-slot store (files in STATE_DIR, or Redis),
 * a Web API client that logs through pino, and the engine's tips. Used by `npm start`
 * (scheduled) and `pystack post-tip` (once).
 *
 * @example
 * const tips = createTipScheduler({ config, engine, log, channels: config.tips.channels, slots });
 */
import { webApi } from '@slack/bolt';
import type { Engine } from '../answer/engine.js';
import { type Config, DEFAULT_TIPS_SCHEDULE } from '../config.js';
import type { Logger } from '../log.js';
import { slackLogger } from '../slack/logger.js';
import type { TipSlotStore } from '../state/tip-slots.js';
import { tipClientOptions, tipPoster } from './post.js';
import { TipScheduler } from './schedule.js';

export function createTipScheduler({
  config,
  engine,
  log,
  channels,
  slots,
}: {
  config: Config;
  engine: Engine;
  log: Logger;
  channels: string[];
  slots: TipSlotStore;
}): TipScheduler {
  if (!config.slack) throw new Error('tips need Slack credentials');
  const client = new webApi.WebClient(config.slack.botToken, {
    ...tipClientOptions(config.slack.apiUrl, config.slack.timeoutMs),
    logger: slackLogger(log, 'tips-web-api'),
  });
  return new TipScheduler({
    channels,
    schedule: config.tips?.schedule ?? DEFAULT_TIPS_SCHEDULE,
    timezone: config.tips?.timezone ?? 'UTC',
    tipIds: engine.knowledge.tips.map((t) => t.id),
    slots,
    post: tipPoster({ engine, client, log }),
    log,
  });
}
