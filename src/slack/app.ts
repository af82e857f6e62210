/**
 * The Bolt app: HTTP (commands, events and interactivity at POST /slack/events, plus
 * GET /healthz) or Socket Mode. Thin: it wires the listeners, the claim middleware (each event
 * and each click handled once, across replicas when the stores are shared), the in-flight
 * tracker that shutdown drains, the logger and the Web API client options.
 *
 * @example
 * const slack = createSlackApp({ config, engine, log, stores });
 * await slack.start(); // ... const unfinished = await slack.stop(8000);
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { App, LogLevel } from '@slack/bolt';
import type { Engine } from '../answer/engine.js';
import { dayNumber } from '../answer/tip.js';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { Stores } from '../state/stores.js';
import { CLAIM_TTL_SEC, type SlackContext, teamOf } from './context.js';
import { ChannelPacer, webApiOptions } from './delivery.js';
import { InFlight, type InFlightInfo } from './inflight.js';
import { slackLogger } from './logger.js';
import { httpReceiver, SERVER_OPTIONS } from './receiver.js';
import { registerActions } from './listeners/actions.js';
import { registerCommands } from './listeners/commands.js';
import { registerEvents } from './listeners/events.js';
import { registerHome } from './listeners/home.js';
import { registerShortcuts } from './listeners/shortcuts.js';
import { registerUnfurls } from './listeners/unfurls.js';
import { registerViews } from './listeners/views.js';
import { Routes } from './routes.js';

export interface SlackAppOptions {
  config: Config;
  /** The engine, or a getter for it when it can be swapped (a reloaded team overlay). */
  engine: Engine | (() => Engine);
  log: Logger;
  stores: Pick<Stores, 'claims' | 'threads' | 'feedback' | 'corrections' | 'gaps' | 'health'>;
  today?: () => number;
}

export interface SlackApp {
  app: App;
  start(): Promise<void>;
  /** Stops taking requests, waits up to `graceMs` for work in flight, and returns what did not finish. */
  stop(graceMs?: number): Promise<InFlightInfo[]>;
}

/** What a request is, for the in-flight list and logs (ids only, never user text). */
function describe(body: unknown): InFlightInfo {
  const b = body as {
    event_id?: unknown;
    event?: { type?: unknown; channel?: unknown };
    type?: unknown;
    command?: unknown;
    actions?: { action_id?: unknown }[];
  };
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return {
    event_id: str(b?.event_id),
    type: str(b?.event?.type) ?? str(b?.type) ?? (str(b?.command) ? 'command' : undefined),
    channel: str(b?.event?.channel),
    action: Array.isArray(b?.actions) ? str(b.actions[0]?.action_id) : undefined,
  };
}

/** The key under which a request is claimed, when a repeat of it must be skipped. */
function claimKey(body: unknown): string | undefined {
  const b = body as {
    event_id?: unknown;
    type?: unknown;
    user?: { id?: unknown };
    actions?: { action_ts?: unknown }[];
  };
  if (typeof b?.event_id === 'string') return `event:${teamOf(body)}:${b.event_id}`;
  const actionTs = b?.type === 'block_actions' && Array.isArray(b.actions) ? b.actions[0]?.action_ts : undefined;
  // A click Slack (or anyone holding a signed copy) delivers again carries the same action_ts.
  if (typeof actionTs === 'string') return `click:${teamOf(body)}:${String(b.user?.id)}:${actionTs}`;
  return undefined;
}

export function createSlackApp({ config, engine, log, stores, today }: SlackAppOptions): SlackApp {
  const slack = config.slack;
  if (!slack) throw new Error('createSlackApp needs Slack credentials');
  let ready = false;
  let stopping = false;
  const healthz = {
    path: '/healthz',
    method: ['GET'],
    handler: (_req: IncomingMessage, res: ServerResponse) => {
      const state = stopping ? 'stopping' : !ready ? 'starting' : stores.health() === 'ok' ? 'ok' : 'degraded';
      // Degraded (Redis away) still answers 200: the bot answers, and a load balancer should not drop every replica.
      res.writeHead(state === 'ok' || state === 'degraded' ? 200 : 503, { 'content-type': 'text/plain' });
      res.end(state);
    },
  };
  const logger = slackLogger(log, 'bolt');
  const app = new App({
    token: slack.botToken,
    signingSecret: slack.signingSecret,
    logger,
    deferInitialization: true,
    convoStore: false, // no conversation state is kept, so skip Bolt's per-request store lookup
    logLevel: config.logLevel === 'debug' || config.logLevel === 'trace' ? LogLevel.DEBUG : LogLevel.INFO,
    clientOptions: { ...webApiOptions({ apiUrl: slack.apiUrl, timeoutMs: slack.timeoutMs }), logger },
    ...(slack.appToken
      ? { socketMode: true, appToken: slack.appToken, customRoutes: [healthz], installerOptions: { port: config.port } }
      : {
          receiver: httpReceiver({
            signingSecret: slack.signingSecret,
            logger,
            customRoutes: [healthz],
            stopping: () => stopping,
          }),
        }),
  });

  const current = typeof engine === 'function' ? engine : () => engine;
  const ctx: SlackContext = {
    get engine() {
      return current();
    },
    log,
    today: today ?? (() => dayNumber()),
    threads: stores.threads,
    claims: stores.claims,
    feedback: stores.feedback,
    corrections: stores.corrections,
    gaps: config.recordGaps ? stores.gaps : undefined,
    feedbackChannel: config.feedbackChannel,
    adminUsers: new Set(config.adminUsers),
    pacer: new ChannelPacer({
      onWait: (channel, ms) => log.warn({ channel, wait_ms: ms }, 'rate limited by Slack; waiting before retrying'),
    }),
  };
  const inflight = new InFlight();

  app.use(async (args) => {
    const { body, context } = args;
    const key = claimKey(body);
    if (key && !(await stores.claims.claim(key, CLAIM_TTL_SEC))) {
      log.info(
        { ...describe(body), retry_num: context.retryNum, retry_reason: context.retryReason },
        'duplicate delivery skipped',
      );
      // A repeated click still needs its acknowledgement (events are acknowledged by Bolt itself).
      const ack = (args as { ack?: () => Promise<void> }).ack;
      if (typeof ack === 'function') await ack();
      return;
    }
    // Bolt holds no listeners: this middleware runs the route the payload asks for (routes.ts).
    await inflight.track(describe(body), routes.dispatch(args));
  });
  const routes = new Routes();
  registerCommands(routes, ctx);
  registerShortcuts(routes, ctx);
  registerEvents(routes, ctx);
  registerActions(routes, ctx);
  registerHome(routes, ctx);
  registerUnfurls(routes, ctx);
  registerViews(routes, ctx);
  app.error(async (err) => {
    log.error({ err }, 'listener failed');
  });

  return {
    app,
    async start() {
      await app.init(); // auth.test: a rejected token throws here, not as an unhandled rejection
      if (!slack.appToken) await app.start(config.port, SERVER_OPTIONS);
      else
        await app.start(config.port).catch((err: unknown) => {
          // apps.connections.open uses the app token: say so, rather than blame the bot token.
          throw Object.assign(err as object, { token: 'app' });
        });
      ready = true;
    },
    async stop(graceMs = config.shutdownGraceMs) {
      stopping = true;
      ready = false;
      const unfinished = await inflight.drain(graceMs);
      await app.stop().catch((err: unknown) => log.warn({ err }, 'error while closing the server'));
      return unfinished;
    },
  };
}
