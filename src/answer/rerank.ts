/**
 * A second opinion on answers found by retrieval: when the parser left an entry to the search
 * (a need, a topic, a described problem), the entry ranker reads the whole message and, when it
 * is clearly surer of another entry, that entry answers instead. Answers about a name the message
 * gave, comparisons and exclusions are left alone, unless the intent classifier is all but sure the
 * message asks for a checklist, stack or concept instead (the names were its setting). "I don't know"
 * is reconsidered when the classifier leans to a pick, checklist, stack or concept and the message
 * holds enough of the knowledge's own words (the less sure the classifier, the more words); past a
 * word it does not know only when the classifier is all but sure, never past another stack's name.
 *
 * @example
 * settle(kb, ranker, query, answer, { text: 'page loads users then each users orders, slow in prod' })
 */
import { categoryWords, entryKeys, type Entry, type Knowledge, type PackageEntry } from '../knowledge/model.js';
import { entryAnswer } from './entry.js';
import type { Query } from './query.js';
import type { EntryRanker, RankedEntry, Ranking } from './ranker.js';
import { recommendAnswer } from './recommend.js';
import { categoryNamed } from './respond.js';
import type { Answer } from './types.js';
import { escapeRegExp } from './util.js';

/**
 * How much likelier (log-likelihood gap) the ranker's entry must be than the one retrieval chose.
 * Naive Bayes over a whole message is overconfident, so a small gap is noise. Measured by training
 * without two tuning files and scoring on them (`node dist/scripts/train/entries.js --leave-out`).
 */
export const MIN_GAP = 12;
/** Another kind of entry (a concept where a pick was given) needs as clear a lead over the given kind's best. */
const TYPE_GAP = 10;
/**
 * …and this lead to take over from a kind the intent classifier is sure of ("what stack would the data engineer
 * use?" read as a concept by the classifier, the ranker far surer of the data developer's stack). Cross-validated
 * on the seventy-four tuning files against never: +42 −8 at 20, +42 −4 at 30 (chosen), +32 −2 at 40.
 */
const FAR_OTHER_KIND = 30;
/**
 * How sure the classifier must be before "I don't know" is reconsidered. Set by cross-validation over the
 * tuning files (models retrained without each fold): at 0.5 with one more word under 0.7, +17 −2 against 0.7.
 */
const SURE_WANTED = 0.5;
/** Below this, the classifier only leaning to a kind, the entry must hold one more of the message's rarer words. */
const LEANING_WANTED = 0.7;
/** As sure as the parser must be to take the classifier's kind of answer: then the ranker keeps to that kind. */
const KEEP_KIND = 0.5;
/** How sure the classifier must be of the kind of answer to look past a word that names nothing it knows. */
const SURE_DESPITE_STRANGER = 0.9;
/** How sure the classifier must be that a message naming packages asks for a checklist, stack or concept instead. */
const SURE_OTHER_KIND = 0.9;
/** Distinct words of the message the entry must hold as evidence (rarer than MIN_IDF, or a quarter of its uses its own), to answer instead of "I don't know". */
const MIN_EVIDENCE = 2;
/** How sure the classifier must be of a kind of answer for one such word to do. */
const CERTAIN_WANTED = 0.98;
/** Packages within this gap of the best one are near equals: the articles' standard one leads. */
const NEAR = 2;
const MAX_PICKS = 5;
const RETRIEVED = new Set(['concept', 'checklist', 'stack', 'recommend']);
const TYPES = ['concept', 'checklist', 'stack', 'package'] as const;

export interface SettleInput {
  /** The words the answer was read from (a whole message, or a thread's question and its follow-up). */
  text: string;
  /** The intent classifier's best class for the message, when it has one (asked only when needed). */
  wanted?: () => { label: string; p: number } | undefined;
}

const standingRank = (p: PackageEntry) => (p.standing === 'standard' ? 2 : p.standing === 'popular' ? 1 : 0);
const typeOf = (intent: string): Entry['type'] => (intent === 'recommend' ? 'package' : (intent as Entry['type']));

/** The answer, or the one the ranker is clearly surer of. */
export function settle(kb: Knowledge, ranker: EntryRanker, q: Query, a: Answer, input: SettleInput): Answer {
  if (a.intent === 'unknown') return reconsider(kb, ranker, q, a, input);
  // ("find ci/cd": a need worded as a category's name asks for that category's packages, whatever the classifier.)
  const category = q.kind === 'recommend' && categoryNamed(kb, q.need).length > 0;
  if ((a.intent === 'library' || a.intent === 'compare' || a.intent === 'recommend') && !category) {
    const asked = otherKind(kb, ranker, a, input);
    if (asked) return asked;
  }
  if (a.intent === 'library') return fallenBack(kb, ranker, q, a, input);
  if (!RETRIEVED.has(a.intent) || !retrieved(kb, q)) return a;
  let type = typeOf(a.intent);
  let ranked = ranker.rank(input.text, type);
  // "which database isn't a pain to run": a kind of package asked for by name keeps the ranker to that kind.
  // (Not "the standard library for dataframes": what ships with Python is a constraint, seldom the head noun.)
  // Cross-validated +2 with the parser's "the db driver" no longer asking for a database.
  const kinds = q.kind === 'search' && type === 'package' ? (q.kinds ?? []).filter((k) => k !== 'stdlib') : [];
  const ofKind = (r: RankedEntry) => r.entry.type === 'package' && kinds.includes(r.entry.kind);
  let top = kinds.length ? ranked.top(ofKind) : ranked.top();
  // Another kind of entry far likelier than the best of this kind ("how is this supposed to work": a concept, not picks).
  const other = TYPES.filter((t) => t !== type)
    .map((t) => {
      const r = ranker.rank(input.text, t);
      return { t, r, top: r.top() };
    })
    .filter((o) => o.top)
    .sort((x, y) => (y.top as RankedEntry).score - (x.top as RankedEntry).score)[0];
  // The intent classifier sure of this kind of answer ("computer vision": picks) keeps it, unless the ranker is
  // far surer of another kind's best.
  const kept = input.wanted?.();
  const sure = kept !== undefined && kept.label === a.intent && kept.p >= KEEP_KIND;
  const gap = other ? (other.top as RankedEntry).score - (top?.score ?? -Infinity) : -Infinity;
  if (other && gap >= (sure ? FAR_OTHER_KIND : TYPE_GAP)) {
    type = other.t;
    ranked = other.r;
    top = other.top;
  }
  const current = a.subjects[0]?.id;
  if (!top || top.entry.id === current) return a;
  const held = current === undefined ? undefined : ranked.scoreOf(current);
  if (held !== undefined && top.score - held < MIN_GAP) return a;
  return answerWith(kb, ranked, top);
}

/** "I don't know" for a message that surely asks for something the knowledge holds, in its own words. */
function reconsider(kb: Knowledge, ranker: EntryRanker, q: Query, a: Answer, input: SettleInput): Answer {
  if (q.kind !== 'search' && q.kind !== 'recommend' && q.kind !== 'unknown') return a;
  // (Not a message whose own words say it is about something else: pay, tips for the garden.)
  if (q.kind === 'unknown' && q.elsewhere) return a;
  const wanted = input.wanted?.();
  if (!wanted || wanted.p < SURE_WANTED || !RETRIEVED.has(wanted.label)) return a;
  // "lowkey need a way to shrink 4000 jpegs", "library for ssh-ing into the instrument PCs": a word it does not know
  // (no other stack's name), in a message the classifier is sure asks for an entry that holds more of its words.
  const strange = [...(a.unrecognised ?? []), ...(q.kind === 'unknown' ? q.unrecognised : [])];
  // A package the message sets aside ("a queue, anything but celery") stays out, however sure the ranker.
  // (A concept "avoided", "how do i avoid sql injection", is what is asked about.)
  const leave = new Set(q.kind === 'unknown' ? [] : q.exclude.flatMap((e) => (e.type === 'package' ? [e.id] : [])));
  if (strange.length) {
    if (wanted.p < SURE_DESPITE_STRANGER || strange.some((w) => kb.outside.has(w))) return a;
    return rankedAnswer(kb, ranker, input.text, wanted.label, leave, MIN_EVIDENCE + 1) ?? a;
  }
  // The classifier all but certain of the kind ("what does a backend python dev use day to day": a stack) asks
  // less of the words: one rarer word the entry holds will do.
  const evidence = wanted.p >= CERTAIN_WANTED ? 1 : wanted.p >= LEANING_WANTED ? MIN_EVIDENCE : MIN_EVIDENCE + 1;
  return rankedAnswer(kb, ranker, input.text, wanted.label, leave, evidence) ?? a;
}

/**
 * "how do i tell if some random github lib is safe to depend on", "what should we weigh when choosing between
 * django, flask and fastapi", "how do i know a package on pypi is legit before we pip install it": names that are
 * only the setting of a question the classifier is all but sure asks for a checklist, stack or concept, which
 * holds the message's words: that entry instead of their cards, a comparison of them, or picks of their kind.
 */
function otherKind(kb: Knowledge, ranker: EntryRanker, a: Answer, input: SettleInput): Answer | undefined {
  const wanted = input.wanted?.();
  if (!wanted || wanted.p < SURE_OTHER_KIND || !['checklist', 'stack', 'concept'].includes(wanted.label))
    return undefined;
  // "…in plain words, what is celery?": what the package is was asked.
  const subject = a.intent === 'library' ? kb.entries.get(a.subjects[0]?.id ?? '') : undefined;
  if (subject && asksWhatItIs(input.text, subject)) return undefined;
  return rankedAnswer(kb, ranker, input.text, wanted.label, new Set(), MIN_EVIDENCE);
}

/** Whether the text asks what the entry is ("what is celery", "what's a celery"). */
function asksWhatItIs(text: string, e: Entry): boolean {
  const names = entryKeys(e)
    .map((k) => escapeRegExp(k.toLowerCase()))
    .join('|');
  return new RegExp(
    `\\b(?:what|whats|what's|wtf)(?: even| exactly| actually)?(?: is| are)?(?: an?| the)? (?:${names})(?![a-z0-9])`,
  ).test(text.toLowerCase());
}

/**
 * A need set in a name ("orm recs for a flask service", "which postgres driver") that found no
 * picks and fell back to the name's card: picks after all, when the classifier is sure picks are
 * wanted and a package other than the name holds the message's words.
 */
function fallenBack(kb: Knowledge, ranker: EntryRanker, q: Query, a: Answer, input: SettleInput): Answer {
  if (q.kind !== 'recommend' || !q.fallback || a.subjects[0]?.id !== q.fallback.id || q.exclude.length) return a;
  const wanted = input.wanted?.();
  if (!wanted || wanted.label !== 'recommend' || wanted.p < SURE_WANTED) return a;
  // The ranker reading the whole message as the name's own need ("read from the serial port" for pyserial):
  // the name leads picks of its category. Otherwise the name is the setting, and picks come from elsewhere.
  const packages = ranker.rank(input.text, 'package');
  const top = packages.top();
  if (top?.entry.id === q.fallback.id) return answerWith(kb, packages, top);
  const setting = new Set([q.fallback.id, ...q.context.map((e) => e.id)]);
  return rankedAnswer(kb, ranker, input.text, 'recommend', setting) ?? a;
}

/**
 * The entry of a kind the text asks for, leaving some out (a second question that must not repeat
 * the first's answer), when it holds two of the text's rarer words; else undefined.
 */
export function rankedAnswer(
  kb: Knowledge,
  ranker: EntryRanker,
  text: string,
  intent: string,
  leave: ReadonlySet<string>,
  evidence = MIN_EVIDENCE,
): Answer | undefined {
  if (!RETRIEVED.has(intent)) return undefined;
  const ranked = ranker.rank(text, typeOf(intent));
  const top = ranked.top((r) => !leave.has(r.entry.id));
  if (!top || ranker.evidence(text, top.entry) < evidence) return undefined;
  return answerWith(kb, ranked, top, leave);
}

function answerWith(kb: Knowledge, ranked: Ranking, top: RankedEntry, leave?: ReadonlySet<string>): Answer {
  if (top.entry.type !== 'package') return entryAnswer(kb, top.entry);
  return recommendAnswer(kb, categoryWords(top.entry.category), picksOf(ranked, top, leave));
}

/** Whether the query left the entry to retrieval (not a name given, not an exclusion). */
function retrieved(kb: Knowledge, q: Query): boolean {
  if (q.kind === 'search') return !q.exclude.length;
  // A need worded as a category's name ("find ci/cd") was not retrieval's guess: it named the category.
  if (q.kind === 'recommend')
    return (
      !q.exclude.length && !q.of && !q.fallback && !q.picks && !q.context.length && !categoryNamed(kb, q.need).length
    );
  return false;
}

/** The top package's category, near equals ordered by the articles' emphasis, then the ranker's order. */
function picksOf(ranked: Ranking, top: RankedEntry, leave: ReadonlySet<string> = new Set()): PackageEntry[] {
  const category = (top.entry as PackageEntry).category;
  const same = (r: RankedEntry) => (r.entry as PackageEntry).category === category && !leave.has(r.entry.id);
  const near = ranked.where((r) => same(r) && top.score - r.score < NEAR);
  const rest = ranked.best(MAX_PICKS, (r) => same(r) && top.score - r.score >= NEAR);
  near.sort(
    (x, y) => standingRank(y.entry as PackageEntry) - standingRank(x.entry as PackageEntry) || y.score - x.score,
  );
  return [...near, ...rest].slice(0, MAX_PICKS).map((r) => r.entry as PackageEntry);
}
