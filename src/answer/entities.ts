/**
 * Entity linking: finds the knowledge entries a message names, anywhere in it, with their token
 * spans. Longest name first; one-edit typos for words the knowledge does not otherwise use; an
 * everyday word that is also a name ("black", "requests") only where the sentence points at a name.
 * A word never matches a longer name by prefix or inside another word: spans are whole tokens.
 *
 * @example
 * linker.link(tokens('is djnago ok vs flask')) // [{ entry: django, typo: true }, { entry: flask }]
 */
import { derived } from '../knowledge/derived.js';
import { normKey } from '../knowledge/load.js';
import { type Entry, entryKeys, type Knowledge } from '../knowledge/model.js';
import { stem } from '../knowledge/search-index.js';
import type { NameIndex } from './names.js';
import type { Token } from './tokens.js';
import { wordsOf } from './util.js';
import { AFTER_NAME, BEFORE_NAME, COMMON_WORDS, FILLER } from './words.js';

export interface Mention {
  entry: Entry;
  /** Token span [start, end). */
  start: number;
  end: number;
  /** The words as typed. */
  text: string;
  typo: boolean;
}

/** Longest name, in words, that is looked up. */
const MAX_NAME_WORDS = 5;
/** Shortest word that may be a typo of a name: shorter words are too often other words. */
const MIN_TYPO_LENGTH = 4;
/** A name of several words with a slip is read only this long (the words joined): shorter joins are too often other words. */
const MIN_PHRASE_SLIP = 8;
/** Names this short ("rq", "uv", "ta") are treated like everyday words: they need a pointer. */
const SHORT_NAME = 2;
const JOINERS = new Set(['or', 'vs', 'versus', 'and']);
/** Words that set one name against another. */
const VERSUS = new Set(['or', 'vs', 'versus', 'v']);
/** A word set against a name may be a slip on a name even when it is also a word, from this length ("flaks"). */
const MIN_SLOT_TYPO = 5;
const TO_NAME = new Set([
  'alternatives',
  'alternative',
  'alts',
  'alt',
  'replacement',
  'substitute',
  'compared',
  'compare',
  'compares',
  'comparing',
  'comparison',
  'switch',
  'switching',
  'moving',
  'move',
  'migrate',
  'migrating',
  'similar',
  'equivalent',
  'next',
  'close',
]);

/** Words after which "for" points at a name ("replacement for black"), where it usually starts a purpose. */
const FOR_NAME = new Set(['alternatives', 'alternative', 'alts', 'alt', 'replacement', 'replacements', 'substitute']);

export class EntityLinker {
  private readonly prefixes: Prefixes;

  constructor(
    private readonly kb: Knowledge,
    private readonly names: NameIndex,
    /** True for words the knowledge's own text uses: those are words, never typos of names. */
    private readonly isVocabulary: (word: string) => boolean,
    /** True for English words: "flash" is a word, not a slip on "flask". */
    private readonly isEnglish: (word: string) => boolean = () => false,
  ) {
    this.prefixes = prefixesOf(kb);
  }

  /** `pointed`: the words are names by their place (after "compare"), so short or everyday names count too. */
  /** `names`: words that are names whatever their place (a link gave them). */
  link(
    toks: readonly Token[],
    { pointed: all = false, names }: { pointed?: boolean; names?: ReadonlySet<string> } = {},
  ): Mention[] {
    const out: Mention[] = [];
    const content = toks.filter((t) => !t.sep && !FILLER.has(t.text)).length;
    let i = 0;
    while (i < toks.length) {
      const sure = all || Boolean(names?.has(toks[i]?.text ?? ''));
      const found = toks[i]?.sep ? undefined : this.at(toks, i, sure ? 1 : content);
      if (found) {
        out.push(found);
        i = found.end;
      } else i++;
    }
    return out;
  }

  private at(toks: readonly Token[], i: number, content: number): Mention | undefined {
    // The keys of the phrases of 1 to 5 words from token i, while they can still begin a name (this runs at every token).
    const keys: string[] = [];
    for (let n = 1; n <= MAX_NAME_WORDS && i + n <= toks.length; n++) {
      const t = toks[i + n - 1] as Token;
      if (t.sep) break;
      const key = (n === 1 ? '' : (keys[n - 2] as string)) + normKey(t.text);
      if (!this.prefixes.has(key)) break;
      keys.push(key);
    }
    for (let n = keys.length; n >= 1; n--) {
      const id = this.kb.names.get(keys[n - 1] as string);
      if (!id) continue;
      // A question-shaped alias ("django or fastapi") must not swallow the names it joins.
      if (n > 1 && this.kb.entries.get(id)?.type === 'concept' && joins(toks, i, n)) continue;
      const text = phrase(toks, i, n);
      if (n === 1 && FILLER.has(text)) return undefined;
      if (n === 1 && this.weak(text) && !pointed(toks, i, content, this.kb.names)) return undefined;
      // "~2M requests/day", "500 requests per second": a count of the word's things, not the package.
      if (
        n === 1 &&
        (COMMON_WORDS.has(text) || this.isEnglish(text)) &&
        /^~?\d[\d.,]*[kmb]?$/.test(toks[i - 1]?.text ?? '')
      )
        return undefined;
      return { entry: this.kb.entries.get(id) as Entry, start: i, end: i + n, text, typo: false };
    }
    const word = toks[i]?.text ?? '';
    // "scikit lern", "django rest framwork": a name of several words with a slip in a later one.
    const two = this.slipInName(toks, i);
    if (two) return two;
    // "vectorize", "vectorized" for the concept named "vectorization": another form of a concept's one-word name.
    const form = COMMON_WORDS.has(word) ? undefined : conceptForm(this.kb, word);
    if (form) return { entry: form, start: i, end: i + 1, text: word, typo: false };
    // Set against a name ("pands vs numpy", "flaks or fastapi"), a word one slip from a name is that name,
    // though it is also a word ("flaks") or a stem the knowledge uses ("arcad").
    const slot = word.length >= MIN_SLOT_TYPO && this.againstName(toks, i);
    if (
      word.length < MIN_TYPO_LENGTH ||
      /\d/.test(word) ||
      COMMON_WORDS.has(word) ||
      FILLER.has(word) ||
      this.kb.outside.has(word) ||
      (!slot && this.isEnglish(word))
    )
      return undefined;
    const near = this.names.resolve(word);
    if (!near) return undefined;
    // "sqlalchemi", "kubernets": a slip that is the stem of the name it slips on is a word the knowledge uses
    // only because the name is one. (A plural, "venvs", is the word for the things, not a slip on the tool.)
    const nameStem = (k: string) =>
      stem(normKey(k)) === stem(word) && !/^(?:s|es)$/.test(word.slice(normKey(k).length));
    if (!slot && this.isVocabulary(word) && !(near.typo && entryKeys(near.entry).some(nameStem))) return undefined;
    return { entry: near.entry, start: i, end: i + 1, text: word, typo: true };
  }

  /**
   * A name of two or three words typed with one slip: after its first word ("scikit lern"), where the
   * first word must begin a name, or in the first word before words that end a name exactly ("djano
   * orm"); the rest must be no everyday word, and the whole must be one edit from exactly one name.
   */
  private slipInName(toks: readonly Token[], i: number): Mention | undefined {
    const first = toks[i] as Token;
    if (COMMON_WORDS.has(first.text)) return undefined;
    // "circut python": a one-word name typed as two words with a slip in the first, the second the name's end.
    const second = toks[i + 1];
    if (
      second &&
      !second.sep &&
      first.text.length >= MIN_TYPO_LENGTH &&
      !this.isEnglish(first.text) &&
      !this.isVocabulary(first.text) &&
      normKey(first.text + second.text).length >= MIN_PHRASE_SLIP
    ) {
      const near = this.names.resolve(first.text + second.text);
      if (near?.typo && entryKeys(near.entry).some((k) => !/[^a-z0-9]/i.test(k) && normKey(k).endsWith(second.text)))
        return { entry: near.entry, start: i, end: i + 2, text: phrase(toks, i, 2), typo: true };
    }
    const begins = this.prefixes.has(normKey(first.text));
    if (!begins && (first.text.length < MIN_TYPO_LENGTH || !laterWordsOf(this.kb).has(toks[i + 1]?.text ?? '')))
      return undefined;
    for (let n = 2; n <= 3 && i + n <= toks.length; n++) {
      const last = toks[i + n - 1] as Token;
      if (last.sep || COMMON_WORDS.has(last.text) || FILLER.has(last.text)) return undefined;
      const text = phrase(toks, i, n);
      if (normKey(text).length < MIN_PHRASE_SLIP) continue;
      const near = this.names.resolve(text);
      // …and a name of as many words that differs in one of them, a word that is no word ("lern", not "http").
      const typed = text.split(' ');
      const shaped = (k: string) => {
        const w = k
          .toLowerCase()
          .split(/[^a-z0-9]+/)
          .filter(Boolean);
        if (w.length !== n || (begins && w[0] !== first.text)) return false;
        const slips = typed.filter((t, j) => t !== w[j]);
        // ("scikit lean": after a first word that is no word, a slip that is one still slips on a package's name.)
        const unworded = begins && !this.isEnglish(first.text) && near?.entry.type === 'package';
        return (
          slips.length === 1 &&
          (unworded || (!this.isEnglish(slips[0] as string) && !this.isVocabulary(slips[0] as string)))
        );
      };
      if (near?.typo && entryKeys(near.entry).some(shaped))
        return { entry: near.entry, start: i, end: i + n, text, typo: true };
    }
    return undefined;
  }

  /** Whether token i stands on one side of "vs" or "or" (or after "between <name> and") with a name the knowledge has on the other. */
  private againstName(toks: readonly Token[], i: number): boolean {
    // …a name, or a slip on one that is no word ("matplotib or seaborne").
    const named = (t: Token | undefined) =>
      Boolean(
        t &&
        !t.sep &&
        (this.kb.names.has(normKey(t.text)) ||
          (t.text.length >= MIN_TYPO_LENGTH &&
            !this.isEnglish(t.text) &&
            !this.isVocabulary(t.text) &&
            !COMMON_WORDS.has(t.text) &&
            this.names.resolve(t.text)?.typo)),
      );
    return (
      (VERSUS.has(toks[i + 1]?.text ?? '') && named(toks[i + 2])) ||
      (VERSUS.has(toks[i - 1]?.text ?? '') && named(toks[i - 2])) ||
      // "the difference between django and flaks" (cross-validated +1, none lost)
      (toks[i - 1]?.text === 'and' && toks[i - 3]?.text === 'between' && named(toks[i - 2]))
    );
  }

  private weak(word: string): boolean {
    return word.length <= SHORT_NAME || COMMON_WORDS.has(word);
  }
}

/** The words of tokens [i, i + n), as typed. */
function phrase(toks: readonly Token[], i: number, n: number): string {
  let text = (toks[i] as Token).text;
  for (let k = i + 1; k < i + n; k++) text += ` ${(toks[k] as Token).text}`;
  return text;
}

/**
 * Whether some name key begins with a phrase, so a phrase that can start no name is dropped at its
 * first word: the keys sorted once, then a binary search for the first key not below the phrase.
 */
class Prefixes {
  private readonly sorted: string[];
  constructor(keys: Iterable<string>) {
    this.sorted = [...keys].sort();
  }
  has(prefix: string): boolean {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.sorted[mid] as string) < prefix) lo = mid + 1;
      else hi = mid;
    }
    return prefix.length > 0 && lo < this.sorted.length && (this.sorted[lo] as string).startsWith(prefix);
  }
}

const prefixesOf = derived((kb) => new Prefixes(kb.names.keys()));

/** The words after the first of the knowledge's names of several words ("orm" of "django orm"). */
const laterWordsOf = derived(
  (kb) => new Set([...kb.entries.values()].flatMap((e) => entryKeys(e).flatMap((k) => wordsOf(k).slice(1)))),
);

/** Whether tokens [i, i + n) hold a word that joins names ("or", "vs"). */
function joins(toks: readonly Token[], i: number, n: number): boolean {
  for (let k = i; k < i + n; k++) if (JOINERS.has((toks[k] as Token).text)) return true;
  return false;
}

/** Whether the words around token i point at a name: "is X", "X vs", "X library", or X alone. */
function pointed(toks: readonly Token[], i: number, content: number, names: ReadonlyMap<string, string>): boolean {
  if (content <= 1) return true;
  const prev = toks[i - 1];
  const next = toks[i + 1];
  // "to" points at a name only after "alternatives to", "compared to", "switch to"; else it starts a verb ("to schedule jobs").
  const before = toks[i - 2]?.text ?? '';
  // …or a few words after one ("moving the team to uv", "switch all our repos to ruff").
  if (prev?.text === 'to') return toks.slice(Math.max(0, i - 5), i - 1).some((tk) => !tk.sep && TO_NAME.has(tk.text));
  // "replacement for black", "an alternative for poetry": "for" after a word that asks for another name.
  if (prev?.text === 'for' && FOR_NAME.has(before)) return true;
  if (prev && (prev.sep ? prev.text === ',' || prev.text === '/' : BEFORE_NAME.has(prev.text))) return true;
  // "between ruff and black", "venv and uv": a name right before "and" points at the name after it.
  if (prev?.text === 'and' && toks[i - 2] && !toks[i - 2]?.sep && names.has(normKey((toks[i - 2] as Token).text)))
    return true;
  // …and any word after "between … and" ("difference between celary and rq": the first a slip on a name).
  if (prev?.text === 'and' && toks[i - 3]?.text === 'between') return true;
  if (next && (next.sep ? [',', '/', '?', '—', ';'].includes(next.text) : AFTER_NAME.has(next.text))) return true;
  // "rq dramatiq or celery": the first of a list, right before a name a connector joins to the next (the chain of
  // names side by side in spans.ts then weighs all three).
  if (next && !next.sep && names.has(normKey(next.text)) && JOINERS.has(toks[i + 2]?.text ?? '')) return true;
  if (i === 0 && next?.sep) return true;
  // "can rich do tables", "does black enforce pep 8": the word right after a question's opening verb is what it asks of.
  if (i === 1 && ASKED_OF.has(toks[0]?.text ?? '')) return true;
  return false;
}

/** Verbs opening a question about what its subject does (cross-validated +6, none lost; not "do", whose subject is plural). */
const ASKED_OF = new Set(['can', 'does', 'will', 'could', 'would']);

/** Another form of a word shares its stem and this long a beginning ("vectorize" / "vectorization"). */
const MIN_FORM_PREFIX = 7;
/** Shortest word read as another form of a concept's name ("profile"; "cache" is too short to be sure). */
const MIN_FORM = 7;
/** Concepts' one-word names by stem, where exactly one concept has a name of that stem. */
const conceptForms = derived((kb) => {
  const forms = new Map<string, { word: string; entry: Entry }>();
  const shared = new Set<string>();
  for (const c of kb.concepts)
    for (const n of [c.title, ...c.aliases]) {
      const w = n.toLowerCase();
      if (!/^[a-z]+$/.test(w) || w.length <= MIN_FORM_PREFIX) continue;
      const s = stem(w);
      const had = forms.get(s);
      if (shared.has(s) || (had && had.entry !== c)) {
        forms.delete(s);
        shared.add(s);
      } else if (!had) forms.set(s, { word: w, entry: c });
    }
  return forms;
});

/** The concept a word is another form of one of its one-word names, when exactly one concept is. */
function conceptForm(kb: Knowledge, word: string): Entry | undefined {
  if (word.length < MIN_FORM) return undefined;
  const hit = conceptForms(kb).get(stem(word));
  // The same beginning, all but the ending the forms differ in ("profile", "profiling").
  const prefix = Math.min(MIN_FORM_PREFIX, word.length - 1);
  return hit && hit.word.slice(0, prefix) === word.slice(0, prefix) ? hit.entry : undefined;
}

/** The knowledge's concept names and aliases, each word stemmed ("rate limit" for "rate limiting"). */
const conceptStems = derived(
  (kb) =>
    new Set(
      kb.concepts.flatMap((c) =>
        [c.title, ...c.aliases].map((n) =>
          n
            .toLowerCase()
            .split(/\s+/)
            .map((w) => stem(w))
            .join(' '),
        ),
      ),
    ),
);

/**
 * Whether one to three words in a row are another form of a concept's name ("cache" of caching, "rate limit my api",
 * "paginate"): the message is about the stack, whatever the classifier reads into its other words. Not an everyday word
 * alone. Looser than `conceptForm` above (phrases, short words), so it only keeps a message in scope and links nothing.
 */
export function inflectsConcept(kb: Knowledge, toks: readonly Token[]): boolean {
  const stems = conceptStems(kb);
  // (Each word stemmed once: the stemmer is the costly part.)
  const own = toks.map((t) => stem(t.text));
  for (let i = 0; i < toks.length; i++)
    for (let n = 1; n <= 3 && i + n <= toks.length; n++) {
      const w = toks[i]?.text ?? '';
      if (n === 1 && (COMMON_WORDS.has(w) || FILLER.has(w))) continue;
      if (stems.has(own.slice(i, i + n).join(' '))) return true;
    }
  return false;
}
