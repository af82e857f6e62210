/**
 * `npm start`: runs the Slack bot when Slack credentials are set (HTTP, or Socket Mode with an
 * app token), otherwise the local console. Bad configuration or knowledge stops start-up with
 * one clear line and exit code 1; SIGTERM/SIGINT stop it gracefully within 5 s.
 */
import dotenv from 'dotenv';
import { createEngine } from './answer/engine.js';
import { MemoryThreadContext } from './state/thread-context.js';
import { dayNumber } from './answer/tip.js';
import { type Config, loadConfig, secretsOf } from './config.js';
import { runConsole } from './console.js';
import { PystackError } from './errors.js';
import { openKnowledge } from './knowledge/open.js';
import { createLogger, type Logger } from './log.js';

const STOP_WITHIN_MS = 5_000;

async function runSlack(config: Config, log: Logger): Promise<void> {
  const opened = openKnowledge();
  if (opened.indexNote) log.warn(opened.indexNote);
  const engine = createEngine(opened);
  const { createSlackApp } = await import('./slack/app.js');
  const slack = createSlackApp({ config, engine, log, threads: new MemoryThreadContext() });
  const { createTipScheduler } = await import('./tips/create.js');
  const tips = config.tips ? createTipScheduler({ config, engine, log, channels: config.tips.channels }) : undefined;
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping: finishing requests in flight');
    const timer = setTimeout(() => {
      log.warn('requests still in flight after 5 s; exiting');
      process.exit(0);
    }, STOP_WITHIN_MS - 500);
    timer.unref();
    tips?.stop();
    slack.stop().then(
      () => {
        log.info('stopped');
        process.exit(0);
      },
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
  tips?.start();
  log.info(
    {
      mode: config.mode,
      port: config.port,
      ms: Math.round(performance.now() - t0),
      entries: engine.knowledge.entries.size,
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
    const engine = createEngine(openKnowledge());
    const intro = [
      'pystack local console: no Slack credentials are set (SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET).',
      'To connect Slack, copy .env.example to .env and fill them in (see README). Type a question, "help", or Ctrl-D to quit.',
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
  try {
    await runSlack(config, log);
  } catch (err) {
    const e = err as { code?: string; data?: { error?: string }; message?: string };
    const why =
      e.code === 'slack_webapi_platform_error' ? `Slack rejected the bot token (${e.data?.error})` : e.message;
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
