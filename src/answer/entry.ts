/**
 * Answers about one entry: a library card, a checklist, a stack or a concept.
 *
 * @example
 * const answer = entryAnswer(kb, kb.entries.get('httpx')!);
 */
import type { Entry, Knowledge, PackageEntry } from '../knowledge/model.js';
import { ATTRIBUTE_LABELS } from './compare.js';
import type { Answer, Section } from './types.js';
import { namesOf, sourcesOf, subject } from './util.js';

const KIND_LABEL: Record<string, string> = {
  framework: 'Framework',
  library: 'Library',
  stdlib: 'Standard library',
  database: 'Database',
  tool: 'Tool',
};

/** How to get a package: a pip line, or a note for the standard library and non-pip tools. */
export function installLine(p: PackageEntry): string {
  if (p.kind === 'stdlib') return 'Ships with Python (nothing to install)';
  if (p.install) return `pip install ${p.install}`;
  if (p.kind === 'database' || p.kind === 'tool') return 'Installed outside pip (see its docs)';
  return `pip install ${p.id}`;
}

function packageAnswer(kb: Knowledge, p: PackageEntry): Answer {
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
  ];
  const attrs = Object.entries(p.attributes ?? {});
  if (attrs.length) {
    sections.push({
      type: 'facts',
      facts: attrs.map(([k, v]) => ({
        label: ATTRIBUTE_LABELS[k as keyof typeof ATTRIBUTE_LABELS] ?? k,
        value: v,
      })),
    });
  }
  sections.push({ type: 'list', title: 'Why people pick it', items: p.why, ordered: false });
  const alternatives = namesOf(kb, p.alternatives);
  const related = namesOf(kb, p.related);
  const see: { label: string; value: string }[] = [];
  if (alternatives.length) see.push({ label: 'Alternatives', value: alternatives.join(', ') });
  if (related.length) see.push({ label: 'Related', value: related.join(', ') });
  if (see.length) sections.push({ type: 'facts', facts: see });
  const other = kb.entries.get(p.alternatives[0] ?? '');
  if (other) sections.push({ type: 'note', text: `Compare: /pystack compare ${p.id} ${other.id}` });
  return {
    intent: 'library',
    title: `${p.name} (${p.category})`,
    subjects: [subject(p)],
    sections,
    sources: sourcesOf(kb, [p]),
  };
}

/** The answer that presents one entry on its own. */
export function entryAnswer(kb: Knowledge, e: Entry): Answer {
  const related = 'related' in e ? namesOf(kb, e.related) : [];
  const relatedSection: Section[] = related.length
    ? [{ type: 'facts', facts: [{ label: 'See also', value: related.join(', ') }] }]
    : [];
  const base = { subjects: [subject(e)], sources: sourcesOf(kb, [e]) };
  switch (e.type) {
    case 'package':
      return packageAnswer(kb, e);
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
