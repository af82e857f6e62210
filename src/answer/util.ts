/**
 * Small helpers shared by the answer builders: subjects, sources and names of entries.
 *
 * @example
 * const a = { intent: 'library', subjects: [subject(e)], sources: sourcesOf(kb, [e]) };
 */
import type { Entry, Knowledge } from '../knowledge/model.js';
import { entryKind, entryName } from '../knowledge/model.js';
import type { SourceRef, Subject } from './types.js';

export function subject(e: Entry): Subject {
  return { id: e.id, name: entryName(e), kind: entryKind(e) };
}

/** The sources cited by the entries, each once, in order of first citation. */
export function sourcesOf(kb: Knowledge, entries: Entry[]): SourceRef[] {
  const seen = new Set<string>();
  const out: SourceRef[] = [];
  for (const e of entries) {
    for (const id of e.sources) {
      const s = kb.sources.get(id);
      if (!s || seen.has(id)) continue;
      seen.add(id);
      out.push(s.url ? { id, title: s.title, url: s.url } : { id, title: s.title });
    }
  }
  return out;
}

/** Display names of the ids that exist. */
export function namesOf(kb: Knowledge, ids: string[]): string[] {
  return ids.flatMap((id) => {
    const e = kb.entries.get(id);
    return e ? [entryName(e)] : [];
  });
}

/** "a, b and c". */
/** The lower-case words of a text (letters and digits; "+" kept, as in "c++"). */
export const wordsOf = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[^a-z0-9+]+/)
    .filter(Boolean);

export function joinAnd(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** A text matched literally inside a regular expression. */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
