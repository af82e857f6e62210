/**
 * `npm run eval:cross`: the tuning part scored by cross-validation. The tuning files are split into
 * folds (whole files, in the order `PARTS` lists them); for each fold the intent classifier and the
 * entry ranker are trained again without it, and the fold is scored with those models. The rules
 * were still written looking at every tuning file, so this flatters less than the tuning score but
 * more than the held-out part: it is the figure a change to the rules is judged on, because there
 * the models have not learnt the very questions being scored. `--show` prints the misses.
 *
 * @example
 * node dist/scripts/eval/cross.js --folds 5 --show
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { createEngine, type Engine } from '../../src/answer/engine.js';
import { openKnowledge, type OpenedKnowledge, ROOT } from '../../src/knowledge/open.js';
import { PARTS, type PartScore, pct, scorePart } from '../eval.js';
import { trainEntries } from '../train/entries.js';
import { trainIntents } from '../train/intents.js';
import { readRows } from './labels.js';

const DEFAULT_FOLDS = 5;

/** The tuning files split into `k` folds of whole files, each a run of neighbouring files. */
export function foldsOf(files: string[], k: number): string[][] {
  const out: string[][] = Array.from({ length: Math.min(k, files.length) }, () => []);
  files.forEach((f, i) => out[Math.floor((i * out.length) / files.length)]?.push(f));
  return out;
}

/** A part's labelled files that exist, as absolute paths. */
const partFiles = (part: string) =>
  (PARTS.find((p) => p.part === part)?.files ?? []).map((f) => resolve(ROOT, f)).filter(existsSync);

/** The tuning files, as absolute paths. */
export const tuningFiles = (): string[] => partFiles('tune');

/** An engine whose intent classifier and entry ranker are trained on the tuning files outside `fold` and the original set. */
export function engineWithout(fold: readonly string[], opened: OpenedKnowledge = openKnowledge()): Engine {
  const train = [
    ...tuningFiles()
      .filter((f) => !fold.includes(f))
      .flatMap(readRows),
    ...partFiles('original').flatMap(readRows),
  ];
  return createEngine({
    knowledge: opened.knowledge,
    index: opened.index,
    intents: trainIntents(opened.knowledge, train),
    entryModel: trainEntries(train),
  });
}

/** Each fold scored with models trained on the other tuning files and the original set. */
export function crossValidate(k: number): { files: string[]; score: PartScore }[] {
  const opened = openKnowledge();
  return foldsOf(tuningFiles(), k).map((fold) => ({
    files: fold,
    score: scorePart(engineWithout(fold, opened), 'fold', fold.flatMap(readRows)),
  }));
}

function main(): void {
  const { values } = parseArgs({
    options: { folds: { type: 'string', default: String(DEFAULT_FOLDS) }, show: { type: 'boolean', default: false } },
  });
  const k = Math.max(2, Number(values.folds) || DEFAULT_FOLDS);
  const name = (f: string) => f.replace(/^.*\//, '').replace(/\.jsonl$/, '');
  const folds = crossValidate(k);
  console.log('| fold | files | questions | right | out of scope caught | confident on out of scope |');
  console.log('|---|---|---|---|---|---|');
  const total = { n: 0, right: 0, oos: 0, caught: 0, confident: 0 };
  folds.forEach(({ files, score: s }, i) => {
    console.log(
      `| ${i + 1} | ${name(files[0] ?? '')}…${name(files[files.length - 1] ?? '')} | ${s.n} | ${pct(s.right, s.n)} (${s.right}) | ${pct(s.oosCaught, s.oos)} (${s.oosCaught}/${s.oos}) | ${s.oosConfident} |`,
    );
    total.n += s.n;
    total.right += s.right;
    total.oos += s.oos;
    total.caught += s.oosCaught;
    total.confident += s.oosConfident;
  });
  console.log(
    `| all | ${folds.reduce((a, f) => a + f.files.length, 0)} files | ${total.n} | ${pct(total.right, total.n)} (${total.right}) | ${pct(total.caught, total.oos)} (${total.caught}/${total.oos}) | ${total.confident} |`,
  );
  if (values.show) for (const { score } of folds) for (const m of score.misses) console.log(m);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
