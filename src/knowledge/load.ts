/**
 * Reads `knowledge/*.yml`, validates each file with zod and cross-checks the whole:
 * unique ids, existing references and sources, unambiguous names and aliases.
 *
 * @example
 * const { knowledge, problems } = checkKnowledge('knowledge');
 * const kb = loadKnowledge('knowledge'); // throws KnowledgeError listing every problem
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createRequire } from 'node:module';
import type * as YAMLTypes from 'yaml';
import { KnowledgeError, type Problem } from '../errors.js';
import { type Entry, entryKeys, type Knowledge, UNCOVERED } from './model.js';
import { type KnowledgeFile, schemas } from './schema.js';
import { textKey, type YamlCache } from './yaml-cache.js';

const LISTS = ['packages', 'checklists', 'stacks', 'concepts', 'tips'] as const;

/** Lower-case, letters and digits only: how names and aliases are compared. */
export function normKey(text: string): string {
  // Most keys asked for are plain lower-case words already.
  if (/^[a-z0-9]*$/.test(text)) return text;
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

function fieldPath(path: PropertyKey[]): string {
  return path
    .map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))
    .join('.')
    .replace(/\.\[/g, '[');
}

/** The yaml package, loaded only when a file is not in the build's cache (or a team overlay is read). */
const requireHere = createRequire(import.meta.url);
let yamlModule: typeof YAMLTypes | undefined;
export const YAML = () => (yamlModule ??= requireHere('yaml') as typeof YAMLTypes);

/** The YAML value of a file's text. */
function parseYaml(file: string, text: string, problems: Problem[]): { value: unknown } | undefined {
  const doc = YAML().parseDocument(text, { prettyErrors: true });
  if (doc.errors.length) {
    for (const e of doc.errors) problems.push({ file, message: `YAML: ${(e.message.split('\n')[0] ?? '').replace(/:\s*$/, '')}` });
    return undefined;
  }
  return { value: doc.toJS() as unknown };
}

function parseFile(file: string, text: string, problems: Problem[], cache?: YamlCache): KnowledgeFile | undefined {
  // Validated by the build under this very schema (see yaml-cache.ts), for exactly this text.
  const key = cache?.size ? textKey(text) : '';
  if (key && cache?.has(key)) return cache.get(key) as KnowledgeFile;
  const yaml = parseYaml(file, text, problems);
  if (!yaml) return undefined;
  const raw = yaml.value;
  const parsed = schemas().KnowledgeFileSchema.safeParse(raw ?? {});
  if (parsed.success) return parsed.data;
  problems.push(...schemaProblems(file, raw, parsed.error.issues));
  return undefined;
}

/** Schema issues of a file of lists (`packages: [...]`) as `file › entry › field` problems, the entry by its id. */
export function schemaProblems(
  file: string,
  raw: unknown,
  issues: readonly { path: PropertyKey[]; message: string }[],
): Problem[] {
  return issues.map((issue) => {
    const [list, index, ...rest] = issue.path;
    const item = (raw as Record<string, unknown[]> | null)?.[String(list)]?.[Number(index)] as
      | { id?: unknown }
      | undefined;
    const entry =
      typeof index === 'number'
        ? typeof item?.id === 'string'
          ? item.id
          : `${String(list)}[${index}]`
        : undefined;
    return { file, entry, field: fieldPath(entry ? rest : issue.path) || undefined, message: issue.message };
  });
}

function crossCheck(kb: Knowledge, origin: Map<string, string>, problems: Problem[]): void {
  const at = (id: string) => origin.get(id) ?? '?';
  const owner = new Map<string, string>();
  for (const e of kb.entries.values()) {
    const file = at(e.id);
    for (const src of e.sources) {
      if (!kb.sources.has(src))
        problems.push({ file, entry: e.id, field: 'sources', message: `unknown source id "${src}"` });
    }
    const refs: [string, string[]][] = [['related', e.related]];
    if (e.type === 'package') refs.push(['alternatives', e.alternatives]);
    if (e.type === 'stack') refs.push(['packages', e.packages]);
    for (const [field, ids] of refs) {
      for (const ref of ids) {
        if (!kb.entries.has(ref)) problems.push({ file, entry: e.id, field, message: `unknown id "${ref}"` });
        else if (ref === e.id)
          problems.push({ file, entry: e.id, field, message: 'an entry cannot refer to itself' });
      }
    }
    if (e.type === 'tip') continue;
    for (const key of entryKeys(e).map(normKey)) {
      if (!key) continue;
      const other = owner.get(key);
      if (other && other !== e.id) {
        problems.push({
          file,
          entry: e.id,
          field: 'aliases',
          message: `"${key}" already names "${other}" (${at(other)})`,
        });
      } else owner.set(key, e.id);
    }
  }
  kb.names = owner;
  // A counterpart is another stack's tool ("jest"), for a category the knowledge's packages have ("Testing").
  const categories = new Set(kb.packages.map((p) => p.category));
  for (const [name, category] of kb.counterparts ?? []) {
    const file = at(`counterpart:${name}`);
    if (!categories.has(category))
      problems.push({ file, entry: 'counterparts', field: name, message: `"${category}" is no package's category` });
    else if (!kb.outside.has(name) || kb.outside.get(name) === UNCOVERED)
      problems.push({
        file,
        entry: 'counterparts',
        field: name,
        message: 'is not listed as another stack\'s name in outside',
      });
  }
  for (const [name, kind] of kb.outside) {
    const id = owner.get(normKey(name));
    // A Python package the knowledge once did not cover and now does ("uncovered.yml") is simply covered.
    if (id && kind === UNCOVERED) {
      kb.outside.delete(name);
      continue;
    }
    if (id && normKey(name).length > 1)
      problems.push({
        file: at(`outside:${name}`),
        entry: kind,
        field: name,
        message: `names the knowledge entry "${id}" (${at(id)}), so it is not outside the Python stack`,
      });
  }
}

/** The validated value of every knowledge file that validates, keyed by the hash of its text (see yaml-cache.ts). */
export function parseKnowledgeYaml(dir: string): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const name of knowledgeFiles(dir)) {
    const text = readFileSync(join(dir, name), 'utf8');
    const doc = YAML().parseDocument(text);
    if (doc.errors.length) continue;
    const parsed = schemas().KnowledgeFileSchema.safeParse(doc.toJS() ?? {});
    if (parsed.success) out.set(textKey(text), parsed.data);
  }
  return out;
}

function knowledgeFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yml') || f.endsWith('.yaml'))
    .sort();
}

/**
 * Validates every knowledge file; returns the knowledge when there is no problem. `cache` holds
 * values the build already parsed and validated, by text hash (see yaml-cache.ts).
 */
export function checkKnowledge(dir: string, cache?: YamlCache): { knowledge?: Knowledge; problems: Problem[] } {
  const problems: Problem[] = [];
  let files: string[];
  try {
    files = knowledgeFiles(dir);
  } catch {
    return { problems: [{ file: dir, message: 'knowledge folder not found or not readable' }] };
  }
  if (!files.length) return { problems: [{ file: dir, message: 'no .yml files in the knowledge folder' }] };

  const kb: Knowledge = {
    sources: new Map(),
    packages: [],
    checklists: [],
    stacks: [],
    concepts: [],
    tips: [],
    entries: new Map(),
    names: new Map(),
    outside: new Map(),
    counterparts: new Map(),
    digest: '',
  };
  const origin = new Map<string, string>();
  const hash = createHash('sha256');
  for (const name of files) {
    const text = readFileSync(join(dir, name), 'utf8');
    kb.changed = Math.max(kb.changed ?? 0, statSync(join(dir, name)).mtimeMs);
    hash.update(`${name}\0${text}\0`);
    const data = parseFile(basename(name), text, problems, cache);
    if (!data) continue;
    for (const s of data.sources ?? []) {
      if (kb.sources.has(s.id))
        problems.push({ file: name, entry: s.id, field: 'id', message: 'duplicate source id' });
      kb.sources.set(s.id, s);
    }
    for (const [kind, names] of Object.entries(data.outside ?? {}))
      for (const n of names) {
        kb.outside.set(n, kind);
        origin.set(`outside:${n}`, name);
      }
    for (const [category, names] of Object.entries(data.counterparts ?? {}))
      for (const n of names) {
        kb.counterparts?.set(n, category);
        origin.set(`counterpart:${n}`, name);
      }
    for (const list of LISTS) {
      for (const item of data[list] ?? []) {
        const type = list.slice(0, -1) as Entry['type'];
        if (kb.entries.has(item.id)) {
          problems.push({
            file: name,
            entry: item.id,
            field: 'id',
            message: `duplicate id (also in ${origin.get(item.id)})`,
          });
          continue;
        }
        const entry = { ...item, type } as Entry;
        kb.entries.set(item.id, entry);
        origin.set(item.id, name);
        (kb[list] as Entry[]).push(entry);
      }
    }
  }
  kb.digest = hash.digest('hex').slice(0, 16);
  kb.files = new Map([...kb.entries.keys()].map((id) => [id, origin.get(id) ?? '']));
  // Cross-checks only make sense once every file reads: a broken file would bury its own error
  // under "unknown id" lines from every entry that refers into it.
  if (problems.length) return { problems };
  crossCheck(kb, origin, problems);
  if (!kb.packages.length) problems.push({ file: dir, message: 'no packages defined' });
  if (!kb.tips.length)
    problems.push({
      file: files.find((f) => basename(f).startsWith('tips')) ?? dir,
      message: 'no tips defined: /pystack tip and the tip scheduler need at least one',
    });
  return problems.length ? { problems } : { knowledge: kb, problems };
}

/** Loads the knowledge or throws a KnowledgeError naming every problem. */
export function loadKnowledge(dir: string, cache?: YamlCache): Knowledge {
  const { knowledge, problems } = checkKnowledge(dir, cache);
  if (!knowledge) throw new KnowledgeError(problems);
  return knowledge;
}
