/**
 * The Bolt app: HTTP (commands, events and interactivity at POST /slack/events, plus
 * GET /healthz) or Socket Mode. Thin: it wires the listeners, the dedupe middleware, the
 * logger and the Web API client options; the listeners call the engine.
 *
 * @example
 * const slack = createSlackApp({ config, engine, log });
 * await slack.start(); // ... await slack.stop();
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { App, type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Engine } from '../answer/engine.js';
import { dayNumber } from '../answer/tip.js';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { SlackContext } from './context.js';
import { MemorySeenStore, type SeenStore } from './dedupe.js';
import { registerActions } from './listeners/actions.js';
import { registerCommands } from './listeners/commands.js';
import { registerEvents } from './listeners/events.js';
import { registerHome } from './listeners/home.js';

export interface SlackAppOptions {
  config: Config;
  engine: Engine;
  log: Logger;
  seen?: SeenStore;
  today?: () => number;
}

export interface SlackApp {
  app: App;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Largest request body accepted; Slack's own payloads are a few kilobytes. */
export const BODY_LIMIT = 256 * 1024;

function boltLogger(log: Logger): BoltLogger {
  const child = log.child({ component: 'bolt' });
  let level = LogLevel.INFO;
  const text = (msg: unknown[]) => msg.map((m) => (typeof m === 'string' ? m : JSON.stringify(m))).join(' ');
  return {
    debug: (...msg) => child.debug(text(msg)),
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

export function createSlackApp({
  config,
  engine,
  log,
  seen = new MemorySeenStore(),
  today,
}: SlackAppOptions): SlackApp {
  const slack = config.slack;
  if (!slack) throw new Error('createSlackApp needs Slack credentials');
  let ready = false;
  const healthz = {
    path: '/healthz',
    method: ['GET'],
    handler: (_req: IncomingMessage, res: ServerResponse) => {
      res.writeHead(ready ? 200 : 503, { 'content-type': 'text/plain' });
      res.end(ready ? 'ok' : 'starting');
    },
  };
  const apiUrl = slack.apiUrl && !slack.apiUrl.endsWith('/') ? `${slack.apiUrl}/` : slack.apiUrl;
  const logger = boltLogger(log);
  const app = new App({
    token: slack.botToken,
    signingSecret: slack.signingSecret,
    logger,
    deferInitialization: true,
    logLevel: config.logLevel === 'debug' || config.logLevel === 'trace' ? LogLevel.DEBUG : LogLevel.INFO,
    customRoutes: [healthz],
    clientOptions: {
      slackApiUrl: apiUrl,
      timeout: 10_000,
      retryConfig: { retries: 3, factor: 2, minTimeout: 250, maxTimeout: 2_000, randomize: true },
    },
    ...(slack.appToken
      ? { socketMode: true, appToken: slack.appToken, installerOptions: { port: config.port } }
      : { port: config.port, bodyLimit: BODY_LIMIT, unhandledRequestTimeoutMillis: 2_500 }),
  });

  const ctx: SlackContext = {
    engine,
    log,
    today: today ?? (() => dayNumber()),
  };

  app.use(async ({ body, context, next }) => {
    const eventId = (body as { event_id?: string }).event_id;
    if (eventId && !(await seen.claim(eventId))) {
      log.info(
        { event_id: eventId, retry_num: context.retryNum, retry_reason: context.retryReason },
        'duplicate event skipped',
      );
      return;
    }
    await next();
  });
  registerCommands(app, ctx);
  registerEvents(app, ctx);
  registerActions(app, ctx);
  registerHome(app, ctx);
  app.error(async (err) => {
    log.error({ err }, 'listener failed');
  });

  return {
    app,
    async start() {
      await app.init(); // auth.test: a rejected token throws here, not as an unhandled rejection
      await app.start(config.port);
      ready = true;
    },
    async stop() {
      ready = false;
      await app.stop();
    },
  };
}
