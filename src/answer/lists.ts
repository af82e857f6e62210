/**
 * Lists of entries: every checklist or every stack.
 *
 * @example
 * listAnswer(kb, 'checklist', kb.checklists).subjects.length // kb.checklists.length
 */
import type { Entry, Knowledge } from '../knowledge/model.js';
import { entryName } from '../knowledge/model.js';
import type { Answer } from './types.js';
import { sourcesOf, subject } from './util.js';

/** Every checklist or every stack, each with the command that opens it. */
export function listAnswer(kb: Knowledge, type: 'checklist' | 'stack', entries: Entry[], lead?: string): Answer {
  return {
    intent: type,
    title: type === 'checklist' ? 'Checklists' : 'Role stacks',
    subjects: entries.map(subject),
    sections: [
      ...(lead ? [{ type: 'text' as const, text: lead }] : []),
      { type: 'list', items: entries.map((e) => entryName(e)), ordered: false },
    ],
    sources: sourcesOf(kb, entries),
    hints: entries.slice(0, 3).map((e) => ({ label: entryName(e), command: `${type} ${e.id}` })),
  };
}
