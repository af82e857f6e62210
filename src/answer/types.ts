/**
 * An Answer is a typed value: what was understood (intent), what it is about (subjects),
 * the content (sections) and where it comes from (sources). Renderers turn it into Slack
 * blocks or terminal text; nothing here knows about either.
 *
 * @example
 * const a: Answer = { intent: 'help', title: 'pystack', subjects: [], sections: [], sources: [] };
 */
export const INTENTS = [
  'compare',
  'library',
  'recommend',
  'checklist',
  'stack',
  'concept',
  'search',
  'tip',
  'help',
  'unknown',
] as const;
export type Intent = (typeof INTENTS)[number];

export interface Subject {
  id: string;
  name: string;
  kind: string;
}

export interface SourceRef {
  id: string;
  title: string;
  url?: string;
}

export type Section =
  /** A short paragraph of plain text. */
  | { type: 'text'; text: string }
  /** Labelled facts, e.g. a library card. */
  | { type: 'facts'; facts: { label: string; value: string }[] }
  /** A list, numbered or bulleted. */
  | { type: 'list'; title?: string; items: string[]; ordered: boolean }
  /** An attribute table: one column per compared subject. */
  | { type: 'table'; columns: string[]; rows: { label: string; values: string[] }[] }
  /** Picks with one reason each. */
  | { type: 'picks'; title?: string; picks: { name: string; reason: string }[] }
  /** Small print: hints and next steps. */
  | { type: 'note'; text: string };

export interface Answer {
  intent: Intent;
  title: string;
  subjects: Subject[];
  sections: Section[];
  sources: SourceRef[];
  /** For tips: the rotation seed of this tip, so a door can offer "another tip". */
  tipSeed?: number;
}
