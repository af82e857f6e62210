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
import { MemoryThreadContext, type ThreadContextStore } from '../state/thread-context.js';
import type { SlackContext } from './context.js';
import { MemorySeenStore, type SeenStore } from './dedupe.js';
import { webApiOptions } from './delivery.js';
import { httpReceiver, SERVER_OPTIONS } from './receiver.js';
import { registerActions } from './listeners/actions.js';
import { registerCommands } from './listeners/commands.js';
import { registerEvents } from './listeners/events.js';
import { registerHome } from './listeners/home.js';

export interface SlackAppOptions {
  config: Config;
  engine: Engine;
  log: Logger;
  seen?: SeenStore;
  threads?: ThreadContextStore;
  today?: () => number;
}

export interface SlackApp {
  app: App;
  start(): Promise<void>;
  stop(): Promise<void>;
}

function boltLogger(log: Logger): BoltLogger {
  const child = log.child({ component: 'bolt' });
  let level = LogLevel.INFO;
  const text = (msg: unknown[]) => msg.map((m) => (typeof m === 'string' ? m : JSON.stringify(m))).join(' ');
  return {
    debug: (...msg) => {
      if (child.isLevelEnabled('debug')) child.debug(text(msg)); // Bolt calls this several times a request
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

export function createSlackApp({
  config,
  engine,
  log,
  seen = new MemorySeenStore(),
  threads = new MemoryThreadContext(),
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
  const logger = boltLogger(log);
  const app = new App({
    token: slack.botToken,
    signingSecret: slack.signingSecret,
    logger,
    deferInitialization: true,
    convoStore: false, // no conversation state is kept, so skip Bolt's per-request store lookup
    logLevel: config.logLevel === 'debug' || config.logLevel === 'trace' ? LogLevel.DEBUG : LogLevel.INFO,
    clientOptions: webApiOptions({ apiUrl: slack.apiUrl, timeoutMs: slack.timeoutMs }),
    ...(slack.appToken
      ? { socketMode: true, appToken: slack.appToken, customRoutes: [healthz], installerOptions: { port: config.port } }
      : { receiver: httpReceiver({ signingSecret: slack.signingSecret, logger, customRoutes: [healthz] }) }),
  });

  const ctx: SlackContext = {
    engine,
    log,
    today: today ?? (() => dayNumber()),
    threads,
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
      await (slack.appToken ? app.start(config.port) : app.start(config.port, SERVER_OPTIONS));
      ready = true;
    },
    async stop() {
      ready = false;
      await app.stop();
    },
  };
}
