/**
 * Side-by-side comparison of 2 to 4 entries of any kind, as an attribute table that carries
 * the articles' own ratings for frameworks.
 *
 * @example
 * compareAnswer(kb, [django, flask, fastapi]).sections[0] // { type: 'table', rows: [{ label: 'Performance', ... }] }
 */

import type { Entry, Knowledge } from '../knowledge/model.js';
import { entryName } from '../knowledge/model.js';
import type { Attributes } from '../knowledge/schema.js';
import { installLine } from './card.js';
import type { Answer, Section } from './types.js';
import { sourcesOf, subject } from './util.js';

export const ATTRIBUTE_LABELS: Record<keyof Attributes, string> = {
  primary_use: 'Primary use case',
  performance: 'Performance',
  development_speed: 'Development speed',
  flexibility: 'Flexibility',
  talent_pool: 'Talent pool',
  best_for: 'Best for',
  main_strength: 'Main strength',
  async: 'Async',
  built_ins: 'Built in',
};

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

/** Compares the entries (callers pass 2 to 4 distinct entries). */
export function compareAnswer(kb: Knowledge, items: Entry[]): Answer {
  const attrs = attributeRows(items);
  const rows = [...(attrs.length ? [GENERAL[0] as Row, ...attrs] : []), ...GENERAL.slice(attrs.length ? 1 : 0)]
    .map((r) => ({ label: r.label, values: items.map((e) => r.get(e) ?? NONE) }))
    .filter((r) => r.values.some((v) => v !== NONE));
  const names = items.map(entryName);
  const sections: Section[] = [{ type: 'table', columns: names, rows }];
  const picks = items.flatMap((e) => {
    const best = e.type === 'package' ? (e.attributes?.best_for ?? e.use_cases[0]) : undefined;
    return best ? [{ name: entryName(e), reason: best }] : [];
  });
  if (picks.length === items.length) sections.push({ type: 'picks', title: 'In short, pick', picks });
  return {
    intent: 'compare',
    title: names.join(' vs '),
    subjects: items.map(subject),
    sections,
    sources: sourcesOf(kb, items),
  };
}
