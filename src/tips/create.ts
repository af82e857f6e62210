/**
 * Wires the tip scheduler from configuration: the state file in STATE_DIR, a Web API client,
 * and the engine's tips. Used by `npm start` (scheduled) and `pystack post-tip` (once).
 *
 * @example
 * const tips = createTipScheduler({ config, engine, log, channels: config.tips.channels });
 */
import { join } from 'node:path';
import { webApi } from '@slack/bolt';
import type { Engine } from '../answer/engine.js';
import { type Config, DEFAULT_TIPS_SCHEDULE } from '../config.js';
import type { Logger } from '../log.js';
import { tipClientOptions, tipPoster } from './post.js';
import { TipScheduler } from './schedule.js';
import { FileTipStateStore } from './state.js';

export function createTipScheduler({
  config,
  engine,
  log,
  channels,
}: {
  config: Config;
  engine: Engine;
  log: Logger;
  channels: string[];
}): TipScheduler {
  if (!config.slack) throw new Error('tips need Slack credentials');
  const client = new webApi.WebClient(
    config.slack.botToken,
    tipClientOptions(config.slack.apiUrl, config.slack.timeoutMs),
  );
  return new TipScheduler({
    channels,
    schedule: config.tips?.schedule ?? DEFAULT_TIPS_SCHEDULE,
    timezone: config.tips?.timezone ?? 'UTC',
    tipIds: engine.knowledge.tips.map((t) => t.id),
    store: new FileTipStateStore(join(config.stateDir, 'tips-state.json'), (message) =>
      log.warn({ door: 'tips' }, message),
    ),
    post: tipPoster({ engine, client }),
    log,
  });
}
