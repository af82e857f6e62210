/**
 * A real redis-server (Debian's, on PATH; `.ci/run` installs it) on a free loopback port, for the
 * store contract and the multi-replica tests. No mock stands in for Redis. `restart()` stops it
 * and starts it again on the same port; with `persist`, it keeps its data across that (an
 * append-only file fsynced on every write, as a production Redis would be configured).
 *
 * @example
 * const redis = await startRedis(); // redis.url: redis://127.0.0.1:PORT
 * await redis.restart(); await redis.stop();
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../scripts/bench/process.js';

export interface RedisServer {
  url: string;
  port: number;
  stop(): Promise<void>;
  restart(opts?: { downMs?: number }): Promise<void>;
}

function binary(): string {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).stdout.trim();
  if (!found)
    throw new Error('redis-server is not on PATH: install it (Debian: apt-get install -y redis-server); .ci/run does');
  return found;
}

async function launch(port: number, dir: string, persist: boolean): Promise<ChildProcess> {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', ''];
  args.push(...(persist ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no']));
  const proc = spawn(binary(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${out}`)), 10_000);
    proc.stdout?.on('data', (d) => {
      out += String(d);
      if (out.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited (${code}): ${out}`));
    });
  });
  return proc;
}

function halt(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    proc.once('exit', () => resolve());
    proc.kill('SIGTERM');
  });
}

export async function startRedis({ persist = false }: { persist?: boolean } = {}): Promise<RedisServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'pystack-redis-'));
  let proc = await launch(port, dir, persist);
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async stop() {
      await halt(proc);
      rmSync(dir, { recursive: true, force: true });
    },
    async restart({ downMs = 0 } = {}) {
      await halt(proc);
      if (downMs) await new Promise((r) => setTimeout(r, downMs));
      proc = await launch(port, dir, persist);
    },
  };
}
