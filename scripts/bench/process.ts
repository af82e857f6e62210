/**
 * Starts a Node process that serves HTTP on a free port and waits for its `/healthz` to answer
 * 200, timing that wait from the spawn. Shared by the end-to-end tests and `npm run bench`.
 *
 * @example
 * const p = await startServer(['dist/app/main.js'], { SLACK_BOT_TOKEN: '...', ... });
 * p.startupMs; await p.stop();
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import { ROOT } from '../../src/knowledge/open.js';

export function freePort(): Promise<number> {
  return new Promise((r) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => r(port));
    });
  });
}

/**
 * CPU time (ms) a process has used so far: from the scheduler's nanosecond count of each of its
 * threads (/proc/<pid>/task/<tid>/schedstat), or else from /proc/<pid>/stat, whose user and system
 * times count in ticks of 10 ms (too coarse for a few hundred requests of 0.15 ms: one tick is
 * then a tenth of the figure). Undefined where there is no /proc.
 */
export function cpuMs(pid: number | undefined): number | undefined {
  try {
    let ns = 0;
    for (const tid of readdirSync(`/proc/${pid}/task`))
      ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
    if (Number.isFinite(ns) && ns > 0) return ns / 1e6;
  } catch {
    // no schedstat (a kernel without it): the ticks below
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in USER_HZ (100)
  } catch {
    return undefined;
  }
}

export interface Server {
  url: string;
  proc: ChildProcess;
  /** Milliseconds from spawn to the first 200 from /healthz. */
  startupMs: number;
  logs(): string;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/**
 * Spawns `node <args>` with exactly `env` plus PORT, and waits (up to 15 s) for /healthz to answer 200.
 * `quiet` sends stdout (the JSON logs) to /dev/null, as a log shipper would take it, instead of
 * collecting it here: under load, collecting would cost the load generator CPU it shares.
 */
export async function startServer(
  args: string[],
  env: Record<string, string>,
  { quiet = false }: { quiet?: boolean } = {},
): Promise<Server> {
  const port = await freePort();
  let out = '';
  const t0 = performance.now();
  const proc = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', quiet ? 'ignore' : 'pipe', 'pipe'],
  });
  proc.stdout?.on('data', (d) => {
    out += d;
  });
  proc.stderr?.on('data', (d) => {
    out += d;
  });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`${args.join(' ')} exited ${proc.exitCode}:\n${out}`);
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    if (performance.now() - t0 > 15_000) {
      proc.kill('SIGKILL');
      throw new Error(`${args.join(' ')} not healthy in 15 s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  const startupMs = performance.now() - t0;
  return {
    url,
    proc,
    startupMs,
    logs: () => out,
    stop: () =>
      new Promise((r) => {
        if (proc.exitCode !== null || proc.signalCode !== null) return r(proc.exitCode); // already gone (e.g. SIGKILLed)
        proc.once('exit', (code) => r(code));
        proc.kill('SIGTERM');
      }),
  };
}
