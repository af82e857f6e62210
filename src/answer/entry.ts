/**
 * Answers about one entry: a library card (from an angle: overview, alternatives, production,
 * uses, worth), a checklist, a stack or a concept, each shown in full.
 *
 * @example
 * entryAnswer(kb, kb.entries.get('httpx')!, { focus: 'alternatives' }).subjects.map((s) => s.id) // ['httpx', 'requests', 'aiohttp']
 */
import { categoryWords, type Entry, type Knowledge, type PackageEntry } from '../knowledge/model.js';
import { ATTRIBUTE_LABELS, installLine, KIND_LABEL, pickLine } from './labels.js';
import { overlap } from './purpose.js';
import type { Answer, Focus, Hint, Section } from './types.js';
import { namesOf, sourcesOf, subject } from './util.js';

export interface EntryOptions {
  focus?: Focus;
  /** Words of the question's purpose ("bigger data"), used to order alternatives. */
  purpose?: string[];
}

const MAX_ALTERNATIVES = 5;

function attributeFacts(p: PackageEntry): Section[] {
  const attrs = Object.entries(p.attributes ?? {});
  if (!attrs.length) return [];
  return [
    {
      type: 'facts',
      facts: attrs.map(([k, v]) => ({ label: ATTRIBUTE_LABELS[k as keyof typeof ATTRIBUTE_LABELS] ?? k, value: v })),
    },
  ];
}

function compareHint(p: PackageEntry, other: Entry | undefined): Hint[] {
  return other ? [{ label: 'Side by side', command: `compare ${p.id} ${other.id}` }] : [];
}

/** The alternatives of a package, those that fit the purpose first; same-category packages when it lists none. */
export function alternativesOf(kb: Knowledge, p: PackageEntry, purpose: string[] = []): PackageEntry[] {
  const listed = p.alternatives.map((id) => kb.entries.get(id)).filter((e): e is PackageEntry => e?.type === 'package');
  const pool = listed.length ? listed : kb.packages.filter((o) => o.id !== p.id && o.category === p.category);
  return pool
    .map((e, i) => ({ e, i, fit: overlap(purpose, [pickLine(e), e.summary, ...e.use_cases, ...e.why]) }))
    .sort((a, b) => b.fit - a.fit || a.i - b.i)
    .map((x) => x.e)
    .slice(0, MAX_ALTERNATIVES);
}

function overview(kb: Knowledge, p: PackageEntry): Answer {
  const sections: Section[] = [
    { type: 'text', text: p.summary },
    {
      type: 'facts',
      facts: [
        { label: 'Kind', value: KIND_LABEL[p.kind] ?? p.kind },
        { label: 'Category', value: p.category },
        { label: 'Install', value: installLine(p) },
        { label: 'Good for', value: p.use_cases.join(', ') },
      ],
    },
    ...attributeFacts(p),
    { type: 'list', title: 'Why people pick it', items: p.why, ordered: false },
  ];
  if (p.pick_when) sections.push({ type: 'text', text: `Pick it when ${p.pick_when}.` });
  const see: { label: string; value: string }[] = [];
  const alternatives = namesOf(kb, p.alternatives);
  const related = namesOf(kb, p.related);
  if (alternatives.length) see.push({ label: 'Alternatives', value: alternatives.join(', ') });
  if (related.length) see.push({ label: 'Related', value: related.join(', ') });
  if (see.length) sections.push({ type: 'facts', facts: see });
  return {
    intent: 'library',
    focus: 'overview',
    title: `${p.name} (${p.category})`,
    subjects: [subject(p)],
    sections,
    sources: sourcesOf(kb, [p]),
    hints: compareHint(p, kb.entries.get(p.alternatives[0] ?? '')),
  };
}

function alternatives(kb: Knowledge, p: PackageEntry, purpose: string[]): Answer {
  const alts = alternativesOf(kb, p, purpose);
  const sections: Section[] = [{ type: 'text', text: `${p.name}: ${p.summary}` }];
  if (alts.length)
    sections.push({
      type: 'picks',
      title: `Instead of ${p.name}`,
      picks: alts.map((a) => ({ name: a.name, reason: `${a.summary} Pick it when ${pickLine(a)}.` })),
    });
  else sections.push({ type: 'text', text: `The articles name no alternative to ${p.name}.` });
  return {
    intent: 'library',
    focus: 'alternatives',
    title: `Alternatives to ${p.name}`,
    subjects: [subject(p), ...alts.map(subject)],
    sections,
    sources: sourcesOf(kb, [p, ...alts]),
    hints: compareHint(p, alts[0]),
  };
}

function production(kb: Knowledge, p: PackageEntry): Answer {
  const lead = p.production
    ? p.production
    : `The articles say nothing specific about running ${p.name} in production; here is what they do say about it.`;
  return {
    intent: 'library',
    focus: 'production',
    title: `${p.name} in production`,
    subjects: [subject(p)],
    sections: [
      { type: 'text', text: lead },
      { type: 'text', text: p.summary },
      ...attributeFacts(p),
      { type: 'list', title: 'Why people pick it', items: p.why, ordered: false },
    ],
    sources: sourcesOf(kb, [p]),
    hints: [{ label: 'Before you ship', command: 'checklist production' }],
  };
}

function uses(kb: Knowledge, p: PackageEntry): Answer {
  const sections: Section[] = [
    { type: 'text', text: p.summary },
    { type: 'list', title: `What ${p.name} is for`, items: p.use_cases, ordered: false },
  ];
  if (p.pick_when) sections.push({ type: 'text', text: `Pick it when ${p.pick_when}.` });
  return {
    intent: 'library',
    focus: 'uses',
    title: `What ${p.name} is for`,
    subjects: [subject(p)],
    sections,
    sources: sourcesOf(kb, [p]),
    hints: [{ label: 'Alternatives', command: `alternatives to ${p.id}` }],
  };
}

function worth(kb: Knowledge, p: PackageEntry): Answer {
  const n = p.sources.length;
  const standing =
    p.standing === 'standard'
      ? `The articles treat ${p.name} as the standard choice for ${categoryWords(p.category)}.`
      : p.standing === 'popular'
        ? `The articles count ${p.name} among the most popular choices for ${categoryWords(p.category)}.`
        : `${p.name} is one of the ${categoryWords(p.category)} options the articles cover.`;
  const sections: Section[] = [
    { type: 'text', text: `${standing} It is named in ${n} of the ${kb.sources.size} articles.` },
    { type: 'list', title: 'Why people pick it', items: p.why, ordered: false },
  ];
  if (p.pick_when) sections.push({ type: 'text', text: `Pick it when ${p.pick_when}.` });
  const alts = namesOf(kb, p.alternatives);
  if (alts.length) sections.push({ type: 'facts', facts: [{ label: 'Alternatives', value: alts.join(', ') }] });
  return {
    intent: 'library',
    focus: 'worth',
    title: `Is ${p.name} worth it?`,
    subjects: [subject(p)],
    sections,
    sources: sourcesOf(kb, [p]),
    hints: compareHint(p, kb.entries.get(p.alternatives[0] ?? '')),
  };
}

/** The answer that presents one entry on its own. */
export function entryAnswer(kb: Knowledge, e: Entry, options: EntryOptions = {}): Answer {
  const related = 'related' in e ? namesOf(kb, e.related) : [];
  const relatedSection: Section[] = related.length
    ? [{ type: 'facts', facts: [{ label: 'See also', value: related.join(', ') }] }]
    : [];
  const base = { subjects: [subject(e)], sources: sourcesOf(kb, [e]) };
  switch (e.type) {
    case 'package':
      switch (options.focus ?? 'overview') {
        case 'alternatives':
          return alternatives(kb, e, options.purpose ?? []);
        case 'production':
          return production(kb, e);
        case 'uses':
          return uses(kb, e);
        case 'worth':
          return worth(kb, e);
        default:
          return overview(kb, e);
      }
    case 'checklist':
      return {
        ...base,
        intent: 'checklist',
        title: e.title,
        sections: [
          { type: 'text', text: e.summary },
          { type: 'list', items: e.items, ordered: e.ordered },
          ...relatedSection,
        ],
      };
    case 'stack': {
      const facts = e.layers.map((l) => ({ label: l.layer, value: l.picks.join(', ') }));
      const good: Section[] = e.good_for.length
        ? [{ type: 'list', title: 'Good for', items: e.good_for, ordered: false }]
        : [];
      return {
        ...base,
        intent: 'stack',
        title: e.title,
        sections: [{ type: 'text', text: e.summary }, { type: 'facts', facts }, ...good, ...relatedSection],
      };
    }
    case 'concept': {
      const points: Section[] = e.points.length ? [{ type: 'list', items: e.points, ordered: false }] : [];
      return {
        ...base,
        intent: 'concept',
        title: e.title,
        sections: [{ type: 'text', text: e.summary }, ...points, ...relatedSection],
      };
    }
    case 'tip':
      return {
        ...base,
        intent: 'tip',
        title: 'Python stack tip',
        sections: [{ type: 'text', text: e.text }, ...relatedSection],
      };
  }
}
