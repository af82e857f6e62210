/**
 * A team's own standards next to the curated facts: read from TEAM_KNOWLEDGE (one YAML file or a
 * folder of them), validated by zod and cross-checked against the curated knowledge, then merged
 * into it. Standards mark curated (or team) entries preferred, approved, discouraged or banned
 * with a reason and maybe an `instead`; team packages are first-class entries (lookups,
 * comparisons, recommendations), cited as "Team standards", with an owner to ask.
 *
 * @example
 * const { overlay, problems } = readTeam('examples/team.yml', curated);
 * const kb = overlay ? withTeam(curated, overlay) : curated;
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { z as Z } from 'zod';
import type { Problem } from '../errors.js';
import { normKey, schemaProblems, YAML } from './load.js';
import { type Entry, entryKeys, type Knowledge, type PackageEntry } from './model.js';
import { PACKAGE_KINDS, schemas } from './schema.js';
import { lazily, zod } from './zod.js';

export const TEAM_STATUSES = ['preferred', 'approved', 'discouraged', 'banned'] as const;
export type TeamStatus = (typeof TEAM_STATUSES)[number];
/** The source every team fact cites. */
export const TEAM_SOURCE = 'team-standards';

/** The team file's schemas, built with zod on first use (see zod.ts). */
function build(z: typeof Z, IdSchema: ReturnType<typeof schemas>['IdSchema']) {
  const Line = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

  const StandardSchema = z.strictObject({
    id: IdSchema,
    status: z.enum(TEAM_STATUSES, { error: `must be one of ${TEAM_STATUSES.join(', ')}` }),
    reason: Line(300),
    instead: IdSchema.optional(),
  });

  const TeamPackageSchema = z.strictObject({
    id: IdSchema,
    name: Line(60),
    aliases: z.array(Line(60)).default([]),
    kind: z.enum(PACKAGE_KINDS).default('library'),
    /** A curated category puts it among that category's picks; default "Team packages". */
    category: Line(60).default('Team packages'),
    summary: Line(220),
    use_cases: z.array(Line(80)).min(1, 'list at least one use case'),
    why: z.array(Line(200)).default([]),
    install: Line(120).optional(),
    /** Completes "Pick it when …" (default: "you want the team's own choice for <first use case>"). */
    pick_when: Line(160).optional(),
    /** Where to ask: a channel ("#platform-team") or a person. */
    owner: Line(80).optional(),
    related: z.array(IdSchema).default([]),
  });

  const TeamFileSchema = z.strictObject({
    standards: z.array(StandardSchema).default([]),
    packages: z.array(TeamPackageSchema).default([]),
  });

  return { StandardSchema, TeamPackageSchema, TeamFileSchema };
}

const teamSchemas = lazily(() => build(zod(), schemas().IdSchema));
type TeamSchemas = ReturnType<typeof build>;

export type Standard = Z.infer<TeamSchemas['StandardSchema']>;
export type TeamPackage = Z.infer<TeamSchemas['TeamPackageSchema']>;

export interface TeamOverlay {
  /** What TEAM_KNOWLEDGE names (a file or a folder). */
  path: string;
  files: string[];
  standards: Map<string, Standard & { file: string }>;
  packages: (TeamPackage & { file: string })[];
  /** A short hash of the overlay's text. */
  version: string;
  /** The newest file's modification time (ms). */
  changed: number;
}

function teamFiles(path: string): string[] {
  if (statSync(path).isDirectory())
    return readdirSync(path)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort()
      .map((f) => join(path, f));
  return [path];
}

/** A hash of the overlay's files, to notice an edit without parsing. */
export function teamHash(path: string): string {
  const hash = createHash('sha256');
  for (const f of teamFiles(path)) hash.update(`${f}\0${readFileSync(f, 'utf8')}\0`);
  return hash.digest('hex').slice(0, 12);
}

/** Reads and checks the overlay against the curated knowledge; problems name the file and entry. */
export function readTeam(path: string, kb: Knowledge): { overlay?: TeamOverlay; problems: Problem[] } {
  const problems: Problem[] = [];
  let files: string[];
  try {
    files = teamFiles(path);
  } catch {
    return { problems: [{ file: path, message: 'team knowledge not found or not readable (TEAM_KNOWLEDGE)' }] };
  }
  if (!files.length) return { problems: [{ file: path, message: 'no .yml files in the team knowledge folder' }] };
  const standards = new Map<string, Standard & { file: string }>();
  const packages: (TeamPackage & { file: string })[] = [];
  const hash = createHash('sha256');
  let changed = 0;
  for (const file of files) {
    const name = basename(file);
    const text = readFileSync(file, 'utf8');
    hash.update(`${name}\0${text}\0`);
    changed = Math.max(changed, statSync(file).mtimeMs);
    const doc = YAML().parseDocument(text, { prettyErrors: true });
    if (doc.errors.length) {
      for (const e of doc.errors) problems.push({ file: name, message: `YAML: ${e.message.split('\n')[0] ?? ''}` });
      continue;
    }
    const raw = doc.toJS() as unknown;
    const parsed = teamSchemas().TeamFileSchema.safeParse(raw ?? {});
    if (!parsed.success) {
      problems.push(...schemaProblems(name, raw, parsed.error.issues));
      continue;
    }
    for (const p of parsed.data.packages) packages.push({ ...p, file: name });
    for (const s of parsed.data.standards) {
      if (standards.has(s.id))
        problems.push({ file: name, entry: s.id, field: 'id', message: `duplicate standard (also in ${standards.get(s.id)?.file})` });
      standards.set(s.id, { ...s, file: name });
    }
  }
  if (problems.length) return { problems };
  // Team packages: new ids, names and aliases only.
  const taken = new Map<string, string>(kb.names);
  const teamIds = new Set<string>();
  for (const p of packages) {
    if (kb.entries.has(p.id) || teamIds.has(p.id)) {
      problems.push({
        file: p.file,
        entry: p.id,
        field: 'id',
        message: kb.entries.has(p.id) ? `collides with the curated entry "${p.id}"` : 'duplicate team package id',
      });
      continue;
    }
    teamIds.add(p.id);
    for (const key of [p.id, p.name, ...p.aliases]) {
      const k = normKey(key);
      const other = taken.get(k);
      if (other && other !== p.id)
        problems.push({ file: p.file, entry: p.id, field: 'aliases', message: `"${key}" already names "${other}"` });
      else taken.set(k, p.id);
    }
    for (const r of p.related)
      if (!kb.entries.has(r) && !packages.some((o) => o.id === r))
        problems.push({ file: p.file, entry: p.id, field: 'related', message: `unknown id "${r}"` });
  }
  const known = (id: string) => kb.entries.has(id) || teamIds.has(id);
  for (const s of standards.values()) {
    if (!known(s.id)) problems.push({ file: s.file, entry: s.id, field: 'id', message: `unknown id "${s.id}"` });
    if (s.instead && !known(s.instead))
      problems.push({ file: s.file, entry: s.id, field: 'instead', message: `unknown id "${s.instead}"` });
    if (s.instead === s.id) problems.push({ file: s.file, entry: s.id, field: 'instead', message: 'names itself' });
  }
  if (problems.length) return { problems };
  return {
    overlay: { path, files: files.map((f) => basename(f)), standards, packages, version: hash.digest('hex').slice(0, 8), changed },
    problems,
  };
}

/** The curated knowledge with the overlay merged in: team packages as entries, standards attached. */
export function withTeam(kb: Knowledge, team: TeamOverlay): Knowledge {
  const sources = new Map(kb.sources);
  sources.set(TEAM_SOURCE, {
    id: TEAM_SOURCE,
    title: 'Team standards',
    about: `Your team's own rules and internal packages (${team.files.join(', ')})`,
  });
  const added: PackageEntry[] = team.packages.map(({ file: _file, owner, ...p }) => ({
    ...p,
    type: 'package',
    alternatives: [],
    sources: [TEAM_SOURCE],
    why: p.why.length ? p.why : [owner ? `Your team's own package; ask ${owner}.` : "Your team's own package."],
    pick_when: p.pick_when ?? `you want the team's own choice for ${p.use_cases[0]}`,
    ...(owner ? { owner } : {}),
  }));
  const entries = new Map<string, Entry>(kb.entries);
  const names = new Map(kb.names);
  const files = new Map(kb.files ?? []);
  for (const p of added) {
    entries.set(p.id, p);
    for (const k of entryKeys(p)) names.set(normKey(k), p.id);
    files.set(p.id, team.packages.find((t) => t.id === p.id)?.file ?? '');
  }
  // A team's own package named like a name listed outside the knowledge ("polars", not covered) is the team's.
  const outside = new Map([...kb.outside].filter(([n]) => !names.has(normKey(n))));
  return {
    ...kb,
    sources,
    packages: [...kb.packages, ...added],
    entries,
    names,
    outside,
    files,
    digest: `${kb.digest}+${team.version}`,
    changed: Math.max(kb.changed ?? 0, team.changed),
    team,
  };
}

/** The team's word on an entry, if any. */
export const standardOf = (kb: Knowledge, id: string) => kb.team?.standards.get(id);
