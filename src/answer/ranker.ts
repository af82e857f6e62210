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
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Entry, Knowledge } from '../knowledge/model.js';
import { bestOf } from '../knowledge/best.js';
import { stem } from '../knowledge/search-index.js';
import { QUESTION_WORDS } from './search.js';
import { compareAt } from './packed-text.js';

export interface EntryModel {
  format: 1;
  /** Entry id to the stems (and stem pairs) of the tuning questions labelled with it, with counts. */
  questions: Record<string, Record<string, number>>;
}

/** Smoothing for a word an entry's document lacks: small, so the words it has decide. */
const ALPHA = 0.1;
/**
 * A word in more than about one entry in eight says little about which entry is meant. (One in ten
 * until the labelled questions, whose words join their entries' documents, grew past 12,000: words
 * such as "lines" and "tests" then crossed it, and "how do i see which lines my tests never hit" lost
 * the evidence for coverage. Cross-validated against one in ten: +9 -0 net, one more confident
 * out-of-scope answer; one in six: +12, three more.)
 */
const MIN_IDF = Math.log(8);
/**
 * A commoner word still counts as evidence for the entry that holds this share of all its uses: "ml" is in more
 * than one entry in eight once labelled questions grow, yet four in ten of its uses are the machine learning
 * stack's. (Cross-validated: no change at 1/8 or 1/4; alone, without MIN_IDF, −12. It keeps evidence from
 * draining away as labelled questions are added.)
 */
const OWN_SHARE = 0.25;
/** Fields that hold no words of an entry's subject. */
const SKIP_FIELDS = new Set(['id', 'type', 'sources', 'related', 'install', 'kind', 'standing', 'owner']);
const STOP = new Set(
  (
    'a an the and or of to in on for with is are be been it its this that these those at as by from so if ' +
    'then than into about over our their they them there have has had was were will am im i ive'
  ).split(' '),
);

/** The stems of a text and its neighbouring stem pairs: the words a ranker weighs. */
export function rankWords(text: string, memo?: Map<string, string>): string[] {
  const stems = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9+#]+/)
    .filter((w) => w.length > 1 && w.length <= 40 && !STOP.has(w) && !QUESTION_WORDS.has(w))
    .map((w) => {
      if (!memo) return stem(w);
      let s = memo.get(w);
      if (s === undefined) memo.set(w, (s = stem(w)));
      return s;
    });
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

/** The entries a ranker scores, in its order: every entry but tips. */
const ranked = (kb: Knowledge): Entry[] => [...kb.entries.values()].filter((e) => e.type !== 'tip');

export interface RankedEntry {
  entry: Entry;
  /** Log-likelihood over the message's known words (comparable within one ranking only). */
  score: number;
}

/**
 * Postings in compressed rows: for word id w, entries[offsets[w]..offsets[w+1]) hold the entries
 * (ascending) whose document has it, counts[…] how often. Typed arrays, so 100x knowledge costs
 * tens of megabytes rather than millions of small objects.
 */
export class EntryRanker {
  /** Word to its number: a map while counting, sorted words with binary search when read from the packed file. */
  private readonly words: WordIds;
  private readonly idf: Float64Array;
  private readonly offsets: Int32Array;
  private readonly entries: Int32Array;
  private readonly counts: Float64Array;
  private readonly lengths: Float64Array;
  private readonly list: Entry[];
  private readonly at = new Map<string, number>();
  private readonly sums: Float64Array;
  private readonly seen: Uint8Array;
  private last?: { text: string; touched: number[]; weight: number; rankings: Map<Entry['type'], Ranking> };

  constructor(kb: Knowledge, model?: EntryModel, packed?: Arrays & { words: WordIds }) {
    this.list = ranked(kb);
    this.list.forEach((e, i) => this.at.set(e.id, i));
    if (packed) {
      this.words = packed.words;
      ({
        offsets: this.offsets,
        entries: this.entries,
        counts: this.counts,
        lengths: this.lengths,
        idf: this.idf,
      } = packed);
      this.sums = new Float64Array(this.list.length);
      this.seen = new Uint8Array(this.list.length);
      return;
    }
    const words = new Map<string, number>();
    this.words = {
      get: (w) => words.get(w),
      get size() {
        return words.size;
      },
      list: () => [...words.keys()],
    };
    const stems = new Map<string, string>();
    const docWord: number[] = [];
    const docCount: number[] = [];
    const docStart: number[] = [];
    this.lengths = new Float64Array(this.list.length);
    this.list.forEach((e, i) => {
      const counts = new Map<string, number>();
      for (const w of rankWords(entryText(e), stems)) counts.set(w, (counts.get(w) ?? 0) + 1);
      for (const [w, n] of Object.entries(model?.questions[e.id] ?? {})) counts.set(w, (counts.get(w) ?? 0) + n);
      docStart.push(docWord.length);
      let length = 0;
      for (const [w, n] of counts) {
        let id = words.get(w);
        if (id === undefined) words.set(w, (id = words.size));
        docWord.push(id);
        docCount.push(n);
        length += n;
      }
      this.lengths[i] = length;
    });
    docStart.push(docWord.length);
    // Counting sort by word: each word's row lists entries in ascending order.
    const size = this.words.size;
    this.offsets = new Int32Array(size + 1);
    for (const w of docWord) (this.offsets[w + 1] as number)++;
    for (let w = 0; w < size; w++) this.offsets[w + 1] = (this.offsets[w + 1] as number) + (this.offsets[w] as number);
    const fill = this.offsets.slice(0, size);
    this.entries = new Int32Array(docWord.length);
    this.counts = new Float64Array(docWord.length);
    for (let i = 0; i < this.list.length; i++)
      for (let k = docStart[i] as number; k < (docStart[i + 1] as number); k++) {
        const w = docWord[k] as number;
        const at = (fill[w] as number)++;
        this.entries[at] = i;
        this.counts[at] = docCount[k] as number;
      }
    this.idf = new Float64Array(size);
    for (let w = 0; w < size; w++)
      this.idf[w] = Math.log(this.list.length / ((this.offsets[w + 1] as number) - (this.offsets[w] as number)));
    this.sums = new Float64Array(this.list.length);
    this.seen = new Uint8Array(this.list.length);
  }

  /** The arrays and the words in number order, for `packRanker`. */
  packed(): Arrays & { words: string[] } {
    const { offsets, entries, counts, lengths, idf } = this;
    return { words: this.words.list(), offsets, entries, counts, lengths, idf };
  }

  private get vocabulary(): number {
    return this.words.size;
  }

  /** Every entry's sum over the text's words, for all types at once; the last text's is kept (one message ranks several kinds). */
  private scored(text: string): { touched: number[]; weight: number; rankings: Map<Entry['type'], Ranking> } {
    if (this.last?.text === text) return this.last;
    if (this.last)
      for (const e of this.last.touched) {
        this.sums[e] = 0;
        this.seen[e] = 0;
      }
    const ids = rankWords(text).flatMap((w) => {
      const id = this.words.get(w);
      return id === undefined ? [] : [id];
    });
    let weight = 0;
    for (const id of ids) weight += this.idf[id] as number;
    const touched: number[] = [];
    for (const id of ids) {
      const idf = this.idf[id] as number;
      for (let k = this.offsets[id] as number; k < (this.offsets[id + 1] as number); k++) {
        const e = this.entries[k] as number;
        if (!this.seen[e]) {
          this.seen[e] = 1;
          touched.push(e);
        }
        this.sums[e] = (this.sums[e] as number) + idf * Math.log(((this.counts[k] as number) + ALPHA) / ALPHA);
      }
    }
    this.last = { text, touched, weight, rankings: new Map() };
    return this.last;
  }

  /** Where the entry's posting sits in the word's row (ascending entry order), or -1 when its document lacks the word. */
  private posting(id: number, entry: number): number {
    let lo = this.offsets[id] as number;
    let hi = (this.offsets[id + 1] as number) - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const e = this.entries[mid] as number;
      if (e === entry) return mid;
      if (e < entry) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** How often each word occurs in all documents together, worked out on first use. */
  private totals?: Float64Array;

  /** Whether the word is the entry's evidence: rare among entries, or this entry holds OWN_SHARE of its uses. */
  private isEvidence(id: number, entry: number): boolean {
    const k = this.posting(id, entry);
    if (k < 0) return false;
    if ((this.idf[id] as number) >= MIN_IDF) return true;
    if (!this.totals) {
      this.totals = new Float64Array(this.offsets.length - 1);
      for (let w = 0; w < this.totals.length; w++)
        for (let j = this.offsets[w] as number; j < (this.offsets[w + 1] as number); j++)
          this.totals[w] = (this.totals[w] as number) + (this.counts[j] as number);
    }
    return (this.counts[k] as number) >= OWN_SHARE * (this.totals[id] as number);
  }

  /**
   * How many distinct words of the text the entry's document holds as evidence (rarer than MIN_IDF, or OWN_SHARE its own), single words and pairs of
   * neighbouring words alike ("plain text" where "text" alone has grown common). Pairs once did not count, and as
   * labelled questions grew single words such as "text" turned common, so "plain text passwords" lost its evidence.
   * (Cross-validated on fifty-two tuning files: counting pairs +18 right, two more confident out-of-scope answers;
   * counting them as half a word +10, none.)
   */
  evidence(text: string, entry: Entry): number {
    const i = this.at.get(entry.id);
    if (i === undefined) return 0;
    const ids = new Set<number>();
    for (const w of rankWords(text)) {
      const id = this.words.get(w);
      if (id !== undefined) ids.add(id);
    }
    return [...ids].filter((id) => this.isEvidence(id, i)).length;
  }

  /** Entries of one type that share a word with the text, most likely first (read lazily: most callers want a few). */
  rank(text: string, type: Entry['type']): Ranking {
    const last = this.scored(text);
    if (!last.rankings.size) {
      // Every type's ranking in one pass over the touched entries: one message is ranked for several.
      const norm = ALPHA * this.vocabulary;
      const by = new Map<Entry['type'], { of: Entry[]; scores: number[] }>();
      for (const e of last.touched) {
        const entry = this.list[e] as Entry;
        let into = by.get(entry.type);
        if (!into) by.set(entry.type, (into = { of: [], scores: [] }));
        into.of.push(entry);
        into.scores.push(
          (this.sums[e] as number) - last.weight * Math.log(((this.lengths[e] as number) + norm) / ALPHA),
        );
      }
      for (const [t, { of, scores }] of by) last.rankings.set(t, new Ranking(of, scores));
    }
    return last.rankings.get(type) ?? EMPTY;
  }
}

/**
 * One ranking of entries by score (ties by id), read without sorting them all: the best few that
 * pass a filter, one entry's score, or (for tests) the whole order.
 */
export class Ranking {
  constructor(
    private readonly entries: readonly Entry[],
    private readonly scores: readonly number[],
  ) {}

  get size(): number {
    return this.entries.length;
  }

  /** i ranks before j: a higher score, or the same score and a smaller id. */
  private before(i: number, j: number): boolean {
    const a = this.scores[i] as number;
    const b = this.scores[j] as number;
    return a > b || (a === b && (this.entries[i] as Entry).id < (this.entries[j] as Entry).id);
  }

  private at(i: number): RankedEntry {
    return { entry: this.entries[i] as Entry, score: this.scores[i] as number };
  }

  /** The best k that pass `accept`, best first. */
  best(k: number, accept: (r: RankedEntry) => boolean = () => true): RankedEntry[] {
    return bestOf(
      this.entries.length,
      k,
      (i, j) => this.before(i, j),
      (i) => accept(this.at(i)),
    ).map((i) => this.at(i));
  }

  /** The best one that passes `accept`. */
  top(accept?: (r: RankedEntry) => boolean): RankedEntry | undefined {
    if (accept) return this.best(1, accept)[0];
    // The best of all, in one scan: the question most callers ask, over every entry a message touched.
    let best = -1;
    for (let i = 0; i < this.entries.length; i++) if (best < 0 || this.before(i, best)) best = i;
    return best < 0 ? undefined : this.at(best);
  }

  /** Every one that passes `accept`, best first. */
  where(accept: (r: RankedEntry) => boolean): RankedEntry[] {
    const kept: number[] = [];
    for (let i = 0; i < this.entries.length; i++) if (accept(this.at(i))) kept.push(i);
    return kept.sort((i, j) => (this.before(i, j) ? -1 : this.before(j, i) ? 1 : 0)).map((i) => this.at(i));
  }

  /** The whole ranking, best first. */
  all(): RankedEntry[] {
    return this.where(() => true);
  }

  /** The score of the entry with this id, if it is ranked here. */
  scoreOf(id: string): number | undefined {
    const i = this.entries.findIndex((e) => e.id === id);
    return i < 0 ? undefined : (this.scores[i] as number);
  }
}

interface WordIds {
  get(word: string): number | undefined;
  readonly size: number;
  /** The words in number order. */
  list(): string[];
}

/**
 * Word numbers by binary search over the words in sorted order: nothing to build at start-up. The words are
 * one text, each ending in a line break, with where each starts: no array of a hundred thousand strings
 * (at 100x, a million) to split out and keep.
 */
class SortedWords implements WordIds {
  constructor(
    private readonly text: string,
    private readonly starts: Int32Array,
    private readonly order: Int32Array,
  ) {}

  get size(): number {
    return this.order.length;
  }

  private word(id: number): string {
    return this.text.slice(this.starts[id] as number, (this.starts[id + 1] as number) - 1);
  }

  get(word: string): number | undefined {
    let lo = 0;
    let hi = this.order.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const id = this.order[mid] as number;
      const c = compareAt(this.text, this.starts[id] as number, (this.starts[id + 1] as number) - 1, word);
      if (c === 0) return id;
      if (c < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  list(): string[] {
    return Array.from(this.order.keys(), (id) => this.word(id));
  }
}

/** Word numbers in the words' sorted order. */
const sortedOrder = (words: readonly string[]) =>
  Int32Array.from(words.keys()).sort((a, b) => {
    const x = words[a] as string;
    const y = words[b] as string;
    return x < y ? -1 : x > y ? 1 : 0;
  });

interface Arrays {
  offsets: Int32Array;
  entries: Int32Array;
  counts: Float64Array;
  lengths: Float64Array;
  idf: Float64Array;
}

/** What a packed ranker was made from: the knowledge, its entries in order, and the model's words. */
export interface PackKey {
  digest: string;
  model: string;
}

const MAGIC = 'pystack-ranker-3';

/** What ties a packed ranker to the model it counted in (its words, hashed). */
export function modelKey(model?: EntryModel): string {
  return model ? modelTextKey(JSON.stringify(model)) : 'none';
}

/** The same key from the model file's text or its UTF-8 bytes (the build writes `JSON.stringify(model)`), without parsing it. */
export function modelTextKey(text: string | Buffer | undefined): string {
  return text ? createHash('sha256').update(text).digest('hex').slice(0, 16) : 'none';
}

/**
 * The ranker written by `npm run build` next to the index (a JSON header, then the arrays as raw
 * bytes), so start-up reads it instead of stemming every entry's text again.
 */
export function packRanker(kb: Knowledge, ranker: EntryRanker, key: PackKey): Buffer {
  const p = ranker.packed();
  const ids = ranked(kb).map((e) => e.id);
  // The words as one text, each ending in a line break (no stem holds one), where each starts, and their sorted order.
  const text = p.words.map((w) => `${w}\n`).join('');
  const words = Buffer.from(text);
  const starts = new Int32Array(p.words.length + 1);
  p.words.forEach((w, i) => (starts[i + 1] = (starts[i] as number) + w.length + 1));
  const order = sortedOrder(p.words);
  const header = Buffer.from(
    JSON.stringify({
      magic: MAGIC,
      ...key,
      ids,
      words: words.length,
      chars: text.length,
      sizes: [
        p.offsets.length,
        p.entries.length,
        p.counts.length,
        p.lengths.length,
        p.idf.length,
        order.length,
        starts.length,
      ],
    }),
  );
  const pad = (8 - ((4 + header.length) % 8)) % 8;
  const parts = [p.offsets, p.entries, p.counts, p.lengths, p.idf, order, starts].map((a) =>
    Buffer.from(a.buffer, a.byteOffset, a.byteLength),
  );
  // Int32 arrays of odd length would leave the Float64 arrays unaligned: pad each part to 8 bytes.
  const aligned = parts.flatMap((b) => (b.length % 8 ? [b, Buffer.alloc(8 - (b.length % 8))] : [b]));
  const size = Buffer.alloc(4);
  size.writeUInt32LE(header.length);
  return Buffer.concat([size, header, Buffer.alloc(pad), ...aligned, words]);
}

/** The packed ranker, when the file exists and was made from this knowledge and model; else undefined. */
export function unpackRanker(kb: Knowledge, file: string, key: PackKey, model?: EntryModel): EntryRanker | undefined {
  try {
    const buf = readFileSync(file);
    const length = buf.readUInt32LE(0);
    const header = JSON.parse(buf.subarray(4, 4 + length).toString('utf8')) as {
      magic: string;
      digest: string;
      model: string;
      ids: string[];
      /** Bytes of the words' text, after the arrays, and its length as a string. */
      words: number;
      chars: number;
      sizes: number[];
    };
    const ids = ranked(kb).map((e) => e.id);
    if (header.magic !== MAGIC || header.digest !== key.digest || header.model !== key.model) return undefined;
    if (header.ids.length !== ids.length || header.ids.some((id, i) => id !== ids[i])) return undefined;
    // Typed arrays need aligned memory: a large file's buffer is its own, at offset 0, and is used as it is;
    // one that sits at another offset of Node's buffer pool is copied.
    const bytes = buf.byteOffset % 8 === 0 ? buf : Uint8Array.from(buf);
    let at = 4 + length + ((8 - ((4 + length) % 8)) % 8);
    const take = <T>(n: number, width: number, make: (b: ArrayBuffer, o: number, n: number) => T): T => {
      const out = make(bytes.buffer, bytes.byteOffset + at, n);
      at += n * width;
      if (at % 8) at += 8 - (at % 8);
      return out;
    };
    const [v = 0, p = 0, c = 0, l = 0, d = 0, w = 0, st = 0] = header.sizes;
    if (at + (v + p + w + st) * 4 + (c + l + d) * 8 > bytes.length) return undefined;
    const offsets = take(v, 4, (b, o, n) => new Int32Array(b, o, n));
    const entries = take(p, 4, (b, o, n) => new Int32Array(b, o, n));
    const counts = take(c, 8, (b, o, n) => new Float64Array(b, o, n));
    const lengths = take(l, 8, (b, o, n) => new Float64Array(b, o, n));
    const idf = take(d, 8, (b, o, n) => new Float64Array(b, o, n));
    const order = take(w, 4, (b, o, n) => new Int32Array(b, o, n));
    const starts = take(st, 4, (b, o, n) => new Int32Array(b, o, n));
    if (at + header.words > bytes.length || lengths.length !== ids.length) return undefined;
    const text = buf.toString('utf8', at, at + header.words);
    if (text.length !== header.chars || starts.length !== order.length + 1 || offsets.length !== starts.length)
      return undefined;
    if (starts[order.length] !== text.length) return undefined;
    const words = new SortedWords(text, starts, order);
    return new EntryRanker(kb, model, { words, offsets, entries, counts, lengths, idf });
  } catch {
    return undefined;
  }
}

/** The ranking of a type no word of the text touches. */
const EMPTY = new Ranking([], []);

export function loadEntryModel(path: string): EntryModel | undefined {
  try {
    return parseEntryModel(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/** The model in a file's text, or undefined when it is not one. */
export function parseEntryModel(text: string | undefined): EntryModel | undefined {
  try {
    const model = JSON.parse(text ?? '') as EntryModel;
    return model.format === 1 && model.questions && typeof model.questions === 'object' ? model : undefined;
  } catch {
    return undefined;
  }
}
