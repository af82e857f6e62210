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
  const index = resolve(ROOT, 'dist', 'search-index.bin');
  const stale =
    !existsSync(CLI) ||
    !existsSync(index) ||
    newestMtime(resolve(ROOT, 'src')) > statSync(CLI).mtimeMs ||
    newestMtime(resolve(ROOT, 'knowledge')) > statSync(index).mtimeMs;
  if (!stale) return;
  // One definition of the build: the package's own script (compile, index, train, bundle).
  // A failure is reported but not fatal; the tests then say what is actually wrong.
  try {
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  } catch (err) {
    console.warn(`global-setup: npm run build failed: ${(err as Error).message}`);
  }
}
