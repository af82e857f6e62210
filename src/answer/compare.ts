/**
 * Side-by-side comparison of 2 to 4 entries of any kind, as an attribute table that carries
 * the articles' own ratings for frameworks, ending with a verdict that tells them apart: "pick A
 * when …, B when …", the line that fits the question's purpose first, and the articles' own
 * verdict where an FAQ gives one.
 *
 * @example
 * compareAnswer(kb, [django, flask, fastapi]).sections[0] // { type: 'table', rows: [{ label: 'Performance', ... }] }
 */

import type { Entry, Knowledge } from '../knowledge/model.js';
import { entryName } from '../knowledge/model.js';
import type { Attributes } from '../knowledge/schema.js';
import { ATTRIBUTE_LABELS, installLine, pickLine } from './labels.js';
import { overlap } from './purpose.js';
import type { Answer, Section } from './types.js';
import { sourcesOf, subject } from './util.js';

const NONE = '—';

type Row = { label: string; get: (e: Entry) => string | undefined };

const GENERAL: Row[] = [
  { label: 'What it is', get: (e) => ('summary' in e ? e.summary : undefined) },
  {
    label: 'Kind',
    get: (e) => (e.type === 'package' ? `${e.kind}, ${e.category}` : e.type === 'concept' ? e.kind : e.type),
  },
  {
    label: 'Good for',
    get: (e) =>
      e.type === 'package'
        ? e.use_cases.slice(0, 4).join(', ')
        : e.type === 'stack'
          ? e.good_for.slice(0, 3).join(', ')
          : undefined,
  },
  { label: 'Why pick it', get: (e) => (e.type === 'package' ? e.why.slice(0, 2).join('; ') : undefined) },
  {
    label: 'Key points',
    get: (e) =>
      e.type === 'concept'
        ? e.points.slice(0, 2).join('; ')
        : e.type === 'checklist'
          ? e.items.slice(0, 3).join('; ')
          : undefined,
  },
  { label: 'Install', get: (e) => (e.type === 'package' ? installLine(e) : undefined) },
];

function attributeRows(items: Entry[]): Row[] {
  const keys = (Object.keys(ATTRIBUTE_LABELS) as (keyof Attributes)[]).filter((k) =>
    items.some((e) => e.type === 'package' && e.attributes?.[k]),
  );
  return keys.map((k) => ({
    label: ATTRIBUTE_LABELS[k],
    get: (e) => (e.type === 'package' ? e.attributes?.[k] : undefined),
  }));
}

/** An FAQ whose related entries include every compared item: the articles' own verdict. */
function articleVerdict(kb: Knowledge, items: Entry[]): Entry | undefined {
  return kb.concepts.find((c) => c.kind === 'faq' && items.every((e) => c.related.includes(e.id)));
}

/** Compares the entries (callers pass 2 to 4 distinct entries); `purpose` words pick the verdict line that leads. */
export function compareAnswer(kb: Knowledge, items: Entry[], purpose: string[] = []): Answer {
  const attrs = attributeRows(items);
  const rows = [...(attrs.length ? [GENERAL[0] as Row, ...attrs] : []), ...GENERAL.slice(attrs.length ? 1 : 0)]
    .map((r) => ({ label: r.label, values: items.map((e) => r.get(e) ?? NONE) }))
    .filter((r) => r.values.some((v) => v !== NONE));
  const names = items.map(entryName);
  const sections: Section[] = [{ type: 'table', columns: names, rows }];
  const lines = items.map((e, i) => ({
    name: entryName(e),
    reason: e.type === 'package' ? pickLine(e) : 'summary' in e ? e.summary : '',
    fit: e.type === 'package' ? overlap(purpose, [pickLine(e), e.summary, ...e.use_cases, ...e.why]) : 0,
    i,
  }));
  lines.sort((a, b) => b.fit - a.fit || a.i - b.i);
  if (lines.every((l) => l.reason))
    sections.push({
      type: 'picks',
      title: 'Pick',
      picks: lines.map((l) => ({ name: l.name, reason: `when ${l.reason}` })),
    });
  const verdict = articleVerdict(kb, items);
  if (verdict && 'summary' in verdict)
    sections.push({ type: 'text', text: `The articles' verdict: ${verdict.summary}` });
  return {
    intent: 'compare',
    title: names.join(' vs '),
    subjects: items.map(subject),
    sections,
    sources: sourcesOf(kb, verdict ? [...items, verdict] : items),
  };
}
