/**
 * Slack's SDK logger interface (Bolt, the Web API and Socket Mode clients) on top of our pino
 * logger, so every line the SDK writes goes through the same secret scrubbing and format.
 *
 * @example
 * new WebClient(token, { logger: slackLogger(log, 'tips') });
 */
import { type Logger as SlackSdkLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../log.js';

export function slackLogger(log: Logger, component: string): SlackSdkLogger {
  const child = log.child({ component });
  let level = LogLevel.INFO;
  const text = (msg: unknown[]) => msg.map((m) => (typeof m === 'string' ? m : JSON.stringify(m))).join(' ');
  return {
    debug: (...msg) => {
      if (child.isLevelEnabled('debug')) child.debug(text(msg)); // the SDK calls this several times a request
    },
    info: (...msg) => child.info(text(msg)),
    warn: (...msg) => child.warn(text(msg)),
    error: (...msg) => child.error(text(msg)),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
