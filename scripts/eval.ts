/**
 * `npm run eval`: scores the engine on the labelled question set in tests/eval/questions.jsonl,
 * in process. Prints top-1 and top-3 accuracy and exits 1 below the bar (95%).
 * Flags: --show lists misses; --file F scores another set; --min 0.95 sets the bar.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createEngine } from '../src/answer/engine.js';
import type { Answer } from '../src/answer/types.js';
import { openKnowledge, ROOT } from '../src/knowledge/open.js';

interface Matcher {
  intent?: string | string[];
  set?: string[][];
  oneOf?: string[];
  top?: number;
  title?: string[];
}
interface Row {
  q: string;
  any: Matcher[];
}

const norm = (s: unknown) =>
  String(s ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/** Whether the answer satisfies the matcher; `top` overrides how many subjects a oneOf may look at. */
export function matches(a: Answer, m: Matcher, top?: number): boolean {
  if (m.intent && ![m.intent].flat().includes(a.intent)) return false;
  const hit = (s: { id: string; name: string }, aliases: string[]) =>
    aliases.some((al) => [norm(s.id), norm(s.name)].includes(norm(al)));
  if (m.set) return a.subjects.length === m.set.length && m.set.every((al) => a.subjects.some((s) => hit(s, al)));
  if (m.oneOf) return a.subjects.slice(0, top ?? m.top ?? 1).some((s) => hit(s, m.oneOf as string[]));
  if (m.title) {
    const s = a.subjects[0];
    return Boolean(s) && m.title.some((w) => `${norm(s?.id)} ${norm(s?.name)}`.includes(norm(w)));
  }
  return true;
}

const { values } = parseArgs({
  options: {
    show: { type: 'boolean', default: false },
    file: { type: 'string' },
    min: { type: 'string', default: '0.95' },
  },
});
const file = resolve(values.file ?? resolve(ROOT, 'tests/eval/questions.jsonl'));
const rows = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Row);
const engine = createEngine(openKnowledge());
let top1 = 0;
let top3 = 0;
const byIntent = new Map<string, { n: number; ok: number }>();
for (const row of rows) {
  const a = engine.answer(row.q, { tipSeed: 0 });
  const ok1 = row.any.some((m) => matches(a, m, 1));
  const ok3 = row.any.some((m) => matches(a, m, 3));
  top1 += Number(ok1);
  top3 += Number(ok3);
  const want = [row.any[0]?.intent ?? '?'].flat()[0] as string;
  const s = byIntent.get(want) ?? { n: 0, ok: 0 };
  byIntent.set(want, { n: s.n + 1, ok: s.ok + Number(ok3) });
  if (!ok3 && values.show) {
    console.log(
      `MISS ${JSON.stringify(row.q)} -> ${a.intent} [${a.subjects
        .slice(0, 4)
        .map((x) => x.id)
        .join(', ')}]   want ${JSON.stringify(row.any)}`,
    );
  }
}
const pct = (n: number) => `${((100 * n) / rows.length).toFixed(1)}%`;
console.log(`by intent: ${[...byIntent].map(([k, v]) => `${k} ${v.ok}/${v.n}`).join(', ')}`);
console.log(`eval ${file.replace(`${ROOT}/`, '')}: ${rows.length} questions, top-1 ${pct(top1)}, top-3 ${pct(top3)}`);
const min = Number(values.min);
if (top3 / rows.length < min || top1 / rows.length < min) {
  console.log(`below the bar of ${(min * 100).toFixed(0)}%`);
  process.exitCode = 1;
}
