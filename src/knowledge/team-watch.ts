/**
 * Picks up an edited team overlay without a restart: every few seconds the overlay's files are
 * hashed; on a change the knowledge is opened again with it and, when it is valid, handed over.
 * A broken edit keeps the previous overlay and is reported once (per broken version).
 *
 * @example
 * const watch = watchTeam({ path: 'team.yml', open: () => openKnowledge({ team }), onLoad, onProblem });
 * watch.stop();
 */
import type { OpenedKnowledge } from './open.js';
import { teamHash } from './team.js';

/** How often the overlay is checked: an edit is live within this (the issue asks for 10 s). */
export const TEAM_CHECK_MS = 3_000;

export function watchTeam(o: {
  path: string;
  open: () => OpenedKnowledge;
  onLoad: (opened: OpenedKnowledge) => void;
  onProblem: (message: string) => void;
  everyMs?: number;
}): { stop(): void; check(): void } {
  const hash = () => {
    try {
      return teamHash(o.path);
    } catch (err) {
      return `unreadable: ${(err as Error).message}`;
    }
  };
  let seen = hash();
  let reported = '';
  const check = () => {
    const now = hash();
    if (now === seen) return;
    try {
      const opened = o.open();
      seen = now;
      reported = '';
      o.onLoad(opened);
    } catch (err) {
      if (reported !== now) o.onProblem(`${(err as Error).message}; keeping the previous team standards`);
      reported = now;
    }
  };
  const timer = setInterval(check, o.everyMs ?? TEAM_CHECK_MS);
  timer.unref();
  return { stop: () => clearInterval(timer), check };
}
