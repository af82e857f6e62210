/**
 * Counts, for the entry ranker (src/answer/ranker.ts), the words of the labelled tuning questions
 * per entry they ask for, and writes them as JSON next to the index. Deterministic: counts only.
 * `--leave-out a.jsonl,b.jsonl --out file` trains without some tuning files, to measure on them.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { type EntryModel, EntryRanker, modelKey, packRanker, rankWords } from '../../src/answer/ranker.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { normalize, stripSlackMarkup } from '../../src/answer/text.js';
import { DEFAULT_PATHS, ROOT } from '../../src/knowledge/open.js';
import { PARTS } from '../eval.js';
import { readRows, type Row } from '../eval/labels.js';

/** Answers that name an entry the message asks for (a comparison names its items itself). */
const RANKED_INTENTS = new Set(['concept', 'checklist', 'stack', 'recommend', 'library']);

/** The entries a row asks for (its first matcher with ids), or none for two questions in one message. */
export function targetsOf(row: Row): string[] {
  if (row.oos || row.any.some((m) => m.also)) return [];
  const m = row.any.find((x) => typeof x.intent === 'string' && RANKED_INTENTS.has(x.intent) && x.oneOf?.length);
  return m?.oneOf ?? [];
}

export function trainEntries(rows: Row[]): EntryModel {
  const questions: Record<string, Record<string, number>> = {};
  for (const row of rows) {
    const ids = targetsOf(row);
    if (!ids.length) continue;
    const words = rankWords(normalize(stripSlackMarkup([...(row.thread ?? []), row.q].join(' '))));
    // A question that accepts several entries counts a share towards each.
    const share = 1 / ids.length;
    for (const id of ids) {
      const counts = (questions[id] ??= {});
      for (const w of words) counts[w] = Math.round(((counts[w] ?? 0) + share) * 1000) / 1000;
    }
  }
  const sorted = Object.fromEntries(
    Object.keys(questions)
      .sort()
      .map((id) => [id, questions[id] ?? {}]),
  );
  return { format: 1, questions: sorted };
}

/** `node dist/scripts/train/entries.js` (run by `npm run build`): the tuning and original parts. */
function main(): void {
  const { values } = parseArgs({ options: { 'leave-out': { type: 'string' }, out: { type: 'string' } } });
  const left = new Set(
    (values['leave-out'] ?? '')
      .split(',')
      .filter(Boolean)
      .map((f) => resolve(ROOT, f)),
  );
  const files = PARTS.filter((p) => p.part === 'tune' || p.part === 'original')
    .flatMap((p) => p.files)
    .map((f) => resolve(ROOT, f))
    .filter((f) => existsSync(f) && !left.has(f));
  const rows = files.flatMap(readRows);
  const model = trainEntries(rows);
  const out = values.out ?? DEFAULT_PATHS.entryModelFile;
  writeFileSync(out, JSON.stringify(model));
  console.log(
    `pystack: counted the words of ${rows.length} labelled questions for ${Object.keys(model.questions).length} entries into ${out}`,
  );
  if (values.out) return;
  // The ranker over the curated knowledge, packed so start-up need not stem every entry again.
  const kb = loadKnowledge(DEFAULT_PATHS.knowledgeDir);
  const packed = packRanker(kb, new EntryRanker(kb, model), { digest: kb.digest, model: modelKey(model) });
  writeFileSync(DEFAULT_PATHS.rankerFile, packed);
  console.log(
    `pystack: packed the entry ranker (${Math.round(packed.length / 1024)} KB) into ${DEFAULT_PATHS.rankerFile}`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
