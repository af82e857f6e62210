/**
 * One step of the scale benchmark, run in a fresh Node process so its memory figures are its
 * own. Prints one JSON line. Started by scale.ts; by hand:
 *
 * @example
 * node dist/scripts/bench/scale-worker.js generate 10 /tmp/kb10
 * node dist/scripts/bench/scale-worker.js build /tmp/kb10 /tmp/kb10.json
 * node dist/scripts/bench/scale-worker.js serve /tmp/kb10 /tmp/kb10.json 5
 */
import { writeFileSync } from 'node:fs';
import type { Knowledge } from '../../src/knowledge/model.js';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { createEngine } from '../../src/answer/engine.js';
import { EntryRanker, loadEntryModel, modelKey, packRanker, unpackRanker } from '../../src/answer/ranker.js';
import { loadKnowledge, parseKnowledgeYaml } from '../../src/knowledge/load.js';
import { DEFAULT_PATHS } from '../../src/knowledge/open.js';
import { evaluatorFor } from '../../src/knowledge/evaluator.js';
import {
  buildIndex,
  buildLunrIndex,
  loadIndex,
  lunrQuery,
  type SearchIndex,
  serializeIndex,
  tokenize,
  wantedTerms,
} from '../../src/knowledge/search-index.js';
import { readYamlCache, serializeYamlCache } from '../../src/knowledge/yaml-cache.js';
import { labelledQuestions } from './engine.js';
import { writeScaledKnowledge } from './generate.js';
import { percentile, time } from './table.js';

const MB = 1024 * 1024;
const cacheFile = (indexFile: string) => `${indexFile}.yaml-cache.json`;
const rankerFile = (indexFile: string) => `${indexFile}.ranker.bin`;
const memory = () => ({ rss: process.memoryUsage().rss / MB, maxRss: process.resourceUsage().maxRSS / 1024 });

/** Writes k times the knowledge into dir. */
function generate(k: number, dir: string) {
  const [out, ms] = time(() => writeScaledKnowledge(DEFAULT_PATHS.knowledgeDir, k, dir));
  return { ...out, ms };
}

/** What `npm run build` does: load, build, serialise; then how long each half of loading the file takes. */
function build(dir: string, indexFile: string) {
  const [kb, loadMs] = time(() => loadKnowledge(dir));
  const [index, buildMs] = time(() => buildIndex(kb));
  const [json, serializeMs] = time(() => serializeIndex(kb, index));
  writeFileSync(indexFile, json);
  writeFileSync(cacheFile(indexFile), serializeYamlCache(parseKnowledgeYaml(dir))); // as npm run build does
  const model = loadEntryModel(DEFAULT_PATHS.entryModelFile);
  const [ranker, rankerMs] = time(() => new EntryRanker(kb, model));
  writeFileSync(rankerFile(indexFile), packRanker(kb, ranker, { digest: kb.digest, model: modelKey(model) }));
  const [, indexLoadMs] = time(() => loadIndex(indexFile, kb));
  return {
    entries: kb.entries.size,
    searchable: kb.entries.size - kb.tips.length,
    names: kb.names.size,
    terms: [...index.terms()].length,
    loadMs,
    buildMs,
    serializeMs,
    bytes: json.length,
    indexLoadMs,
    rankerMs,
    ...memory(),
  };
}

/**
 * Records when the query evaluator runs on this index (measurement only), and while `counting`
 * adds up the postings its query words hold: the work a query does grows with them.
 */
function watchQueries(index: SearchIndex) {
  const w = { spans: [] as Span[], postings: 0, maxPostings: 0, counting: false };
  const query = index.query.bind(index);
  index.query = (wanted) => {
    const t0 = performance.now();
    const out = query(wanted);
    w.spans.push([t0, performance.now()]);
    if (w.counting) {
      let n = 0;
      for (const t of new Set(wanted.map((x) => x.term))) n += index.postings(t);
      w.postings += n;
      w.maxPostings = Math.max(w.maxPostings, n);
    }
    return out;
  };
  return w;
}

/**
 * The evaluator against lunr.Index.query on the same queries (the labelled questions' terms),
 * interleaved, and whether every result is identical: refs, order, scores.
 */
function evaluatorVersusLunr(kb: Knowledge, ev: SearchIndex, questions: string[], rounds: number) {
  // Lunr's own index over the same knowledge, built here only to be the reference.
  const index = buildLunrIndex(kb);
  evaluatorFor(index); // laid out, as the evaluator from the file was at start-up
  const queries = questions.map((q) => wantedTerms(ev, tokenize(q))).filter((w) => w.length);
  const ours: number[] = [];
  const theirs: number[] = [];
  let identical = true;
  for (let r = 0; r < rounds; r++)
    for (const wanted of queries) {
      const [a, ta] = time(() => ev.query(wanted).all());
      const [b, tb] = time(() => lunrQuery(index, wanted));
      ours.push(ta);
      theirs.push(tb);
      if (r === 0)
        identical &&= a.length === b.length && a.every((h, i) => h.ref === b[i]?.ref && h.score === b[i]?.score);
    }
  const sorted = (xs: number[]) => [...xs].sort((x, y) => x - y);
  return {
    evP50: percentile(sorted(ours), 50),
    evP99: percentile(sorted(ours), 99),
    evMax: Math.max(...ours),
    lunrP50: percentile(sorted(theirs), 50),
    lunrP99: percentile(sorted(theirs), 99),
    lunrMax: Math.max(...theirs),
    identical: identical ? 1 : 0,
    compared: queries.length,
  };
}

type Span = [number, number];
const overlap = ([a0, a1]: Span, [b0, b1]: Span) => Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
const sum = (xs: number[]) => xs.reduce((x, y) => x + y, 0);

/** Garbage-collection pauses as they happen (reported by V8 after the fact, read once the loop yields). */
function watchGc() {
  const spans: Span[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) spans.push([e.startTime, e.startTime + e.duration]);
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    spans,
    async stop() {
      await new Promise((done) => setTimeout(done, 50));
      observer.disconnect();
    },
  };
}

/** What start-up and then a day of questions do: knowledge, index, engine; every question, several rounds. */
async function serve(dir: string, indexFile: string, rounds: number) {
  // As openKnowledge does: the YAML comes from the build's parse cache, zod and checks run as ever.
  const [kb, loadMs] = time(() => loadKnowledge(dir, readYamlCache(cacheFile(indexFile))));
  const kbMaxRss = memory().maxRss;
  const [index, indexLoadMs] = time(() => loadIndex(indexFile, kb));
  // As openKnowledge does: the ranker the build packed, with the model it counted.
  const entryModel = loadEntryModel(DEFAULT_PATHS.entryModelFile);
  const [ranker, rankerLoadMs] = time(() =>
    unpackRanker(kb, rankerFile(indexFile), { digest: kb.digest, model: modelKey(entryModel) }, entryModel),
  );
  if (!ranker) throw new Error(`no packed ranker for ${indexFile}`);
  const [engine, engineMs] = time(() => createEngine({ knowledge: kb, index, entryModel, ranker }));
  const ready = memory();
  const lunrWatch = watchQueries(index);
  const qs = labelledQuestions();
  const [, firstMs] = time(() => engine.answer(qs[0] as string));
  lunrWatch.counting = true; // warm-up round: count postings, time nothing
  for (const q of qs) engine.answer(q);
  lunrWatch.counting = false;
  const postingsPerRound = lunrWatch.postings;
  lunrWatch.spans.length = 0;
  const gc = watchGc();
  const answers: { q: string; span: Span; lunr: Span[] }[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of qs) {
      const first = lunrWatch.spans.length;
      const t0 = performance.now();
      engine.answer(q, { tipSeed: r });
      answers.push({ q, span: [t0, performance.now()], lunr: lunrWatch.spans.slice(first) });
    }
  }
  await gc.stop();
  const ms = answers.map((a) => a.span[1] - a.span[0]);
  const lunrMs = answers.map((a) => sum(a.lunr.map(([x, y]) => y - x)));
  const gcMs = answers.map((a) => sum(gc.spans.map((g) => overlap(g, a.span))));
  // Ours: the answer time outside Lunr's query and outside collector pauses.
  const ours = answers.map((a, i) => {
    const gcInLunr = sum(gc.spans.flatMap((g) => a.lunr.map((l) => overlap(g, l))));
    return (ms[i] ?? 0) - (lunrMs[i] ?? 0) - ((gcMs[i] ?? 0) - gcInLunr);
  });
  const slowest = new Map<string, number>();
  answers.forEach((a, i) => slowest.set(a.q, Math.max(ms[i] ?? 0, slowest.get(a.q) ?? 0)));
  const sorted = (xs: number[]) => [...xs].sort((x, y) => x - y);
  const total = sum(ms);
  return {
    loadMs,
    kbMaxRss,
    indexLoadMs,
    rankerLoadMs,
    engineMs,
    readyRss: ready.rss,
    firstMs,
    p50: percentile(sorted(ms), 50),
    p99: percentile(sorted(ms), 99),
    max: Math.max(...ms),
    p99Ours: percentile(sorted(ours), 99),
    queries: answers.length,
    lunrShare: sum(lunrMs) / total,
    gcShare: sum(gcMs) / total,
    lunrUsPerPosting: postingsPerRound ? (1000 * sum(lunrMs)) / (rounds * postingsPerRound) : 0,
    maxPostings: lunrWatch.maxPostings,
    slowest: [...slowest].sort((x, y) => y[1] - x[1]).slice(0, 3),
    ...memory(),
    heapUsedMb: process.memoryUsage().heapUsed / MB,
    ...evaluatorVersusLunr(kb, index, qs, Math.max(1, Math.floor(rounds / 2))),
  };
}

const [step, a = '', b = '', c = ''] = process.argv.slice(2);
const result =
  step === 'generate'
    ? generate(Number(a), b)
    : step === 'build'
      ? build(a, b)
      : step === 'serve'
        ? await serve(a, b, Number(c) || 5)
        : undefined;
if (!result) {
  console.error('usage: scale-worker generate K DIR | build DIR INDEX | serve DIR INDEX [ROUNDS]');
  process.exit(2);
}
console.log(JSON.stringify(result));
