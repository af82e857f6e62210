/**
 * Keeps the Dockerfile honest without a Docker engine: its stages are carried out as written
 * (scripts/dockerfile.ts), then the runtime folder is checked and run, as the image's USER where
 * it matters. Ownership is really given, so like a real build this needs root.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostEnv, hostPath, runDockerfile } from '../scripts/dockerfile.js';
import { startFakeSlack } from '../scripts/fake-slack.js';
import { SECRET, TOKEN } from './e2e/harness.js';

let out: string;
let runtime: ReturnType<typeof runDockerfile>;

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'pystack-image-'));
  runtime = runDockerfile(out);
}, 240_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('Dockerfile', () => {
  it('is multi-stage, runs as a non-root user, exposes the port and has a HEALTHCHECK on /healthz', () => {
    expect(readdirSync(out).sort()).toEqual(['build', 'runtime']);
    expect(runtime.meta.USER).toBe('node');
    expect(runtime.meta.EXPOSE).toBe('3000');
    expect(runtime.meta.HEALTHCHECK).toContain('/healthz');
    expect(runtime.env.NODE_ENV).toBe('production');
  });

  it('ships production dependencies only, with the compiled code and the search index', () => {
    const modules = readdirSync(join(runtime.dir, 'node_modules'));
    expect(modules).toContain('lunr');
    for (const dev of ['typescript', 'vitest', 'eslint', 'prettier']) expect(modules).not.toContain(dev);
    expect(existsSync(join(runtime.dir, 'dist/search-index.bin'))).toBe(true);
    expect(existsSync(join(runtime.dir, 'src'))).toBe(false);
  });

  it('answers in the console when started without Slack credentials', () => {
    const text = execFileSync(process.execPath, ['dist/app/main.js'], {
      cwd: runtime.dir,
      input: 'compare django fastapi\n',
      env: { PATH: process.env.PATH ?? '', ...hostEnv(runtime) },
    }).toString();
    expect(text).toContain('Django vs FastAPI');
  });

  it('serves Slack over HTTP and passes its own HEALTHCHECK command', async () => {
    const fake = await startFakeSlack();
    const port = String(20_000 + Math.floor(Math.random() * 20_000));
    const env = { PATH: process.env.PATH ?? '', ...hostEnv(runtime), PORT: port };
    const proc = spawn(process.execPath, ['dist/app/main.js'], {
      cwd: runtime.dir,
      env: { ...env, SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl },
      stdio: 'ignore',
    });
    try {
      const cmd = JSON.parse(runtime.meta.HEALTHCHECK?.replace(/^.*?CMD\s+/, '') ?? '[]') as string[];
      let code = 1;
      for (let i = 0; i < 100 && code !== 0; i++) {
        await new Promise((r) => setTimeout(r, 100));
        code = await new Promise<number>((r) =>
          spawn(cmd[0] === 'node' ? process.execPath : (cmd[0] ?? ''), cmd.slice(1), { env, stdio: 'ignore' }).on(
            'exit',
            (c) => r(c ?? 1),
          ),
        );
      }
      expect(code).toBe(0);
    } finally {
      proc.kill('SIGTERM');
      await fake.close();
    }
  }, 30_000);

  // The app keeps its tip rotation in STATE_DIR (src/config.ts, default ./.data) and saves it
  // before each post: if USER cannot write there, no tip is ever posted.
  const stateDir = () => runtime.env.STATE_DIR ?? './.data';

  it('keeps STATE_DIR on a VOLUME owned by the runtime user', () => {
    expect(runtime.meta.VOLUME).toBeDefined();
    expect(runtime.volumes).toContain(posix.resolve(runtime.meta.WORKDIR ?? '/', stateDir()));
    const dir = hostPath(runtime, stateDir());
    expect(existsSync(dir), `${stateDir()} is in the image`).toBe(true);
    const { uid, gid } = statSync(dir);
    expect({ uid, gid }).toEqual(runtime.user);
  });

  it('posts a tip with TIPS_CHANNEL set, as the runtime user, and keeps the rotation in STATE_DIR', async () => {
    const fake = await startFakeSlack();
    try {
      const user = runtime.user ?? { uid: 0, gid: 0 };
      const proc = spawn(process.execPath, ['dist/app/cli.js', 'post-tip', '--channel', 'C0DOCKER'], {
        cwd: runtime.dir,
        uid: user.uid,
        gid: user.gid,
        env: {
          PATH: process.env.PATH ?? '',
          ...hostEnv(runtime),
          SLACK_BOT_TOKEN: TOKEN,
          SLACK_SIGNING_SECRET: SECRET,
          SLACK_API_URL: fake.apiUrl,
          TIPS_CHANNEL: 'C0DOCKER',
        },
      });
      let output = '';
      proc.stdout.on('data', (d) => (output += String(d)));
      proc.stderr.on('data', (d) => (output += String(d)));
      const code = await new Promise<number | null>((done) => proc.on('exit', done));
      expect(code, output).toBe(0);
      expect(fake.ok('chat.postMessage').map((p) => p.body.channel)).toEqual(['C0DOCKER']);
      expect(readdirSync(hostPath(runtime, stateDir())), 'the rotation is kept in STATE_DIR').not.toEqual([]);
    } finally {
      await fake.close();
    }
  }, 30_000);
});
