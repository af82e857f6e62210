/**
 * The team-overlay table: answer latency over the labelled set with an overlay of 200 entries
 * (100 standards on curated entries, 100 team packages) next to the same engine without one, in
 * the same run, plus the cost of opening the knowledge with the overlay (its index is built in
 * memory at start and on every reload).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { createEngine, type Engine } from '../../src/answer/engine.js';
import { openKnowledge } from '../../src/knowledge/open.js';
import { TEAM_STATUSES } from '../../src/knowledge/team.js';
import { labelledQuestions, WARM_ROUNDS } from './engine.js';
import { ms, percentile, type Table, time } from './table.js';

const ROUNDS = 10;
export const OVERLAY_ENTRIES = 200;

/** An overlay of `n` entries: half standards on curated packages, half team packages. */
export function writeOverlay(dir: string, n = OVERLAY_ENTRIES): string {
  const curated = openKnowledge().knowledge.packages;
  const half = Math.floor(n / 2);
  const standards = curated.slice(0, half).map((p, i) => ({
    id: p.id,
    status: TEAM_STATUSES[i % TEAM_STATUSES.length],
    reason: `Team rule ${i} for ${p.name}`,
  }));
  const packages = Array.from({ length: n - half }, (_, i) => ({
    id: `acme-pkg-${i}`,
    name: `acme-pkg-${i}`,
    summary: `Internal package ${i} for the team's services.`,
    use_cases: [`internal task ${i}`, i % 2 ? 'authentication' : 'service config'],
    owner: '#platform-team',
  }));
  const file = join(dir, 'team.yml');
  writeFileSync(file, stringify({ standards, packages }));
  return file;
}

/** Both engines answer each question in turn, round after round, so machine noise falls on both alike. */
function interleaved(a: Engine, b: Engine, questions: string[]) {
  for (let r = 0; r <= WARM_ROUNDS; r++)
    for (const q of questions) {
      a.answer(q);
      b.answer(q);
    }
  const ta: number[] = [];
  const tb: number[] = [];
  for (let r = 0; r < ROUNDS; r++)
    for (const q of questions) {
      ta.push(time(() => a.answer(q, { tipSeed: r }))[1]);
      tb.push(time(() => b.answer(q, { tipSeed: r }))[1]);
    }
  const stats = (t: number[]) => {
    t.sort((x, y) => x - y);
    return { p50: percentile(t, 50), p99: percentile(t, 99) };
  };
  return [stats(ta), stats(tb)] as const;
}

export function teamBench(): Table {
  const dir = mkdtempSync(join(tmpdir(), 'pystack-bench-team-'));
  try {
    const file = writeOverlay(dir);
    const questions = labelledQuestions();
    const [opened, openMs] = time(() => openKnowledge({ team: file }));
    const [plain, team] = interleaved(createEngine(openKnowledge()), createEngine(opened), questions);
    return {
      title: `Team overlay (${OVERLAY_ENTRIES} entries: ${OVERLAY_ENTRIES / 2} standards, ${OVERLAY_ENTRIES / 2} team packages)`,
      head: ['measure', 'no overlay', 'with overlay'],
      rows: [
        ['answer p50 (ms)', ms(plain.p50, 3), ms(team.p50, 3)],
        ['answer p99 (ms)', ms(plain.p99, 3), ms(team.p99, 3)],
        ['open knowledge with the overlay, index built in memory (ms)', '-', ms(openMs)],
      ],
      notes: [
        `Aim: answer p99 under 1 ms with the overlay, after ${WARM_ROUNDS} rounds of warm-up. p99 ${ms(team.p99, 3)} ms: ${team.p99 < 1 ? 'met' : 'MISSED'}; the overlay costs ${(team.p99 / plain.p99).toFixed(2)}x the p99 without it in this run.`,
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
