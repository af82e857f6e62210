/**
 * An Answer is a typed value: what was understood (intent), what it is about (subjects),
 * the content (sections) and where it comes from (sources). Renderers turn it into Slack
 * blocks or terminal text; nothing here knows about either.
 *
 * @example
 * const a: Answer = { intent: 'help', title: 'pystack', subjects: [], sections: [], sources: [] };
 */
import type { Intent } from './intents.js';

export { INTENTS, type Intent } from './intents.js';

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

/** A next step a renderer prints its own way: `/pystack compare a b` in Slack, `pystack ask "compare a b"` in a terminal. */
export interface Hint {
  label: string;
  command: string;
}

/** The angle a library answer takes on its subject. */
export type Focus = 'overview' | 'alternatives' | 'production' | 'uses' | 'worth';

export interface Answer {
  intent: Intent;
  /** For library answers: the angle taken (what is X / alternatives to X / X in production / what X is for / is X worth it). */
  focus?: Focus;
  title: string;
  subjects: Subject[];
  sections: Section[];
  sources: SourceRef[];
  /** Names in the question that the knowledge does not have. */
  unrecognised?: string[];
  /** Next steps to offer, printed by each renderer in its door's own words. */
  hints?: Hint[];
  /** The question as understood, when it differs from what was typed (a follow-up read with its thread). */
  asked?: string;
  /** Picks the knowledge's relations give (the services a package runs on): no ranker's second opinion replaces them. */
  related?: boolean;
  /** The answer to a second question in the same message. */
  also?: Answer;
  /** For tips: the rotation seed of this tip, so a door can offer "another tip". */
  tipSeed?: number;
  /** The knowledge's version, for the footer: a short content hash and the day of its newest change. */
  version?: { hash: string; date?: string };
}
