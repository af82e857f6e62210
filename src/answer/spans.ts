/**
 * Helpers over a message's tokens and the names found in them: which words carry the topic, which
 * name is a setting ("for django") or excluded ("not flask"), which names are compared ("a, b or c").
 *
 * @example
 * longestChain(toks, mentions) // the names joined by "vs", "or", "," …
 */
import { CONNECTORS, NEGATION, NEGATION_PAIRS } from './cues.js';
import type { Mention } from './entities.js';
import type { Token } from './tokens.js';
import { FILLER, SYNONYMS } from './words.js';

/** Prepositions that make a name the setting of a need ("a task queue for django"), not its subject. */
export const SETTING = new Set([
  'for',
  'with',
  'in',
  'on',
  'into',
  'inside',
  'alongside',
  'under',
  'behind',
  'to',
  'from',
]);
/** Words that never help a search, even when nothing else is left. */
export const QUESTION_ONLY = new Set(
  'a an the to how what which who i we you do does is are my our of for in on with should can'.split(' '),
);

/** Words that say nothing about the topic once the cues are read. */
export const CUE_WORDS = new Set(
  (
    'vs versus v compare compared comparing comparison difference differences differ between against over prefer ' +
    'alternative alternatives instead replacement replacements replace substitute similar production prod scale ' +
    'scales scalable scaling mature worth still relevant popular adopt adopting adoption learn learning used ' +
    'explain define meaning mean means definition concept checklist checklists stack stacks tip tips today ' +
    'anything something else other others list run running ok okay fine thoughts opinion opinions legit ' +
    'recommendation pros cons tradeoffs tradeoff right wrong bad worse should could would'
  ).split(' '),
);

export function contentWords(toks: readonly Token[], taken: Set<number>, unknown: string[]): string[] {
  return toks
    .filter(
      (tk, i) =>
        !tk.sep &&
        !taken.has(i) &&
        !FILLER.has(tk.text) &&
        !CUE_WORDS.has(tk.text) &&
        !unknown.includes(tk.text) &&
        !NEGATION.has(tk.text),
    )
    .map((tk) => tk.text);
}

/** Synonyms folded into the knowledge's words ("kinds" -> "types", "db" -> "database"). */
export function expand(words: string[]): string[] {
  return words.flatMap((w) => (Object.hasOwn(SYNONYMS, w) ? (SYNONYMS[w] as string) : w).split(' '));
}

export function distinct(ms: Mention[]): Mention[] {
  const seen = new Set<string>();
  return ms.filter((m) => !seen.has(m.entry.id) && seen.add(m.entry.id));
}

export function range(a: number, b: number): number[] {
  return Array.from({ length: b - a }, (_, k) => a + k);
}

/** Words a name's setting may put between the preposition and the name ("for a small flask app"). */
const SETTING_GAP = 3;

/** Whether a name is the setting of the question ("for a small flask app", "with django"), not its subject. */
export function isSetting(toks: readonly Token[], m: Mention): boolean {
  for (let k = m.start - 1; k >= 0 && k >= m.start - 1 - SETTING_GAP; k--) {
    const tk = toks[k] as Token;
    if (tk.sep || CONNECTORS.has(tk.text)) return false;
    // "how to call claude": "to" before a verb, not before the name, makes the name the verb's object.
    if (tk.text === 'to' && toks.slice(k + 1, m.start).some((t) => !FILLER.has(t.text))) return false;
    // "reach for X", "go for X", "opt for X": X is what is picked, not a setting.
    // "should we move to poetry", "switch to ruff": what is moved to is picked, not a setting.
    // "redis as the celery broker": a name after "as" and a determiner is the role's setting ("as good as X" is not).
    if (tk.text === 'as' && k < m.start - 1 && DETERMINER.test(toks[k + 1]?.text ?? '')) return true;
    if (SETTING.has(tk.text))
      return !(
        (tk.text === 'for' && PICKED_FOR.has(toks[k - 1]?.text ?? '')) ||
        (tk.text === 'to' && MOVED_TO.has(toks[k - 1]?.text ?? ''))
      );
  }
  return false;
}

/** Words that make what follows "as" a role ("as the celery broker", "as our cache"). */
const DETERMINER = /^(?:the|a|an|our|my|your|their|its)$/;

/** Verbs after which "for" names what is picked ("reach for starlette"). */
const PICKED_FOR = new Set(['reach', 'reaching', 'go', 'going', 'opt', 'opting', 'settle', 'settled', 'vote', 'voted']);

/** Verbs after which "to" names what is moved to ("switch to ruff"). */
const MOVED_TO = new Set(
  'move moving moved switch switching switched migrate migrating migrated upgrade upgrading port porting jump jumping convert converting transition transitioning'.split(
    ' ',
  ),
);

/** Words that may sit between two compared names ("openai sdk vs anthropic sdk"). */
const CHAIN_GAP = new Set(['sdk', 'sdks', 'client', 'clients', 'api', 'driver', 'drivers', 'which', 'would', 'be']);

/** The longest run of names joined only by connectors and filler ("django, flask or fastapi"). */
export function longestChain(toks: readonly Token[], ms: Mention[]): Mention[] {
  const sorted = [...ms].sort((a, b) => a.start - b.start);
  let best: Mention[] = [];
  let run: Mention[] = [];
  // Whether a connector joins two of the run (names side by side alone are no list).
  let joined = false;
  for (const m of sorted) {
    const prev = run[run.length - 1];
    const gap = prev ? toks.slice(prev.end, m.start) : [];
    const connected =
      prev !== undefined &&
      gap.length <= 4 &&
      gap.some((tk) => CONNECTORS.has(tk.text)) &&
      gap.every((tk) => CONNECTORS.has(tk.text) || FILLER.has(tk.text) || CHAIN_GAP.has(tk.text) || tk.sep);
    // "django flask or fastapi": two names of one kind side by side, in a list a connector joins (cross-validated +3,
    // none lost).
    const besides =
      prev !== undefined &&
      gap.length === 0 &&
      prev.entry.type === 'package' &&
      m.entry.type === 'package' &&
      prev.entry.category === m.entry.category;
    joined = connected || (besides && joined);
    run = connected || besides ? [...run, m] : [m];
    if (joined && run.length > best.length) best = run;
  }
  return best.length >= 2 ? distinct(best) : [];
}

/** Words that ask for the others of a name ("what else", "other options"), not for a need without it. */
const ASKS_OTHERS = new Set(['else', 'options', 'alternatives', 'alternative', 'alts']);

/** Words right before a name that say the asker is against it. */
const AGAINST_IT =
  /(?:^|\s)(?:not (?:a |the )?(?:big |huge )?fan of|no fan of|sick of|tired of|fed up with|done with|hate|hates|hating|dislike|dislikes|can'?t stand|allergic to)(?: using| the| our)?$/;

/** Words right after a name that say it is too much for the need ("feels huge", "is way too heavy", "seems like overkill"). */
const TOO_MUCH =
  /^(?:(?:feels|seems|looks|is|was|'s|sounds)(?: like)? (?:way |far |a bit |kinda |kind of |really |just |massively |so )?(?:overkill|too (?:heavy|big|much|complex|complicated|bloated)|huge|bloated|heavyweight|massive|a lot)|(?:is|feels) (?:way )?more than we need)\b/;

/** Words that say a name is too much, and ask for nothing themselves ("feels like overkill", "similar but lighter"). */
export const TOO_MUCH_WORDS = new Set(
  'feels feel seems looks sounds like overkill huge heavy heavyweight massive bloated much big complex complicated lot way far bit kinda really so too similar lighter simpler smaller leaner'.split(
    ' ',
  ),
);

/** Words that say a name is too much, anywhere in a message or its context. */
export const TOO_HEAVY = /\b(?:overkill|huge|heavy|heavyweight|bloated|massive|too much)\b/;
/** What a name said to be too much is wanted instead of: the words the knowledge uses for it. */
export const LIGHTER = ['lightweight', 'light', 'simple', 'small', 'minimal'];

/** Whether the mention is the only package the mentions name (it may be named twice). */
export function onlyPackage(ms: readonly Mention[], m: Mention): boolean {
  return !ms.some((o) => o.entry.type === 'package' && o.entry.id !== m.entry.id);
}

/**
 * Whether a name is said to be too much for the need ("django feels huge for this", "celery is overkill for us"); not
 * when asked ("is celery overkill for us").
 */
export function saidTooMuch(toks: readonly Token[], m: Mention): boolean {
  const p1 = toks[m.start - 1]?.text ?? '';
  const after = toks
    .slice(m.end, m.end + 6)
    .map((t) => t.text)
    .join(' ');
  // ("scrapy feels like overkill, what else is there": its alternatives are asked for, itself among them.)
  return (
    !/^(?:is|isn'?t|would|will|was|are)$/.test(p1) &&
    TOO_MUCH.test(after) &&
    !toks.some((t) => ASKS_OTHERS.has(t.text) || t.text === 'similar')
  );
}

/** Whether a mention follows a negation: "not X", "without X", "anything but X", "other than X". */
export function isNegated(toks: readonly Token[], m: Mention): boolean {
  // Words that point at the name stand aside: "isn't the stdlib logging module" rules out logging.
  let start = m.start;
  while (start > 0 && POINTING.has(toks[start - 1]?.text ?? '')) start--;
  if (start !== m.start) m = { ...m, start };
  const w = (k: number) => (toks[k] && !toks[k]?.sep ? (toks[k] as Token).text : '');
  // "not a fan of selenium", "sick of celery", "fed up with airflow": said against, so left out.
  const before = toks
    .slice(Math.max(0, m.start - 5), m.start)
    .map((t) => t.text)
    .join(' ');
  if (AGAINST_IT.test(before)) return true;
  const p1 = w(m.start - 1);
  const p2 = w(m.start - 2);
  const p3 = w(m.start - 3);
  if (NEGATION_PAIRS.has(`${p2} ${p1}`) && p1 !== 'of') return true;
  // "not click or typer", "no selenium or playwright": the next name in a list ruled out is ruled out too
  // (cross-validated +1).
  if ((p1 === 'or' || p1 === 'nor') && m.start >= 2 && isNegated(toks, { ...m, start: m.start - 2, end: m.start - 1 }))
    return true;
  if (`${p2} ${p1}` === 'instead of') return false;
  if (p1 === 'but') return p2 === 'anything' || p2 === 'everything' || p2 === 'something';
  // "a plotting lib besides matplotlib" leaves it out; "what else is there besides selenium" asks its alternatives.
  if (p1 === 'besides') return !toks.some((t) => ASKS_OTHERS.has(t.text));
  if (NEGATION.has(p1)) return true;
  // "a queue that doesn't need redis", "we can't run docker there": a verb of needing or running, negated.
  if (
    /^(?:doesn'?t|can'?t|cannot|won'?t|shouldn'?t)$/.test(p2) &&
    /^(?:need|require|use|run|install|host|have)$/.test(p1)
  )
    return true;
  if (
    NEGATION.has(p2) &&
    ['using', 'use', 'a', 'an', 'the', 'like', 'based', 'on', 'needing', 'requiring', 'with', 'want', 'need'].includes(
      p1,
    )
  )
    return true;
  return NEGATION.has(p3) && ['using', 'use', 'like', 'on', 'a', 'the', 'based'].includes(p1) && p2 !== 'sure';
}

/** Words before a name that point at it ("plain logging", "the stdlib logging module"). */
const POINTING = new Set(['plain', 'vanilla', 'stock', 'builtin', 'built-in', 'stdlib', 'standard', 'default', 'old']);

export function nearConnector(toks: readonly Token[], i: number): boolean {
  return [toks[i - 1], toks[i + 1]].some((tk) => tk && CONNECTORS.has(tk.text) && tk.text !== 'and');
}

/**
 * Whether a word only grades a comparison: a comparative ("faster", "lighter"; not a name that only ends like one,
 * "dagster", "pdfplumber") or a word of degree ("less", "much", "still").
 */
export function grading(w: string, isWord: (w: string) => boolean): boolean {
  return /^(?:less|more|much|way|still|even)$/.test(w) || (/^\w+er$/.test(w) && isWord(w));
}

/** The index of the first word from j in direction d that is not filler or a comparative, within three tokens; -1 if none. */
export function side(
  toks: readonly Token[],
  j: number,
  d: 1 | -1,
  isWord: (w: string) => boolean = () => true,
): number {
  for (let k = j + d, n = 0; k >= 0 && k < toks.length && n < 3; k += d, n++) {
    const tk = toks[k] as Token;
    if (tk.sep) return -1;
    if (!FILLER.has(tk.text) && !CUE_WORDS.has(tk.text) && !grading(tk.text, isWord)) return k;
  }
  return -1;
}
