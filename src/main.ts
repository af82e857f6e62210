/**
 * `npm start`: runs the Slack bot when Slack credentials are set (HTTP, or Socket Mode with an
 * app token), otherwise the local console. Bad configuration or knowledge stops start-up with
 * one clear line and exit code 1. The state stores (files in STATE_DIR, or Redis with REDIS_URL)
 * are built here and passed in. On SIGTERM/SIGINT: /healthz turns 503, new requests are refused,
 * answers in flight get SHUTDOWN_GRACE_MS to finish, whatever did not is logged, and it exits 0.
 */
import dotenv from 'dotenv';
import { createEngine } from './answer/engine.js';
import { stateDirProblem } from './state/state-dir.js';
import { openStores } from './state/stores.js';
import { dayNumber } from './answer/tip.js';
import { type Config, loadConfig, secretsOf } from './config.js';
import { runConsole } from './console.js';
import { PystackError } from './errors.js';
import { openKnowledge } from './knowledge/open.js';
import { createLogger, type Logger } from './log.js';

/** After the grace period, closing the server and the stores gets this long before exiting anyway. */
const CLOSE_WITHIN_MS = 2_000;

/** Logs what would otherwise end the process, and keeps it running: one bad request must not stop every answer. */
function logCrashes(log: Logger): void {
  process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled rejection (kept running)'));
  process.on('uncaughtException', (err) => log.error({ err }, 'uncaught exception (kept running)'));
}

async function runSlack(config: Config, log: Logger): Promise<void> {
  const team = config.teamKnowledge;
  const opened = openKnowledge({ team });
  if (opened.indexNote) log.warn(opened.indexNote);
  let engine = createEngine(opened);
  if (team && opened.knowledge.team) {
    const t = opened.knowledge.team;
    log.info({ team, standards: t.standards.size, packages: t.packages.length }, 'team standards loaded');
    const { watchTeam } = await import('./knowledge/team-watch.js');
    watchTeam({
      path: team,
      open: () => openKnowledge({ team }),
      onLoad: (next) => {
        engine = createEngine(next);
        const n = next.knowledge.team;
        log.info({ team, standards: n?.standards.size, packages: n?.packages.length }, 'team standards reloaded');
      },
      onProblem: (message) => log.error({ team }, message),
    });
  }
  if (!config.redisUrl) {
    const problem = stateDirProblem(config.stateDir);
    if (problem) log.warn(`${problem}: dedupe, votes and tip rotation will not survive a restart`);
  }
  const stores = await openStores(config, log);
  const { createSlackApp } = await import('./slack/app.js');
  const slack = createSlackApp({ config, engine: () => engine, log, stores });
  let tips: import('./tips/schedule.js').TipScheduler | undefined;
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal, grace_ms: config.shutdownGraceMs }, 'stopping: finishing answers in flight');
    tips?.stop();
    const hardStop = setTimeout(() => {
      log.warn('not closed in time; exiting');
      process.exit(0);
    }, config.shutdownGraceMs + CLOSE_WITHIN_MS);
    hardStop.unref();
    (async () => {
      const unfinished = await slack.stop(config.shutdownGraceMs);
      for (const work of unfinished) log.error(work, 'not finished within the shutdown grace period');
      await tips?.idle();
      await stores.close();
      log.info({ unfinished: unfinished.length }, 'stopped');
    })().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, 'error while stopping');
        process.exit(0);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  const t0 = performance.now();
  await slack.start();
  if (config.tips) {
    const { createTipScheduler } = await import('./tips/create.js');
    tips = createTipScheduler({ config, engine, log, channels: config.tips.channels, slots: stores.slots });
    if (!stopping) tips.start();
  }
  log.info(
    {
      mode: config.mode,
      port: config.port,
      ms: Math.round(performance.now() - t0),
      entries: engine.knowledge.entries.size,
      state: stores.kind,
    },
    config.mode === 'socket'
      ? 'pystack running in Socket Mode'
      : `pystack listening on :${config.port} (POST /slack/events, GET /healthz)`,
  );
}

async function main(): Promise<void> {
  dotenv.config({ quiet: true });
  const config = loadConfig(process.env);
  if (config.mode === 'console') {
    const engine = createEngine(openKnowledge({ team: config.teamKnowledge }));
    const intro = [
      'pystack local console: no Slack credentials are set (SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET).',
      'To connect Slack, copy .env.example to .env and fill them in (see README). Type a question, "help", or "exit" (or Ctrl-D) to quit.',
    ].join('\n');
    await runConsole({
      engine,
      input: process.stdin,
      output: process.stdout,
      intro,
      tipSeed: dayNumber(),
    });
    return;
  }
  const log = createLogger({
    level: config.logLevel,
    secrets: secretsOf(config),
    pretty: Boolean(process.stdout.isTTY) && !config.production,
  });
  logCrashes(log);
  try {
    await runSlack(config, log);
  } catch (err) {
    const e = err as { code?: string; data?: { error?: string }; message?: string; token?: string };
    const which = e.token === 'app' ? 'the app token (SLACK_APP_TOKEN)' : 'the bot token';
    const why = e.code === 'slack_webapi_platform_error' ? `Slack rejected ${which} (${e.data?.error})` : e.message;
    log.fatal({ err }, `could not start: ${why}`);
    process.stderr.write(`pystack: could not start: ${why}\n`);
    process.exit(1);
  }
}

main().catch((err: unknown) => {
  const known = err instanceof PystackError;
  process.stderr.write(
    `pystack: ${known ? (err as Error).message : `unexpected error: ${(err as Error).stack ?? err}`}\n`,
  );
  process.exit(1);
});
