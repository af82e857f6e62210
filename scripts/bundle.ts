/**
 * The last step of `npm run build`: the compiled modules in dist/src bundled into dist/app, a file per
 * entry (`main.js`, the bot and its local console; `cli.js`, the `pystack` command) and the chunks they
 * share or load on demand (the Slack app, the team watcher, the tips scheduler stay behind dynamic imports,
 * so code splitting keeps them lazy). Every package stays outside, loaded from node_modules as ever (the Redis
 * client only with REDIS_URL, zod and the YAML parser only on a parse-cache miss).
 *
 * Why: Node loads ES modules one by one (resolve, read, compile, link), and our 84 were most of what
 * pystack added to a bare Bolt app's start-up to /healthz (bundled: about 1.3x bare Bolt; not: 1.45 to 1.6x).
 *
 * @example
 * node dist/scripts/bundle.js // dist/app/main.js, dist/app/cli.js, dist/app/chunk-*.js
 */
import { chmodSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** The project root, two folders up from dist/scripts. */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const out = resolve(ROOT, 'dist', 'app');
rmSync(out, { recursive: true, force: true });
await build({
  entryPoints: ['main.js', 'cli.js'].map((f) => resolve(ROOT, 'dist', 'src', f)),
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
chmodSync(resolve(out, 'cli.js'), 0o755);
console.log(`pystack: bundled the app into ${out}`);
