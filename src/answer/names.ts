/**
 * Finds knowledge entries by what people call them: ids, names and aliases, ignoring case and
 * punctuation, with one-edit typos accepted for names of four or more characters.
 *
 * @example
 * const names = new NameIndex(kb);
 * names.resolve('djnago')?.id // 'django'
 * names.segment('django rest framework fastapi') // [{ id: 'django-rest-framework' }, { id: 'fastapi' }]
 */
import { normKey } from '../knowledge/load.js';
import { type Entry, entryKeys, type Knowledge } from '../knowledge/model.js';

/** Words that never name anything on their own in a name slot ("the flask library"). */
const FILLER = new Set([
  'the',
  'a',
  'an',
  'library',
  'libraries',
  'lib',
  'libs',
  'package',
  'packages',
  'module',
  'framework',
  'frameworks',
  'tool',
  'tools',
  'python',
  'pythons',
  'py',
  'in',
  'for',
  'of',
  'me',
  'about',
  'please',
  'on',
  'to',
  'use',
  'using',
  'vs',
  'and',
  'or',
  'with',
  'is',
  'it',
  'which',
  'better',
  'one',
]);

const MAX_WORDS = 5;

/** Damerau-Levenshtein distance capped at 2 (returns 2 for "two or more"). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > 1) return 2;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const ra = a.slice(i);
  const rb = b.slice(i);
  if (ra.length === rb.length) {
    if (ra.slice(1) === rb.slice(1)) return 1;
    if (ra.length >= 2 && ra[0] === rb[1] && ra[1] === rb[0] && ra.slice(2) === rb.slice(2)) return 1;
    return 2;
  }
  return ra.slice(1) === rb || rb.slice(1) === ra ? 1 : 2;
}

export interface Segment {
  /** The words as typed. */
  text: string;
  entry?: Entry;
  typo?: boolean;
}

export class NameIndex {
  private readonly byLength = new Map<number, string[]>();

  constructor(private readonly kb: Knowledge) {
    for (const key of kb.names.keys()) {
      const list = this.byLength.get(key.length) ?? [];
      list.push(key);
      this.byLength.set(key.length, list);
    }
  }

  /** The entry a whole phrase names exactly (case and punctuation ignored). */
  exact(phrase: string): Entry | undefined {
    const id = this.kb.names.get(normKey(phrase));
    return id ? this.kb.entries.get(id) : undefined;
  }

  /** Entries one edit away from the phrase; empty for short phrases. */
  nearby(phrase: string): Entry[] {
    const key = normKey(phrase);
    if (key.length < 4) return [];
    const ids = new Set<string>();
    for (const len of [key.length - 1, key.length, key.length + 1]) {
      for (const cand of this.byLength.get(len) ?? []) {
        if (cand.length >= 4 && editDistance(key, cand) === 1) ids.add(this.kb.names.get(cand) as string);
      }
    }
    return [...ids].map((id) => this.kb.entries.get(id) as Entry);
  }

  /**
   * Exact match, else the entry one edit away. When several are, the likeliest slip wins:
   * a dropped letter, then swapped letters, then a wrong letter, then an extra letter.
   */
  resolve(phrase: string): { entry: Entry; typo: boolean } | undefined {
    const entry = this.exact(phrase);
    if (entry) return { entry, typo: false };
    const key = normKey(phrase);
    const near = this.nearby(phrase)
      .map((e) => ({ e, rank: Math.min(...entryKeys(e).map((k) => slipRank(key, normKey(k)))) }))
      .sort((a, b) => a.rank - b.rank);
    const [best, next] = near;
    return best && (!next || next.rank > best.rank) ? { entry: best.e, typo: true } : undefined;
  }

  /**
   * Splits a phrase into named entries, longest match first; words that name nothing come back
   * as segments without an entry. Filler words are dropped.
   */
  segment(phrase: string): Segment[] {
    const words = phrase.split(/[\s,;:!?()"]+/).filter(Boolean);
    const out: Segment[] = [];
    let i = 0;
    while (i < words.length) {
      let found: Segment | undefined;
      for (let n = Math.min(MAX_WORDS, words.length - i); n >= 1 && !found; n--) {
        const text = words.slice(i, i + n).join(' ');
        const entry = this.exact(text);
        if (entry) found = { text, entry };
        else if (n === 1 && !FILLER.has(text)) {
          const near = this.resolve(text);
          if (near) found = { text, entry: near.entry, typo: true };
        }
        if (found) i += n;
      }
      if (!found) {
        const word = words[i] as string;
        if (!FILLER.has(word.replace(/[^a-z0-9+]/g, ''))) out.push({ text: word });
        i++;
        continue;
      }
      out.push(found);
    }
    return out;
  }

  /** The entry a phrase names as a whole, after dropping filler words; undefined if it names none or several. */
  single(phrase: string): { entry: Entry; typo: boolean } | undefined {
    const direct = this.resolve(phrase);
    if (direct) return direct;
    const segs = this.segment(phrase);
    if (segs.length !== 1 || !segs[0]?.entry) return undefined;
    return { entry: segs[0].entry, typo: Boolean(segs[0].typo) };
  }

  /** Names closest to the phrase, for "did you mean". */
  suggest(phrase: string, limit = 3): Entry[] {
    const key = normKey(phrase);
    if (!key || key.length > 30 || phrase.trim().split(/\s+/).length > 2) return [];
    const max = Math.max(1, Math.floor(key.length / 3));
    const scored: { id: string; d: number }[] = [];
    for (const [cand, id] of this.kb.names) {
      const d = distance(key, cand, max + 1);
      const bonus = cand.startsWith(key) || key.startsWith(cand) ? -1 : 0;
      if (d + bonus <= max) scored.push({ id, d: d + bonus });
    }
    scored.sort((a, b) => a.d - b.d || a.id.localeCompare(b.id));
    return [...new Set(scored.map((s) => s.id))].slice(0, limit).map((id) => this.kb.entries.get(id) as Entry);
  }
}

/** How likely a one-edit slip from `name` to `typed` is: 0 dropped letter, 1 swap, 2 wrong letter, 3 extra letter. */
function slipRank(typed: string, name: string): number {
  if (editDistance(typed, name) !== 1) return 9;
  if (typed.length < name.length) return 0;
  if (typed.length > name.length) return 3;
  const diff = [...typed].filter((c, i) => c !== name[i]).length;
  return diff === 2 ? 1 : 2;
}

/** Levenshtein distance, used only for suggestions; gives up (99) once it exceeds `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return 99;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(
        (prev[j] as number) + 1,
        (cur[j - 1] as number) + 1,
        (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    prev = cur;
    let best = limit + 1;
    for (const v of cur) if (v < best) best = v;
    if (best > limit) return 99;
  }
  return prev[b.length] as number;
}
