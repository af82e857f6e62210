/**
 * The loaded knowledge: every entry tagged with its type, plus lookup maps.
 *
 * @example
 * const e = kb.entries.get('django'); if (e?.type === 'package') console.log(e.attributes?.performance);
 */
import type { Checklist, Concept, Package, Source, Stack, Tip } from './schema.js';

export type Entry =
  /** `owner`: only team packages have one (where to ask). */
  | ({ type: 'package'; owner?: string } & Package)
  | ({ type: 'checklist' } & Checklist)
  | ({ type: 'stack' } & Stack)
  | ({ type: 'concept' } & Concept)
  | ({ type: 'tip' } & Tip);

export type PackageEntry = Extract<Entry, { type: 'package' }>;
export type ChecklistEntry = Extract<Entry, { type: 'checklist' }>;
export type StackEntry = Extract<Entry, { type: 'stack' }>;
export type ConceptEntry = Extract<Entry, { type: 'concept' }>;
export type TipEntry = Extract<Entry, { type: 'tip' }>;

export interface Knowledge {
  sources: Map<string, Source>;
  packages: PackageEntry[];
  checklists: ChecklistEntry[];
  stacks: StackEntry[];
  concepts: ConceptEntry[];
  tips: TipEntry[];
  /** Every entry by id, tips included. */
  entries: Map<string, Entry>;
  /** Normalised id, name or alias to entry id (tips excluded). */
  names: Map<string, string>;
  /** Names outside the Python stack (lower-case, single-spaced) to their kind ("languages"). */
  outside: Map<string, string>;
  /** Another stack's tool named outside (lower-case) to the category of Python packages that does its job ("jest" → "Testing"). */
  counterparts?: Map<string, string>;
  /** Hash of the knowledge files; ties a built search index to the knowledge it was built from. */
  digest: string;
  /** The file each entry comes from, for `file › entry` paths in reports and corrections. */
  files?: Map<string, string>;
  /** When the newest knowledge file (or team file) was last changed (ms since epoch). */
  changed?: number;
  /** The team overlay merged in (TEAM_KNOWLEDGE), if any. */
  team?: import('./team.js').TeamOverlay;
}

/**
 * A category's name inside a sentence ("for embedded and IoT", "for ORMs and SQL toolkits"): each word in lower
 * case but for acronyms and names written with capitals inside ("IoT", "SQL", "DevOps", "CI/CD").
 */
/** The kind, in `outside`, of Python packages the knowledge does not cover (knowledge/uncovered.yml). */
export const UNCOVERED = 'python';

/** Whether a name is a Python package the knowledge does not cover ("polars"), not another stack's name. */
export function isUncovered(kb: Knowledge, name: string): boolean {
  return kb.outside.get(name) === UNCOVERED;
}

export function categoryWords(category: string): string {
  return category
    .split(' ')
    .map((w) => (/^.+[A-Z]/.test(w) ? w : w.toLowerCase()))
    .join(' ');
}

/** The display name of an entry. */
export function entryName(e: Entry): string {
  switch (e.type) {
    case 'package':
      return e.name;
    case 'tip':
      return e.id;
    default:
      return e.title;
  }
}

/** The subject kind reported in answers: a package's kind, or the entry's type (`faq` for questions). */
export function entryKind(e: Entry): string {
  if (e.type === 'package') return e.kind;
  if (e.type === 'concept') return e.kind;
  return e.type;
}

/** Every string that names the entry: id, name or title, aliases. */
export function entryKeys(e: Entry): string[] {
  if (e.type === 'tip') return [e.id];
  return [e.id, entryName(e), ...e.aliases];
}

/** Where an entry lives, as `pystack check` prints it: `file › entry`. */
export function entryPath(kb: Knowledge, id: string): string {
  return `${kb.files?.get(id) ?? '?'} › ${id}`;
}

/** The knowledge's version for footers: a short content hash and the day of the newest change. */
export function knowledgeVersion(kb: Knowledge): { hash: string; date?: string } {
  const hash = kb.digest.replace(/\+/g, '').slice(0, 8) + (kb.team ? `+${kb.team.version.slice(0, 6)}` : '');
  return { hash, ...(kb.changed ? { date: new Date(kb.changed).toISOString().slice(0, 10) } : {}) };
}
