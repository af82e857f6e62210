/**
 * Probes that report which packages a Node process loads: a loader hook writes `IMPORTED <name>;`
 * to stderr for each import from one of them, and at exit the require cache is read into
 * `REQUIRED <names>;` (those required, comma-separated; empty when none was).
 *
 * @example
 * const args = loadProbes(['zod', 'yaml']); // node ...args dist/app/cli.js ask "…"
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export function loadProbes(packages: string[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'probe-'));
  const names = JSON.stringify(packages);
  const hook = join(dir, 'hook.mjs');
  writeFileSync(
    hook,
    `const names = ${names};\n` +
      'export async function resolve(s, c, next) { const r = await next(s, c); ' +
      "const hit = names.find((n) => r.url.includes('/node_modules/' + n + '/')); " +
      "if (hit) process.stderr.write('IMPORTED ' + hit + ';'); return r; }\n",
  );
  const probe = join(dir, 'probe.cjs');
  writeFileSync(
    probe,
    `const names = ${names};\n` +
      "process.on('exit', () => { const seen = Object.keys(require.cache).join(' '); " +
      "process.stderr.write('REQUIRED ' + names.filter((n) => seen.includes('node_modules/' + n + '/')).join(',') + ';'); });\n",
  );
  return ['--no-warnings', '--experimental-loader', pathToFileURL(hook).href, '--require', probe];
}
