/**
 * The HTTP tables: pystack (the real `dist/src/main.js`) and a bare Bolt app that acks with a
 * fixed text, started side by side against the same fake Slack Web API, each sent the same
 * signed `/pystack compare django fastapi` requests at concurrency 10 and 50, in one run, so
 * the ratio between them is fair on a noisy machine. Also start-up time to /healthz 200.
 */
import { startFakeSlack } from '../fake-slack.js';
import { runLoad, slashCommand, type LoadResult } from './load.js';
import { cpuMs, type Server, startServer } from './process.js';
import { ms, type Table } from './table.js';

const SECRET = '8f742231b10e8888abcd99edabcd00d1';
const TOKEN = 'xoxb-1111-2222-benchTOKEN';
const REQUESTS = 3000;
const STARTS = 3;

function env(apiUrl: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    SLACK_BOT_TOKEN: TOKEN,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: apiUrl,
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    STATE_DIR: 'dist/bench-state',
  };
}

const PYSTACK = ['dist/src/main.js'];
const BARE = ['dist/scripts/bench/bare-bolt.js'];

interface Measured extends LoadResult {
  /** Server CPU time per request (ms), or undefined without /proc. */
  cpu?: number;
}

async function load(server: Server, concurrency: number, requests = REQUESTS): Promise<Measured> {
  const before = cpuMs(server.proc.pid);
  const r = await runLoad({
    url: server.url,
    secret: SECRET,
    requests,
    concurrency,
    request: () => slashCommand('compare django fastapi'),
  });
  const after = cpuMs(server.proc.pid);
  return { ...r, cpu: before === undefined || after === undefined ? undefined : (after - before) / requests };
}

async function medianStartup(args: string[], apiUrl: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < STARTS; i++) {
    const s = await startServer(args, env(apiUrl));
    times.push(s.startupMs);
    await s.stop();
  }
  return times.sort((a, b) => a - b)[Math.floor(STARTS / 2)] ?? 0;
}

export async function httpBench(): Promise<Table[]> {
  const fake = await startFakeSlack();
  try {
    const pystack = await startServer(PYSTACK, env(fake.apiUrl), { quiet: true });
    const bare = await startServer(BARE, env(fake.apiUrl), { quiet: true });
    const rows: string[][] = [];
    const ratios: string[] = [];
    let failures = 0;
    try {
      await load(pystack, 10, 1500); // warm-up (JIT), not measured
      await load(bare, 10, 1500);
      for (const c of [10, 50]) {
        const p = await load(pystack, c);
        const b = await load(bare, c);
        for (const [name, r] of [
          ['pystack', p],
          ['bare Bolt', b],
        ] as const) {
          failures += r.failures;
          rows.push([
            name,
            String(c),
            String(r.requests),
            ms(r.rps, 0),
            ms(r.p50),
            ms(r.p99),
            ms(r.max),
            r.cpu === undefined ? '-' : ms(r.cpu, 3),
            String(r.failures),
          ]);
        }
        const ratio = p.rps / b.rps;
        const cpuRatio =
          p.cpu && b.cpu ? ` Server CPU per request, bare Bolt / pystack: ${(b.cpu / p.cpu).toFixed(2)}.` : '';
        ratios.push(
          `Concurrency ${c}: pystack / bare Bolt throughput ${ratio.toFixed(2)} (aim at least 0.9: ${ratio >= 0.9 ? 'met' : 'MISSED'}); ack p99 ${ms(p.p99)} vs ${ms(b.p99)} ms.${cpuRatio}`,
        );
      }
    } finally {
      await pystack.stop();
      await bare.stop();
    }
    const startPystack = await medianStartup(PYSTACK, fake.apiUrl);
    const startBare = await medianStartup(BARE, fake.apiUrl);
    return [
      {
        title: 'HTTP under load: signed `/pystack compare django fastapi`, 127.0.0.1, fake Slack Web API',
        head: [
          'app',
          'concurrency',
          'requests',
          'req/s',
          'ack p50 (ms)',
          'ack p99 (ms)',
          'ack max (ms)',
          'server CPU/request (ms)',
          'failures',
        ],
        rows,
        notes: [
          ...ratios,
          `Failures (network errors or non-200): ${failures}; aim 0: ${failures === 0 ? 'met' : 'MISSED'}.`,
          'Load generator, pystack and bare Bolt share the same 2 cores; pystack logs one JSON line per answer (production logging), bare Bolt logs nothing.',
        ],
      },
      {
        title: 'Start-up: process spawn to `/healthz` answering 200 (median of 3)',
        head: ['app', 'start-up (ms)'],
        rows: [
          ['pystack (config, knowledge, index, auth.test, listen)', ms(startPystack, 0)],
          ['bare Bolt (auth.test, listen)', ms(startBare, 0)],
        ],
        notes: [`pystack / bare Bolt: ${(startPystack / startBare).toFixed(2)}.`],
      },
    ];
  } finally {
    await fake.close();
  }
}
