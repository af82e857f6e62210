/**
 * Checks at start-up that STATE_DIR can be written, so a read-only or misplaced directory is named
 * in one line instead of surfacing later as a failed save.
 *
 * @example
 * const problem = stateDirProblem('./.data'); // undefined, or 'STATE_DIR ./.data is not writable (EACCES: …)'
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export function stateDirProblem(dir: string): string | undefined {
  const probe = join(dir, `.write-check-${process.pid}`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(probe, '');
    rmSync(probe, { force: true });
    return undefined;
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    return `STATE_DIR ${resolve(dir)} is not writable (${e.code ?? e.message})`;
  }
}
