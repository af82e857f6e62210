/**
 * Multiplies the real knowledge k times with generated entries, for the scale benchmark. Each
 * real entry gets k-1 variants: a new made-up name (blended from real names, never colliding
 * with another id, name or alias), text remixed from real words plus a made-up vocabulary that
 * grows like a real corpus (about sqrt(k) times the real one), and references to existing ids.
 * The variants are written as YAML next to copies of the real files and read back with the real
 * loader, so they pass the same zod schemas and cross-checks as anyone's knowledge.
 *
 * @example
 * const kb = scaleKnowledge(DEFAULT_PATHS.knowledgeDir, 10, '/tmp/kb10'); // 10x the entries, validated
 */
import { copyFileSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { loadKnowledge, normKey } from '../../src/knowledge/load.js';
import type { Entry, Knowledge } from '../../src/knowledge/model.js';
import type { Checklist, Concept, KnowledgeFile, Package, Stack, Tip } from '../../src/knowledge/schema.js';
import { mulberry32 } from '../support/random.js';

/** Generated entries per YAML file: a large knowledge base is many files, not one huge one. */
const PER_FILE = 250;
const LISTS = ['packages', 'concepts', 'checklists', 'stacks', 'tips'] as const;
type List = (typeof LISTS)[number];

const WORD = /^[a-z]{4,}$/;

class Generator {
  private readonly rand: () => number;
  /** Normalised keys already naming something (ids, names, aliases of real and generated entries). */
  private readonly taken: Set<string>;
  /** Real words, repeated as often as they occur: sampling follows real word frequencies. */
  private readonly words: string[] = [];
  private readonly invented: string[] = [];
  private readonly nameKeys: string[];
  private readonly useCases: string[] = [];
  readonly packageIds: string[];
  readonly entryIds: string[];

  constructor(
    private readonly kb: Knowledge,
    k: number,
    seed: number,
  ) {
    this.rand = mulberry32(seed);
    this.taken = new Set([...kb.names.keys(), ...[...kb.entries.keys()].map(normKey)]);
    this.nameKeys = kb.packages.map((p) => normKey(p.name)).filter((n) => /^[a-z]{4,}$/.test(n));
    for (const p of kb.packages) this.useCases.push(...p.use_cases);
    for (const e of kb.entries.values())
      for (const t of texts(e))
        this.words.push(
          ...t
            .toLowerCase()
            .split(/\W+/)
            .filter((w) => WORD.test(w)),
        );
    // Heaps' law with beta 0.5: k times the text holds about sqrt(k) times the distinct words.
    const real = new Set(this.words);
    const target = Math.round(real.size * (Math.sqrt(k) - 1));
    const made = new Set<string>();
    for (let tries = 0; made.size < target && tries < target * 20; tries++) {
      const w = this.blend(this.pick(this.words), this.pick(this.words));
      if (w.length >= 5 && w.length <= 14 && !real.has(w)) made.add(w);
    }
    this.invented = [...made];
    this.packageIds = kb.packages.map((p) => p.id);
    this.entryIds = [...kb.entries.values()].filter((e) => e.type !== 'tip').map((e) => e.id);
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.rand() * list.length)] as T;
  }

  private blend(a: string, b: string): string {
    return a.slice(0, Math.ceil(a.length / 2)) + b.slice(Math.floor(b.length / 2));
  }

  /** A new name nobody uses yet, e.g. "Celttpx" (front of one real name, back of another). */
  name(): string {
    for (let tries = 0; ; tries++) {
      const a = this.pick(this.nameKeys);
      const b = this.pick(this.nameKeys);
      let n = a.slice(0, 2 + Math.floor(this.rand() * 3)) + b.slice(-3 - Math.floor(this.rand() * 3));
      if (tries > 20) n += this.pick(this.nameKeys).slice(0, 3);
      if (tries > 40) n += String(tries);
      if (n.length >= 4 && !this.taken.has(n)) return n.charAt(0).toUpperCase() + n.slice(1);
    }
  }

  /** Claims the keys (normalised) for one entry; false when any is taken. */
  claim(...keys: string[]): boolean {
    const norm = [...new Set(keys.map(normKey))];
    if (norm.some((k) => !k || this.taken.has(k))) return false;
    for (const k of norm) this.taken.add(k);
    return true;
  }

  /** Real text with about a third of its words swapped for real or invented ones, cut to `max`. */
  remix(text: string, max: number, swap = 0.35): string {
    const out = text.split(' ').map((w) => {
      if (!WORD.test(w) || this.rand() >= swap) return w;
      return this.invented.length && this.rand() < 0.25 ? this.pick(this.invented) : this.pick(this.words);
    });
    let s = '';
    for (const w of out) {
      if ((s ? s.length + 1 : 0) + w.length > max) break;
      s = s ? `${s} ${w}` : w;
    }
    return s || text.slice(0, max);
  }

  /** `n` distinct ids from `pool`, never `self`. */
  ids(pool: readonly string[], n: number, self: string): string[] {
    const out = new Set<string>();
    for (let tries = 0; out.size < n && tries < n * 5; tries++) {
      const id = this.pick(pool);
      if (id !== self) out.add(id);
    }
    return [...out];
  }

  /** A slug id for a name, unique among ids. */
  slug(name: string): string {
    return name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60)
      .replace(/-$/, '');
  }

  package(t: Package): Package {
    for (;;) {
      const name = this.name();
      const id = this.slug(name);
      const low = name.toLowerCase();
      const aliases = [`python-${low}`, `${low}-py`, `py${low}`].slice(0, t.aliases.length);
      if (!this.claim(id, name, ...aliases)) continue;
      const useCases = t.use_cases.map((u) => (this.rand() < 0.5 ? this.pick(this.useCases) : this.remix(u, 80)));
      const p: Package = {
        id,
        name,
        aliases,
        kind: t.kind,
        category: t.category,
        summary: this.remix(t.summary.split(t.name).join(name), 220),
        use_cases: [...new Set(useCases)],
        why: t.why.map((w) => this.remix(w, 200)),
        alternatives: this.ids(this.packageIds, t.alternatives.length, id),
        related: this.ids(this.entryIds, t.related.length, id),
        sources: t.sources,
      };
      if (t.install) p.install = `pip install ${id}`;
      if (t.attributes) p.attributes = t.attributes;
      this.packageIds.push(id);
      this.entryIds.push(id);
      return p;
    }
  }

  /** Title, id and aliases for a checklist, stack or concept: a new name in front of the real title. */
  private titled(title: string, aliases: string[], max: number): { id: string; title: string; aliases: string[] } {
    for (;;) {
      const name = this.name();
      const t = `${name} ${this.remix(title, max - name.length - 1, 0.2)}`;
      const id = this.slug(t);
      const al = aliases.map((a) => `${name.toLowerCase()} ${a}`.slice(0, 80));
      if (this.claim(id, t, ...al)) {
        this.entryIds.push(id);
        return { id, title: t, aliases: al };
      }
    }
  }

  checklist(t: Checklist): Checklist {
    const head = this.titled(t.title, t.aliases, 100);
    return {
      ...head,
      summary: this.remix(t.summary, 300),
      ordered: t.ordered,
      items: t.items.map((i) => this.remix(i, 300)),
      related: this.ids(this.entryIds, t.related.length, head.id),
      sources: t.sources,
    };
  }

  stack(t: Stack): Stack {
    const head = this.titled(t.title, t.aliases, 100);
    return {
      ...head,
      role: t.role,
      summary: this.remix(t.summary, 300),
      layers: t.layers,
      packages: this.ids(this.packageIds, t.packages.length, head.id),
      good_for: t.good_for.map((g) => this.remix(g, 120)),
      related: this.ids(this.entryIds, t.related.length, head.id),
      sources: t.sources,
    };
  }

  concept(t: Concept): Concept {
    const head = this.titled(t.title, t.aliases, 120);
    return {
      ...head,
      kind: t.kind,
      summary: this.remix(t.summary, 400),
      points: t.points.map((p) => this.remix(p, 300)),
      related: this.ids(this.entryIds, t.related.length, head.id),
      sources: t.sources,
    };
  }

  tip(t: Tip, n: number): Tip {
    return {
      id: `${t.id}-${n}`.slice(0, 60),
      text: this.remix(t.text, 280),
      related: this.ids(this.entryIds, t.related.length, ''),
      sources: t.sources,
    };
  }
}

/** The searchable and shown text of an entry. */
function texts(e: Entry): string[] {
  switch (e.type) {
    case 'package':
      return [e.summary, ...e.use_cases, ...e.why];
    case 'checklist':
      return [e.summary, ...e.items];
    case 'stack':
      return [e.summary, ...e.good_for];
    case 'concept':
      return [e.summary, ...e.points];
    case 'tip':
      return [e.text];
  }
}

/** The generated entries for k times the knowledge (k-1 variants of each real entry), by list. */
export function generateEntries(kb: Knowledge, k: number, seed = 1): Record<List, object[]> {
  const g = new Generator(kb, k, seed);
  const out: Record<List, object[]> = { packages: [], concepts: [], checklists: [], stacks: [], tips: [] };
  for (let n = 1; n < k; n++) {
    for (const t of kb.packages) out.packages.push(g.package(t));
    for (const t of kb.concepts) out.concepts.push(g.concept(t));
    for (const t of kb.checklists) out.checklists.push(g.checklist(t));
    for (const t of kb.stacks) out.stacks.push(g.stack(t));
    for (const t of kb.tips) out.tips.push(g.tip(t, n));
  }
  return out;
}

/** Copies the real YAML files into `outDir` and writes k-1 generated variants of every entry beside them. */
export function writeScaledKnowledge(
  knowledgeDir: string,
  k: number,
  outDir: string,
): { files: number; bytes: number } {
  mkdirSync(outDir, { recursive: true });
  let files = 0;
  let bytes = 0;
  for (const f of readdirSync(knowledgeDir).filter((n) => /\.ya?ml$/.test(n))) {
    copyFileSync(join(knowledgeDir, f), join(outDir, f));
    files++;
    bytes += statSync(join(outDir, f)).size;
  }
  const generated = generateEntries(loadKnowledge(knowledgeDir), k);
  for (const list of LISTS) {
    const items = generated[list];
    for (let i = 0; i < items.length; i += PER_FILE) {
      const file: KnowledgeFile = { [list]: items.slice(i, i + PER_FILE) };
      const text = `# Generated for the scale benchmark (scripts/bench/generate.ts).\n${YAML.stringify(file, { lineWidth: 0, aliasDuplicateObjects: false })}`;
      writeFileSync(join(outDir, `gen-${list}-${String(i / PER_FILE).padStart(4, '0')}.yml`), text);
      files++;
      bytes += Buffer.byteLength(text);
    }
  }
  return { files, bytes };
}

/** k times the real knowledge, written to `outDir` and loaded (and so validated) by the real loader. */
export function scaleKnowledge(knowledgeDir: string, k: number, outDir: string): Knowledge {
  writeScaledKnowledge(knowledgeDir, k, outDir);
  return loadKnowledge(outDir);
}
