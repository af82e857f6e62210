/**
 * Builds dist/ once before the suite when it is missing or older than the sources, so the CLI
 * tests spawn the code under test. Runs once per `vitest run`, before any worker starts.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CLI, ROOT } from './paths.js';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const t = entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs;
    if (t > newest) newest = t;
  }
  return newest;
}

export default function setup(): void {
  const index = resolve(ROOT, 'dist', 'search-index.json');
  const stale =
    !existsSync(CLI) ||
    !existsSync(index) ||
    newestMtime(resolve(ROOT, 'src')) > statSync(CLI).mtimeMs ||
    newestMtime(resolve(ROOT, 'knowledge')) > statSync(index).mtimeMs;
  if (!stale) return;
  const tsc = resolve(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  // Failures are reported but not fatal: tsc still emits on type errors, and the CLI falls back
  // to an in-memory index; the tests then say what is actually wrong.
  for (const args of [
    [tsc, '-p', 'tsconfig.build.json'],
    [CLI, 'build-index'],
  ]) {
    try {
      execFileSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
    } catch (err) {
      console.warn(`global-setup: ${args.join(' ')} failed: ${(err as Error).message}`);
    }
  }
}
