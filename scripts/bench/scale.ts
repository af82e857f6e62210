/**
 * The scale part of `npm run bench`: the knowledge multiplied 1x, 10x and 100x with generated
 * entries (generate.ts), each step in a fresh Node process (scale-worker.ts) so memory figures
 * are honest. Measures what `npm run build` and start-up do, then the labelled questions.
 *
 * @example
 * console.log(formatTable(await scaleBench())); // or: node dist/scripts/bench/scale.js
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { formatTable, mb, ms, type Table } from './table.js';

const FACTORS = [1, 10, 100] as const;
/** Rounds of the question set per factor: fewer at 100x, where one round takes seconds. */
const ROUNDS: Record<(typeof FACTORS)[number], number> = { 1: 10, 10: 10, 100: 3 };
const AIM = { p99Ms: 5, loadMs: 1000, rssMb: 300 };
const WORKER = fileURLToPath(new URL('./scale-worker.js', import.meta.url));

type Json = Record<string, number>;
interface Step {
  gen: Json;
  build: Json;
  serve: Json & { slowest: [string, number][] };
}

async function worker(...args: string[]): Promise<Json> {
  const { stdout } = await promisify(execFile)(process.execPath, [WORKER, ...args], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').pop() as string) as Json;
}

async function measure(k: (typeof FACTORS)[number], root: string): Promise<Step> {
  const dir = join(root, `kb-${k}x`);
  const index = join(root, `index-${k}x.json`);
  const gen = await worker('generate', String(k), dir);
  const build = await worker('build', dir, index);
  const serve = (await worker('serve', dir, index, String(ROUNDS[k]))) as Step['serve'];
  rmSync(dir, { recursive: true, force: true });
  return { gen, build, serve };
}

const v = (s: Step, part: keyof Step, key: string) => (s[part] as Json)[key] ?? 0;
const start = (s: Step) =>
  v(s, 'serve', 'loadMs') + v(s, 'serve', 'indexLoadMs') + v(s, 'serve', 'rankerLoadMs') + v(s, 'serve', 'engineMs');
const int = (n: number) => ms(n, 0);

/** Row name, value of one factor, format. */
const MEASURES: [string, (s: Step) => number, (n: number) => string][] = [
  ['entries searched', (s) => v(s, 'build', 'searchable'), String],
  ['index terms', (s) => v(s, 'build', 'terms'), String],
  ['knowledge YAML (MB)', (s) => v(s, 'gen', 'bytes'), mb],
  ['knowledge load, parsing the YAML: yaml + zod + checks (ms)', (s) => v(s, 'build', 'loadMs'), int],
  ["knowledge load at start-up, with the build's parse cache (ms)", (s) => v(s, 'serve', 'loadMs'), int],
  ['index build (ms)', (s) => v(s, 'build', 'buildMs'), int],
  ['serialized index (MB)', (s) => v(s, 'build', 'bytes'), mb],
  ['index load (ms)', (s) => v(s, 'serve', 'indexLoadMs'), int],
  ['entry ranker: build (ms)', (s) => v(s, 'build', 'rankerMs'), int],
  ['entry ranker: load packed (ms)', (s) => v(s, 'serve', 'rankerLoadMs'), int],
  ['engine set-up (ms)', (s) => v(s, 'serve', 'engineMs'), int],
  ['start-up: knowledge + index + engine (ms)', start, int],
  ['first answer (ms)', (s) => v(s, 'serve', 'firstMs'), (n) => ms(n, 2)],
  ['answer p50 (ms)', (s) => v(s, 'serve', 'p50'), (n) => ms(n, 2)],
  ['answer p99 (ms)', (s) => v(s, 'serve', 'p99'), (n) => ms(n, 2)],
  ['answer max (ms)', (s) => v(s, 'serve', 'max'), (n) => ms(n, 1)],
  ['share of answer time in the query evaluator (%)', (s) => 100 * v(s, 'serve', 'lunrShare'), int],
  ['share of answer time in GC pauses (%)', (s) => 100 * v(s, 'serve', 'gcShare'), int],
  ['answer p99 outside the query and GC (ms)', (s) => v(s, 'serve', 'p99Ours'), (n) => ms(n, 2)],
  ['query time per posting (us)', (s) => v(s, 'serve', 'lunrUsPerPosting'), (n) => ms(n, 2)],
  ['most postings one query reads', (s) => v(s, 'serve', 'maxPostings'), String],
  ['- evaluator p50 (ms)', (s) => v(s, 'serve', 'evP50'), (n) => ms(n, 3)],
  ['- evaluator p99 (ms)', (s) => v(s, 'serve', 'evP99'), (n) => ms(n, 3)],
  ['- evaluator max (ms)', (s) => v(s, 'serve', 'evMax'), (n) => ms(n, 2)],
  ['- lunr.Index.query p50 (ms)', (s) => v(s, 'serve', 'lunrP50'), (n) => ms(n, 3)],
  ['- lunr.Index.query p99 (ms)', (s) => v(s, 'serve', 'lunrP99'), (n) => ms(n, 3)],
  ['- lunr.Index.query max (ms)', (s) => v(s, 'serve', 'lunrMax'), (n) => ms(n, 2)],
  ['- identical results (refs, order, scores)', (s) => v(s, 'serve', 'identical'), (n) => (n ? 'yes' : 'NO')],
  ['live heap after the questions (MB)', (s) => v(s, 'serve', 'heapUsedMb'), int],
  ['RSS when ready (MB)', (s) => v(s, 'serve', 'readyRss'), int],
  ['RSS after the questions (MB)', (s) => v(s, 'serve', 'rss'), int],
  ['peak RSS, serving (MB)', (s) => v(s, 'serve', 'maxRss'), int],
  ['- peak during the knowledge load (MB)', (s) => v(s, 'serve', 'kbMaxRss'), int],
  ['peak RSS, building the index (MB)', (s) => v(s, 'build', 'maxRss'), int],
];

function notes(steps: Step[], load: [number, number]): string[] {
  const one = steps[0] as Step;
  const top = steps[steps.length - 1] as Step;
  const verdict = (what: string, value: number, aim: number, unit: string, why: string) =>
    `${what} at 100x: ${value < 10 ? value.toFixed(2) : value.toFixed(0)} ${unit} (aim < ${aim} ${unit}): ${value < aim ? 'met' : `MISSED. ${why}`}`;
  const pct = (part: number, whole: number) => `${Math.round((100 * part) / whole)}%`;
  const p99 = v(top, 'serve', 'p99');
  return [
    `Each factor runs in fresh Node processes: generate, build (as npm run build), serve (start-up as openKnowledge does, one warm-up round, then ${FACTORS.map((k) => `${ROUNDS[k]}`).join('/')} rounds of the ${Math.round(v(one, 'serve', 'queries') / ROUNDS[1])} labelled questions). Generated entries are remixes of the real ones, written as YAML and validated by the real loader.`,
    `Last column: 100x divided by 1x. Machine: ${cpus().length} cores, load average ${load[0].toFixed(1)} before and ${load[1].toFixed(1)} after (above the core count, other work shares the CPU and timings, p99 most, run high).`,
    verdict(
      'Answer p99',
      p99,
      AIM.p99Ms,
      'ms',
      `Queries: ${pct(v(top, 'serve', 'lunrShare'), 1)} of answer time is inside the query evaluator, about ${v(top, 'serve', 'lunrUsPerPosting').toFixed(2)} us per posting its query words hold, and a common word holds up to ${v(top, 'serve', 'maxPostings')} postings at 100x; GC pauses take ${pct(v(top, 'serve', 'gcShare'), 1)} (much of it inside the query); outside both the p99 is ${v(top, 'serve', 'p99Ours').toFixed(2)} ms.`,
    ),
    verdict(
      'Start-up',
      start(top),
      AIM.loadMs,
      'ms',
      `The knowledge load (zod and cross-checks over values from the build's parse cache; parsing the ${mb(v(top, 'gen', 'bytes'))} MB of YAML instead takes ${int(v(top, 'build', 'loadMs'))} ms) is ${pct(v(top, 'serve', 'loadMs'), start(top))} of it; the index load (the evaluator's arrays read straight from the binary file, no Lunr index) is ${int(v(top, 'serve', 'indexLoadMs'))} ms; the entry ranker's ${int(v(top, 'serve', 'rankerLoadMs'))} ms and the engine's set-up ${int(v(top, 'serve', 'engineMs'))} ms.`,
    ),
    verdict(
      'Peak RSS serving',
      v(top, 'serve', 'maxRss'),
      AIM.rssMb,
      'MB',
      `The knowledge load alone peaks at ${int(v(top, 'serve', 'kbMaxRss'))} MB and RSS is ${int(v(top, 'serve', 'readyRss'))} MB once ready` +
        (v(top, 'serve', 'maxRss') > 1.2 * v(top, 'serve', 'readyRss')
          ? `; the questions lift it to ${int(v(top, 'serve', 'maxRss'))} MB.`
          : '.'),
    ),
    `Slowest answers at 100x: ${top.serve.slowest.map(([q, t]) => `"${q}" ${t.toFixed(0)} ms`).join(', ')}.`,
  ];
}

/** `npm run bench -- --scale K --json`: one factor alone, as one JSON line. */
export async function scaleJson(k: number): Promise<string> {
  if (!(FACTORS as readonly number[]).includes(k)) throw new Error(`--scale must be one of ${FACTORS.join(', ')}`);
  const root = mkdtempSync(join(tmpdir(), 'pystack-scale-'));
  try {
    const s = await measure(k as (typeof FACTORS)[number], root);
    return JSON.stringify({
      factor: k,
      p50Ms: v(s, 'serve', 'p50'),
      p99Ms: v(s, 'serve', 'p99'),
      peakRssMb: v(s, 'serve', 'maxRss'),
      startupMs: start(s),
      identical: v(s, 'serve', 'identical') === 1,
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

export async function scaleBench(): Promise<Table> {
  const root = mkdtempSync(join(tmpdir(), 'pystack-scale-'));
  const before = loadavg()[0] ?? 0;
  const steps: Step[] = [];
  try {
    for (const k of FACTORS) steps.push(await measure(k, root));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  const first = steps[0] as Step;
  const last = steps[steps.length - 1] as Step;
  return {
    title: 'Scale: the knowledge multiplied 1x, 10x, 100x',
    head: ['measure', ...FACTORS.map((k) => `${k}x`), '100x/1x'],
    rows: MEASURES.map(([name, get, fmt]) => [
      name,
      ...steps.map((s) => fmt(get(s))),
      get(first) ? `${(get(last) / get(first)).toFixed(1)}x` : '',
    ]),
    notes: notes(steps, [before, loadavg()[0] ?? 0]),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(formatTable(await scaleBench()));
