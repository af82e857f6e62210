/**
 * `pystack post-tip --channel C…`: posts the next tip of that channel's rotation once and exits,
 * for teams that schedule with cron, a Kubernetes CronJob or CI instead of the built-in scheduler.
 * It uses the same tip-slot store as the bot (STATE_DIR, or Redis with REDIS_URL).
 */
import dotenv from 'dotenv';
import { createEngine } from '../answer/engine.js';
import { loadConfig, secretsOf } from '../config.js';
import { ConfigError } from '../errors.js';
import { openKnowledge } from '../knowledge/open.js';
import { createLogger } from '../log.js';
import { openStores } from '../state/stores.js';
import { createTipScheduler } from './create.js';

export async function postTipOnce(channel: string | undefined): Promise<number> {
  dotenv.config({ quiet: true });
  if (!channel || !/^[CGD][A-Z0-9]{2,20}$/.test(channel)) {
    throw new ConfigError('post-tip needs --channel with a channel id such as C0123ABCD');
  }
  const config = loadConfig(process.env);
  if (!config.slack) throw new ConfigError('post-tip needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET');
  const log = createLogger({ level: config.logLevel, secrets: secretsOf(config) });
  const stores = await openStores(config, log);
  try {
    const engine = createEngine(openKnowledge());
    const scheduler = createTipScheduler({ config, engine, log, channels: [channel], slots: stores.slots });
    const [result] = await scheduler.runSlot(new Date());
    return result?.status === 'posted' ? 0 : 1;
  } finally {
    await stores.close();
  }
}
