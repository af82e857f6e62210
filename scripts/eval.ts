/**
 * `npm run eval`: scores the engine on the labelled corpus (tests/eval/LABELS.md) in process.
 * Reports the tuning part, the held-out part (never tuned against), the original set, the shared
 * dev set, accuracy per kind, the out-of-scope catch rate and confident answers to out-of-scope
 * questions, and exits 1 below the bars.
 * Flags: --show PART lists that part's misses (tune, original, dev; held-out misses are counted only
 * unless --show heldout is given on purpose); --json prints the table as JSON.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createEngine, type Engine } from '../src/answer/engine.js';
import type { Answer } from '../src/answer/types.js';
import { openKnowledge, ROOT } from '../src/knowledge/open.js';
import { CONFIDENT_INTENTS, isRight, readRows, type Row } from './eval/labels.js';

/** The bars issue 9 sets; reported on every run. */
export const BARS = { heldout: 0.97, oosCaught: 0.95, oosConfident: 0, dev: 1 } as const;
/**
 * What `npm test` holds today while the bars are not yet met: a ratchet, raised as answers improve.
 * Out-of-scope floors read the tuning part only: changes are judged on what may be looked at; the
 * held-out part is gated on its overall figure and otherwise only reported.
 */
export const FLOORS = {
  // 97.13% today on seventy-four files: tune-69 to tune-74 (follow-ups, two questions, casual wording, typos, long
  // messages, one out-of-scope heavy; 81% to 93% on arrival); tune-63 to tune-68 (84% to 90%) before them.
  tune: 0.97,
  // 95.84% today on all thirty-one held-out files (crewops 90%, orchestra 92%, vineyard 95% on arrival).
  heldout: 0.957,
  original: 0.98,
  // The tuning part's out-of-scope questions: 2,918 of 2,927 caught and 9 answered confidently today (tune-67 brought
  // two: Power Automate's connector for a document system read as REST, a UART driver for a microcontroller in C read
  // as pyserial's picks; "dockers" for a vessel are dock workers, "import containers" ship's containers); the ratchet
  // comes down as they are answered. 10 since the classifier averages three runs (held-out 33 -> 31 and cross-validated
  // 76 -> 73 with it): "is there an R equivalent?" after a question about FASTA files now reads "fasta" as a slip on
  // fastai and shows its alternatives (R, one letter, is no language the knowledge knows by name). 8 since ideas named
  // only by everyday words are those words where the classifier is all but certain ("dockers" for a vessel, a CDN
  // "caching our responses").
  oosCaught: 0.99,
  oosConfident: 8,
  dev: 1,
} as const;

export const PARTS: { part: string; files: string[] }[] = [
  {
    part: 'tune',
    files: [
      'tests/eval/tune.jsonl',
      'tests/eval/tune-2.jsonl',
      'tests/eval/tune-3.jsonl',
      'tests/eval/tune-4.jsonl',
      'tests/eval/tune-5.jsonl',
      'tests/eval/tune-6.jsonl',
      'tests/eval/tune-7.jsonl',
      'tests/eval/tune-8.jsonl',
      'tests/eval/tune-9.jsonl',
      'tests/eval/tune-10.jsonl',
      'tests/eval/tune-11.jsonl',
      'tests/eval/tune-12.jsonl',
      'tests/eval/tune-13.jsonl',
      'tests/eval/tune-14.jsonl',
      'tests/eval/tune-15.jsonl',
      'tests/eval/tune-16.jsonl',
      'tests/eval/tune-17.jsonl',
      'tests/eval/tune-18.jsonl',
      'tests/eval/tune-19.jsonl',
      'tests/eval/tune-20.jsonl',
      'tests/eval/tune-21.jsonl',
      'tests/eval/tune-22.jsonl',
      'tests/eval/tune-23.jsonl',
      'tests/eval/tune-24.jsonl',
      'tests/eval/tune-25.jsonl',
      'tests/eval/tune-26.jsonl',
      'tests/eval/tune-27.jsonl',
      'tests/eval/tune-28.jsonl',
      'tests/eval/tune-29.jsonl',
      'tests/eval/tune-30.jsonl',
      'tests/eval/tune-31.jsonl',
      'tests/eval/tune-32.jsonl',
      'tests/eval/tune-33.jsonl',
      'tests/eval/tune-34.jsonl',
      'tests/eval/tune-35.jsonl',
      'tests/eval/tune-36.jsonl',
      'tests/eval/tune-37.jsonl',
      'tests/eval/tune-38.jsonl',
      'tests/eval/tune-39.jsonl',
      'tests/eval/tune-40.jsonl',
      'tests/eval/tune-41.jsonl',
      'tests/eval/tune-42.jsonl',
      'tests/eval/tune-43.jsonl',
      'tests/eval/tune-44.jsonl',
      'tests/eval/tune-45.jsonl',
      'tests/eval/tune-46.jsonl',
      'tests/eval/tune-47.jsonl',
      'tests/eval/tune-48.jsonl',
      'tests/eval/tune-49.jsonl',
      'tests/eval/tune-50.jsonl',
      'tests/eval/tune-51.jsonl',
      'tests/eval/tune-52.jsonl',
      'tests/eval/tune-53.jsonl',
      'tests/eval/tune-54.jsonl',
      'tests/eval/tune-55.jsonl',
      'tests/eval/tune-56.jsonl',
      'tests/eval/tune-57.jsonl',
      'tests/eval/tune-58.jsonl',
      'tests/eval/tune-59.jsonl',
      'tests/eval/tune-60.jsonl',
      'tests/eval/tune-61.jsonl',
      'tests/eval/tune-62.jsonl',
      'tests/eval/tune-63.jsonl',
      'tests/eval/tune-64.jsonl',
      'tests/eval/tune-65.jsonl',
      'tests/eval/tune-66.jsonl',
      'tests/eval/tune-67.jsonl',
      'tests/eval/tune-68.jsonl',
      'tests/eval/tune-69.jsonl',
      'tests/eval/tune-70.jsonl',
      'tests/eval/tune-71.jsonl',
      'tests/eval/tune-72.jsonl',
      'tests/eval/tune-73.jsonl',
      'tests/eval/tune-74.jsonl',
    ],
  },
  {
    part: 'heldout',
    files: [
      'tests/eval/heldout-everyday.jsonl',
      'tests/eval/heldout-personas.jsonl',
      'tests/eval/heldout-community.jsonl',
      'tests/eval/heldout-statistics.jsonl',
      'tests/eval/heldout-travel.jsonl',
      'tests/eval/heldout-hospital.jsonl',
      'tests/eval/heldout-agritech.jsonl',
      'tests/eval/heldout-claims.jsonl',
      'tests/eval/heldout-compliance.jsonl',
      'tests/eval/heldout-airline.jsonl',
      'tests/eval/heldout-vetclinic.jsonl',
      'tests/eval/heldout-bank.jsonl',
      'tests/eval/heldout-realestate.jsonl',
      'tests/eval/heldout-port.jsonl',
      'tests/eval/heldout-transit.jsonl',
      'tests/eval/heldout-genomics.jsonl',
      'tests/eval/heldout-brewery.jsonl',
      'tests/eval/heldout-utility.jsonl',
      'tests/eval/heldout-windfarm.jsonl',
      'tests/eval/heldout-delivery.jsonl',
      'tests/eval/heldout-satellite.jsonl',
      'tests/eval/heldout-gamestudio.jsonl',
      'tests/eval/heldout-pharmacy.jsonl',
      'tests/eval/heldout-insurtech.jsonl',
      'tests/eval/heldout-newsroom.jsonl',
      'tests/eval/heldout-campus.jsonl',
      'tests/eval/heldout-observatory.jsonl',
      'tests/eval/heldout-clinic.jsonl',
      'tests/eval/heldout-vineyard.jsonl',
      'tests/eval/heldout-crewops.jsonl',
      'tests/eval/heldout-orchestra.jsonl',
    ],
  },
  { part: 'original', files: ['tests/eval/questions.jsonl'] },
  { part: 'dev', files: ['../shared/eval/dev.jsonl'] },
];

/** Answers a row as a door would: earlier thread messages first, each read with the thread's question before it. */
export function answerRow(engine: Engine, row: Row): Answer {
  let previous: string | undefined;
  for (const t of row.thread ?? []) {
    const a = engine.answer(t, { tipSeed: 0, previous });
    // (As the doors do: thanks and help leave the thread's question as it was.)
    if (a.intent !== 'thanks' && a.intent !== 'help') previous = a.asked ?? t;
  }
  return engine.answer(row.q, { tipSeed: 0, previous });
}

export interface PartScore {
  part: string;
  n: number;
  right: number;
  first: number;
  oos: number;
  oosCaught: number;
  oosConfident: number;
  kinds: Map<string, { n: number; right: number }>;
  misses: string[];
}

const after = (row: Row) => (row.thread ? ` (after ${JSON.stringify(row.thread)})` : '');

/** An answer in one line: intent/angle [subjects], the names it did not know, and its second answer. */
function brief(a: Answer): string {
  const angle = a.focus && a.focus !== 'overview' ? `/${a.focus}` : '';
  const ids = a.subjects.slice(0, 4).map((x) => x.id);
  const unknown = a.unrecognised ? ` unrecognised ${JSON.stringify(a.unrecognised)}` : '';
  return `${a.intent}${angle} [${ids.join(', ')}]${unknown}${a.also ? ` + also ${brief(a.also)}` : ''}`;
}

export function scorePart(engine: Engine, part: string, rows: Row[]): PartScore {
  const s: PartScore = {
    part,
    n: 0,
    right: 0,
    first: 0,
    oos: 0,
    oosCaught: 0,
    oosConfident: 0,
    kinds: new Map(),
    misses: [],
  };
  for (const row of rows) {
    const a = answerRow(engine, row);
    const ok = isRight(a, row);
    s.n++;
    s.right += Number(ok);
    s.first += Number(isRight(a, row, 1));
    if (row.oos) {
      s.oos++;
      s.oosCaught += Number(a.intent === 'unknown');
      s.oosConfident += Number(CONFIDENT_INTENTS.has(a.intent));
    }
    const k = s.kinds.get(row.kind ?? '-') ?? { n: 0, right: 0 };
    s.kinds.set(row.kind ?? '-', { n: k.n + 1, right: k.right + Number(ok) });
    if (!ok)
      s.misses.push(
        `MISS [${row.kind ?? '-'}] ${JSON.stringify(row.q)}${after(row)} -> ${brief(a)}   want ${JSON.stringify(row.any)}`,
      );
  }
  return s;
}

/** A share as a percentage with one decimal ("93.6%"), or "-" of nothing. */
export const pct = (a: number, b: number): string => (b ? `${((100 * a) / b).toFixed(1)}%` : '-');

function main(): void {
  const { values } = parseArgs({ options: { show: { type: 'string' }, json: { type: 'boolean', default: false } } });
  const engine = createEngine(openKnowledge());
  const scores: PartScore[] = [];
  for (const { part, files } of PARTS) {
    const paths = files.map((f) => resolve(ROOT, f)).filter(existsSync);
    if (!paths.length) continue;
    scores.push(scorePart(engine, part, paths.flatMap(readRows)));
  }
  if (values.json)
    console.log(JSON.stringify(scores.map((s) => ({ ...s, kinds: Object.fromEntries(s.kinds), misses: undefined }))));
  console.log('| part | questions | right | first subject right | out of scope caught | confident on out of scope |');
  console.log('|---|---|---|---|---|---|');
  for (const s of scores)
    console.log(
      `| ${s.part} | ${s.n} | ${pct(s.right, s.n)} (${s.right}) | ${pct(s.first, s.n)} | ${s.oos ? `${pct(s.oosCaught, s.oos)} (${s.oosCaught}/${s.oos})` : '-'} | ${s.oos ? s.oosConfident : '-'} |`,
    );
  const kinds = new Map<string, { n: number; right: number }>();
  for (const s of scores.filter((x) => x.part === 'tune' || x.part === 'heldout'))
    for (const [k, v] of s.kinds) {
      const t = kinds.get(k) ?? { n: 0, right: 0 };
      kinds.set(k, { n: t.n + v.n, right: t.right + v.right });
    }
  console.log(`by kind (tune + held-out): ${[...kinds].map(([k, v]) => `${k} ${v.right}/${v.n}`).join(', ')}`);
  if (values.show) for (const m of scores.find((s) => s.part === values.show)?.misses ?? []) console.log(m);
  const held = scores.find((s) => s.part === 'heldout');
  const dev = scores.find((s) => s.part === 'dev');
  const below = (limits: typeof BARS | typeof FLOORS, oosParts: string[]) => {
    const out: string[] = [];
    const rate = (part: string) => {
      const s = scores.find((x) => x.part === part);
      return s ? s.right / s.n : 1;
    };
    const oosOf = scores.filter((s) => oosParts.includes(s.part));
    const oos = oosOf.reduce((a, s) => a + s.oos, 0);
    const caught = oosOf.reduce((a, s) => a + s.oosCaught, 0);
    const confident = oosOf.reduce((a, s) => a + s.oosConfident, 0);
    const where = oosParts.join(' + ');
    if ('tune' in limits && rate('tune') < limits.tune)
      out.push(`tuning ${pct(rate('tune') * 1000, 1000)} < ${limits.tune * 100}%`);
    if ('original' in limits && rate('original') < limits.original)
      out.push(`original ${pct(rate('original') * 1000, 1000)} < ${limits.original * 100}%`);
    if (held && held.right / held.n < limits.heldout)
      out.push(`held-out ${pct(held.right, held.n)} < ${limits.heldout * 100}%`);
    if (oos && caught / oos < limits.oosCaught)
      out.push(`out of scope caught (${where}) ${pct(caught, oos)} < ${limits.oosCaught * 100}%`);
    if (confident > limits.oosConfident)
      out.push(`${confident} confident answers to out-of-scope questions (${where}; at most ${limits.oosConfident})`);
    if (dev && dev.right < dev.n * limits.dev) out.push(`dev set ${dev.right}/${dev.n}`);
    return out;
  };
  const short = below(BARS, ['tune', 'heldout']);
  console.log(short.length ? `issue 9 bars not yet met: ${short.join('; ')}` : 'eval: every bar of issue 9 met');
  const failed = below(FLOORS, ['tune']);
  console.log(failed.length ? `eval: below the floors: ${failed.join('; ')}` : 'eval: every floor held');
  if (failed.length) process.exitCode = 1;
}

// Run only as a script, so answerRow and scorePart can be imported.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
