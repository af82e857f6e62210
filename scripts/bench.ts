/**
 * `npm run bench`: answer latency over the labelled question set (in process), knowledge and
 * index load times, printed as a table. Timings are compared as ratios within one run, never
 * asserted in tests.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createEngine } from '../src/answer/engine.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { DEFAULT_PATHS, openKnowledge, ROOT } from '../src/knowledge/open.js';
import { buildIndex, loadIndex } from '../src/knowledge/search-index.js';
import { renderBlocks } from '../src/render/blocks.js';

const ROUNDS = 20;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function time<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const out = fn();
  return [out, performance.now() - t0];
}

const questions = readFileSync(resolve(ROOT, 'tests/eval/questions.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => (JSON.parse(l) as { q: string }).q);

const [kb, loadMs] = time(() => loadKnowledge(DEFAULT_PATHS.knowledgeDir));
const [, indexLoadMs] = time(() => loadIndex(DEFAULT_PATHS.indexFile, kb));
const [, indexBuildMs] = time(() => buildIndex(kb));
const engine = createEngine(openKnowledge());

for (const q of questions) engine.answer(q); // warm-up
const answerMs: number[] = [];
const renderMs: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  for (const q of questions) {
    const [a, ms] = time(() => engine.answer(q, { tipSeed: r }));
    answerMs.push(ms);
    renderMs.push(time(() => renderBlocks(a))[1]);
  }
}
answerMs.sort((a, b) => a - b);
renderMs.sort((a, b) => a - b);

const rows: [string, string, string][] = [
  ['answer p50 (ms)', percentile(answerMs, 50).toFixed(3), 'aim < 1 ms p99'],
  ['answer p99 (ms)', percentile(answerMs, 99).toFixed(3), percentile(answerMs, 99) < 1 ? 'ok' : 'OVER'],
  ['render blocks p99 (ms)', percentile(renderMs, 99).toFixed(3), ''],
  ['knowledge load (ms)', loadMs.toFixed(1), ''],
  ['index load (ms)', indexLoadMs.toFixed(1), indexLoadMs < 100 ? 'ok (aim < 100 ms)' : 'OVER (aim < 100 ms)'],
  ['index build (ms)', indexBuildMs.toFixed(1), `load/build ratio ${(indexLoadMs / indexBuildMs).toFixed(2)}`],
  ['questions x rounds', `${questions.length} x ${ROUNDS}`, ''],
];
const w = Math.max(...rows.map((r) => r[0].length));
console.log(`| ${'measure'.padEnd(w)} | value | note |`);
console.log(`|${'-'.repeat(w + 2)}|-------|------|`);
for (const [k, v, n] of rows) console.log(`| ${k.padEnd(w)} | ${v} | ${n} |`);
