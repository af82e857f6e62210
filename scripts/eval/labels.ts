/**
 * The labelled question corpus (tests/eval/LABELS.md): reading rows and matching an Answer
 * against a row's matchers. Shared by `npm run eval`, its test and the benchmark.
 *
 * @example
 * const rows = readRows('tests/eval/tune.jsonl');
 * isRight(engine.answer(rows[0].q), rows[0]) // true or false
 */
import { readFileSync } from 'node:fs';
import type { Answer } from '../../src/answer/types.js';

export interface Matcher {
  intent?: string | string[];
  set?: string[][];
  oneOf?: string[];
  top?: number;
  none?: string[];
  focus?: string;
  unrecognised?: string[];
  also?: Matcher;
  /** Only for the original set: look at the first N subjects for oneOf. */
  title?: string[];
}

export interface Row {
  q: string;
  kind?: string;
  thread?: string[];
  oos?: boolean;
  any: Matcher[];
}

export function readRows(file: string): Row[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Row);
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
  if (m.set && !(a.subjects.length === m.set.length && m.set.every((al) => a.subjects.some((s) => hit(s, al)))))
    return false;
  if (m.oneOf && !a.subjects.slice(0, top ?? m.top ?? 1).some((s) => hit(s, m.oneOf as string[]))) return false;
  if (m.none && a.subjects.some((s) => hit(s, m.none as string[]))) return false;
  if (m.focus && a.intent === 'library' && (a.focus ?? 'overview') !== m.focus) return false;
  if (m.unrecognised) {
    const got = (a.unrecognised ?? []).map(norm);
    if (!m.unrecognised.every((u) => got.some((g) => g === norm(u) || g.includes(norm(u)) || norm(u).includes(g))))
      return false;
  }
  if (m.also && !(a.also && matches(a.also, m.also))) return false;
  if (m.title) {
    const s = a.subjects[0];
    if (!s || !m.title.some((w) => `${norm(s.id)} ${norm(s.name)}`.includes(norm(w)))) return false;
  }
  return true;
}

/** Whether the answer is right for the row (any matcher holds). */
export function isRight(a: Answer, row: Row, top?: number): boolean {
  return row.any.some((m) => matches(a, m, top));
}

/** Intents that give content: such an answer to an out-of-scope question is a confident wrong answer. */
export const CONFIDENT_INTENTS = new Set(['compare', 'library', 'recommend', 'checklist', 'stack', 'concept']);
