/**
 * `npm run bench`: every benchmark table, printed and written into BENCHMARKS.md between the
 * `bench:start` / `bench:end` markers with the machine and date (the prose around them is kept).
 * Timings are compared as ratios within one run, never asserted in tests.
 *
 * Sections: answer engine (in process and whole-process batch), cold start by phase, HTTP under
 * load and server CPU per request against a bare Bolt app, start-up to /healthz, and the knowledge
 * multiplied 10x and 100x.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, freemem, release, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { ROOT } from '../src/knowledge/open.js';
import { performance } from 'node:perf_hooks';
import { coldBench, engineBench } from './bench/engine.js';
import { teamBench } from './bench/team.js';
import { httpBench } from './bench/http.js';
import { scaleBench, scaleJson } from './bench/scale.js';
import { formatTable, mb, type Table } from './bench/table.js';

const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

function machine(): string {
  const cpu = cpus();
  return [
    `- Date: ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`,
    `- Machine: ${cpu.length} x ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${mb(totalmem())} MB RAM (${mb(freemem())} MB free at start)`,
    `- System: ${process.platform} ${release()}, Node ${process.version}`,
  ].join('\n');
}

function writeReport(body: string): string {
  const file = resolve(ROOT, 'BENCHMARKS.md');
  const block = `${START}\n${body}\n${END}`;
  const old = existsSync(file) ? readFileSync(file, 'utf8') : `# Benchmarks\n\n${START}\n${END}\n`;
  const at = old.indexOf(START);
  const end = old.indexOf(END);
  const next = at >= 0 && end > at ? old.slice(0, at) + block + old.slice(end + END.length) : `${old}\n${block}\n`;
  writeFileSync(file, next);
  return file;
}

// `npm run bench -- --scale 100 --json`: that scale alone, one JSON line, nothing written.
const args = process.argv.slice(2);
const scaleAt = args.indexOf('--scale');
if (scaleAt >= 0) {
  console.log(await scaleJson(Number(args[scaleAt + 1])));
  process.exit(0);
}

const t0 = performance.now();
const tables: Table[] = [];
const section = async (name: string, run: () => Table | Table[] | Promise<Table | Table[]>) => {
  process.stderr.write(`bench: ${name}…\n`);
  const out = await run();
  for (const t of Array.isArray(out) ? out : [out]) {
    tables.push(t);
    console.log(formatTable(t));
  }
};

console.log(`${machine()}\n`);
await section('answer engine', engineBench);
await section('cold start', coldBench);
await section('team overlay', teamBench);
await section('HTTP load and start-up', httpBench);
await section('scale 1x / 10x / 100x', scaleBench);
const took = (performance.now() - t0) / 1000;
const body = [
  machine(),
  `- Command: \`npm run bench\` (took ${took.toFixed(0)} s)`,
  '',
  ...tables.map(formatTable),
].join('\n');
console.log(`bench: took ${took.toFixed(0)} s; written to ${writeReport(body)}`);
