/**
 * A second reader for "which entry does this message want", beside Lunr: naive Bayes over word
 * stems and stem pairs. Each entry's document is its own text (summary, points, use cases, …) plus
 * the words of the tuning questions labelled with it (`scripts/train/entries.ts`, shipped as JSON
 * next to the index). Where Lunr matches the few words a parser kept, this weighs every word of a
 * message, so a described problem ("each user's orders load one by one, slow in prod") finds the
 * entry that describes it (N+1 queries). Team entries count with their own text only.
 *
 * @example
 * const ranker = new EntryRanker(kb, loadEntryModel('dist/entry-model.json'));
 * ranker.rank('page loads users then each users orders, slow in prod', 'concept')[0].entry.id // 'n-plus-one-queries'
 */
import { readFileSync } from 'node:fs';
import type { Entry, Knowledge } from '../knowledge/model.js';
import { stem } from '../knowledge/search-index.js';
import { QUESTION_WORDS } from './search.js';

export interface EntryModel {
  format: 1;
  /** Entry id to the stems (and stem pairs) of the tuning questions labelled with it, with counts. */
  questions: Record<string, Record<string, number>>;
}

/** Smoothing for a word an entry's document lacks: small, so the words it has decide. */
const ALPHA = 0.1;
/** A word in more than about one entry in ten says little about which entry is meant. */
const MIN_IDF = Math.log(10);
/** Fields that hold no words of an entry's subject. */
const SKIP_FIELDS = new Set(['id', 'type', 'sources', 'related', 'install', 'kind', 'standing', 'owner']);
const STOP = new Set(
  (
    'a an the and or of to in on for with is are be been it its this that these those at as by from so if ' +
    'then than into about over our their they them there have has had was were will am im i ive'
  ).split(' '),
);

/** The stems of a text and its neighbouring stem pairs: the words a ranker weighs. */
export function rankWords(text: string): string[] {
  const stems = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9+#]+/)
    .filter((w) => w.length > 1 && w.length <= 40 && !STOP.has(w) && !QUESTION_WORDS.has(w))
    .map(stem);
  const pairs = stems.slice(1).map((s, i) => `${stems[i]}_${s}`);
  return [...stems, ...pairs];
}

/** Every string an entry holds, its ids and sources left out. */
function entryText(e: Entry): string {
  const out: string[] = [];
  const walk = (v: unknown, key = ''): void => {
    if (SKIP_FIELDS.has(key)) return;
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) for (const x of v) walk(x);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk(e);
  return out.join(' . ');
}

export interface RankedEntry {
  entry: Entry;
  /** Log-likelihood over the message's known words (comparable within one ranking only). */
  score: number;
}

export class EntryRanker {
  private readonly postings = new Map<string, { entry: number; count: number }[]>();
  private readonly idf = new Map<string, number>();
  private readonly lengths: number[];
  private readonly list: Entry[];
  private readonly vocabulary: number;
  private readonly at = new Map<string, number>();
  private last?: { text: string; sums: Map<number, number>; weight: number };

  constructor(kb: Knowledge, model?: EntryModel) {
    this.list = [...kb.entries.values()].filter((e) => e.type !== 'tip');
    this.list.forEach((e, i) => this.at.set(e.id, i));
    const docs = this.list.map((e) => {
      const counts = new Map<string, number>();
      for (const w of rankWords(entryText(e))) counts.set(w, (counts.get(w) ?? 0) + 1);
      for (const [w, n] of Object.entries(model?.questions[e.id] ?? {})) counts.set(w, (counts.get(w) ?? 0) + n);
      return counts;
    });
    docs.forEach((counts, entry) => {
      for (const [w, count] of counts) {
        const p = this.postings.get(w);
        if (p) p.push({ entry, count });
        else this.postings.set(w, [{ entry, count }]);
      }
    });
    for (const [w, p] of this.postings) this.idf.set(w, Math.log(this.list.length / p.length));
    this.vocabulary = this.postings.size;
    this.lengths = docs.map((d) => [...d.values()].reduce((a, b) => a + b, 0));
  }

  /** Every entry's sum over the text's words, for all types at once; the last text's is kept (one message ranks several kinds). */
  private scored(text: string): { sums: Map<number, number>; weight: number } {
    if (this.last?.text === text) return this.last;
    const words = rankWords(text).filter((w) => this.idf.has(w));
    const weight = words.reduce((s, w) => s + (this.idf.get(w) as number), 0);
    const sums = new Map<number, number>();
    for (const w of words) {
      const idf = this.idf.get(w) as number;
      for (const { entry, count } of this.postings.get(w) ?? [])
        sums.set(entry, (sums.get(entry) ?? 0) + idf * Math.log((count + ALPHA) / ALPHA));
    }
    this.last = { text, sums, weight };
    return this.last;
  }

  /** How many distinct words of the text (single words, rarer than MIN_IDF) the entry's document holds. */
  evidence(text: string, entry: Entry): number {
    const i = this.at.get(entry.id);
    const words = new Set(rankWords(text).filter((w) => !w.includes('_') && (this.idf.get(w) ?? 0) >= MIN_IDF));
    return [...words].filter((w) => this.postings.get(w)?.some((p) => p.entry === i)).length;
  }

  /** Entries of one type that share a word with the text, most likely first. */
  rank(text: string, type: Entry['type']): RankedEntry[] {
    const { sums, weight } = this.scored(text);
    return [...sums]
      .filter(([entry]) => this.list[entry]?.type === type)
      .map(([entry, s]) => ({
        entry: this.list[entry] as Entry,
        score: s - weight * Math.log(((this.lengths[entry] as number) + ALPHA * this.vocabulary) / ALPHA),
      }))
      .sort((a, b) => b.score - a.score || (a.entry.id < b.entry.id ? -1 : 1));
  }
}

export function loadEntryModel(path: string): EntryModel | undefined {
  try {
    const model = JSON.parse(readFileSync(path, 'utf8')) as EntryModel;
    return model.format === 1 && model.questions && typeof model.questions === 'object' ? model : undefined;
  } catch {
    return undefined;
  }
}
