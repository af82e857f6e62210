/**
 * "What should I use for X": picks for a need, from one category only (an ORM, not a driver),
 * ranked the way the articles lean: the standard or most-recommended choice first, then how many
 * articles name it, then how well it fits the question's purpose and setting.
 *
 * @example
 * recommendAnswer(kb, 'task queue', rankPicks(kb, index, ['task', 'queue'])!).subjects[0].id // 'celery'
 */
import { stem, type SearchIndex } from '../knowledge/search-index.js';
import type { Entry, Knowledge, PackageEntry } from '../knowledge/model.js';
import { entryName } from '../knowledge/model.js';
import { derived } from '../knowledge/derived.js';
import { servicesUnder } from './clients.js';
import { pickLine } from './labels.js';
import { overlap } from './purpose.js';
import { rankEntries } from './search.js';
import type { Answer } from './types.js';
import { sourcesOf, subject, wordsOf } from './util.js';

const MAX_PICKS = 5;
/** An article calling a package the standard choice outweighs a somewhat better word match. */
const STANDARD_BOOST = 1.6;
/** "Most popular" counts for less than "the standard". */
const POPULAR_BOOST = 1.3;
/** Each further article that names a package adds this share to its score. */
const PER_ARTICLE = 0.05;
/** A package that lists the question's setting (django, fastapi) as related fits it better. */
const SETTING_BOOST = 1.3;
/** A package made for a framework, in a question that names none, counts for half. */
const OTHER_FRAMEWORK = 0.5;
/** Each purpose word a package's text holds adds this share. */
const PER_PURPOSE_WORD = 0.15;
/** At least half the need's words must be words the knowledge uses, or the need is not one we know. */
export const MIN_NEED_COVERAGE = 0.5;
/** Matching three quarters of the need's words anywhere in an entry (summary, reasons) also names it. */
const STRONG_COVER = 0.75;
/** A need whose words the knowledge nearly all uses is in scope, so half of them in one entry names it. */
const KNOWN_NEED = 0.6;

/** A package made for another ("django-orm", "django-rest-framework" for django), by its id. */
export const madeFor = (p: Entry, id: string): boolean => p.id.startsWith(`${id}-`);
/** The ids of the frameworks the knowledge holds, worked out once per knowledge. */
const allFrameworks = derived((kb) => kb.packages.filter((p) => p.kind === 'framework').map((p) => p.id));

/** Each word of the need that a package's category names multiplies its score by this (cross-validated +4, tuning +4). */
const CATEGORY_SAID = 1.3;
/** Words of category names that name no kind of package by themselves ("Data science core", "In-memory data stores"). */
const GENERIC_CATEGORY_WORDS = new Set([
  'and',
  'data',
  'core',
  'frameworks',
  'computing',
  'output',
  'sql',
  'in',
  'memory',
  'stores',
]);
/** The stems of each category's name that name a kind of package, worked out once per knowledge. */
const categoryStems = derived(
  (kb) =>
    new Map(
      kb.packages.map((p) => [
        p.category,
        wordsOf(p.category)
          .filter((w) => !GENERIC_CATEGORY_WORDS.has(w))
          .map((w) => stem(w)),
      ]),
    ),
);

/** How high a name left out must have ranked for the need for its category to lead the picks. */
const LEFT_OUT_LEADS = 3;

/**
 * Whether an exclusion leaves the entry out: named, made for what is named ("no django": django-orm too), or running
 * on the service named alone ("no redis": RQ too).
 */
export const leftOut = (e: Entry, exclude: readonly Entry[], kb: Knowledge): boolean =>
  exclude.some((x) => x.id === e.id || madeFor(e, x.id) || runsOnlyOn(kb, e, x));

/**
 * Whether a package's one service is the one ruled out ("a task queue without redis": RQ, backed by Redis alone;
 * not Dramatiq, which runs on RabbitMQ too), by the services the knowledge relates it to. (Cross-validated
 * unchanged; RQ was the first pick for "task queue without redis".)
 */
function runsOnlyOn(kb: Knowledge, e: Entry, x: Entry): boolean {
  if (x.type !== 'package' || x.kind !== 'database') return false;
  const services = servicesUnder(kb, e);
  return services.length === 1 && services[0]?.id === x.id;
}

export interface PickOptions {
  /** Package kinds asked for by name ("which framework"): picks of those kinds when there are any. */
  kinds?: string[];
  /** The question surely asks for picks (the classifier is sure): any pick of the need's category will do. */
  loose?: boolean;
  context?: Entry[];
  exclude?: Entry[];
  purpose?: string[];
}

/** Ranked packages for a need, or undefined when the knowledge does not cover it. */
export function rankPicks(
  kb: Knowledge,
  index: SearchIndex,
  need: string[],
  o: PickOptions = {},
): PackageEntry[] | undefined {
  const r = rankEntries(kb, index, need.join(' '), ['package']);
  if (!r.hits.length || r.coverage < MIN_NEED_COVERAGE) return undefined;
  const exclude = o.exclude ?? [];
  const setting = new Set((o.context ?? []).map((e) => e.id));
  // When the question is set in a framework, other frameworks' packages step back (and with none named, all of them).
  const frameworks = [...setting].some(
    (id) => kb.entries.get(id)?.type === 'package' && (kb.entries.get(id) as PackageEntry).kind === 'framework',
  )
    ? allFrameworks(kb)
    : [];
  // A package made for another framework than the one the question is set in is no pick ("which orm for our flask app"
  // lists no Django ORM; cross-validated unchanged).
  const foreignMade = (p: Entry) => frameworks.some((f) => !setting.has(f) && p.id !== f && madeFor(p, f));
  const all = r.hits.filter(
    (h) => h.entry.type === 'package' && !leftOut(h.entry, exclude, kb) && !foreignMade(h.entry),
  );
  const ofKind = all.filter((h) => h.entry.type === 'package' && o.kinds?.includes(h.entry.kind));
  const hits = ofKind.length ? ofKind : all;
  // The articles' emphasis orders the packages that fit the whole need, never one that misses part of it.
  const fullest = Math.max(0, ...hits.map((h) => h.cover));
  const extra = (o.purpose ?? []).filter((w) => !need.includes(w));
  const needStems = new Set(need.map((w) => stem(w.toLowerCase())));
  const scored = hits
    .map((h) => {
      const p = h.entry as PackageEntry;
      const emphasis =
        h.cover < fullest
          ? 1
          : (p.standing === 'standard' ? STANDARD_BOOST : p.standing === 'popular' ? POPULAR_BOOST : 1) *
            (1 + PER_ARTICLE * (p.sources.length - 1));
      // With no framework named at all, a package made for one steps back: "which orm should i use" led with the
      // Django ORM, whose name holds the word. (With SQLAlchemy's standing, cross-validated -1 and tuning +1.)
      const foreign = !frameworks.length && allFrameworks(kb).some((f) => madeFor(p, f)) ? OTHER_FRAMEWORK : 1;
      // "a beginner friendly lib to make a small game": the need's words that name a package's category weigh more
      // than those that only describe it (pygame, not CircuitPython, which is beginner friendly and small).
      const said = CATEGORY_SAID ** (categoryStems(kb).get(p.category) ?? []).filter((c) => needStems.has(c)).length;
      const boost =
        said *
        foreign *
        emphasis *
        (p.related.some((id) => setting.has(id)) || p.use_cases.some((u) => [...setting].some((s) => u.includes(s)))
          ? SETTING_BOOST
          : 1) *
        (1 + PER_PURPOSE_WORD * overlap(extra, [p.summary, pickLine(p), ...p.why]));
      return { p, score: h.score * boost, useCover: h.useCover };
    })
    .sort((a, b) => b.score - a.score);
  // "a code formatter other than black": what is left out, when it would have been a first pick, is of
  // the kind wanted, so its category leads ("an orm, not django's" leaves out a framework, no pick for an orm).
  const leftKinds = r.hits
    .slice(0, LEFT_OUT_LEADS)
    .flatMap((h) => (h.entry.type === 'package' && exclude.some((x) => x.id === h.entry.id) ? [h.entry.category] : []));
  const best = scored.find((s) => leftKinds.includes(s.p.category)) ?? scored[0];
  // The best pick must be named for the need (its name, aliases or use cases hold half its words),
  // or match most of it anywhere while every word of the need is one the knowledge uses.
  const named = (h: (typeof r.hits)[number]) =>
    Math.max(h.useCover, h.nameCover) >= MIN_NEED_COVERAGE ||
    h.cover >= STRONG_COVER ||
    (h.cover >= MIN_NEED_COVERAGE && r.coverage >= KNOWN_NEED);
  if (!best || (!o.loose && !r.hits.slice(0, 3).some(named))) return undefined;
  // One category: the best pick's.
  return scored
    .filter((s) => s.p.category === best.p.category)
    .slice(0, MAX_PICKS)
    .map((s) => s.p);
}

/** Chat words a need may hold that say nothing in a title ("For gimme code format", "For two q"). */
const TITLE_CHAT = new Set('gimme q qs quick tho though pls plz smth lazy'.split(' '));

/** A need's words for a title, without chat words (all of them, when nothing else is left). */
const titleWords = (need: string) =>
  need
    .split(' ')
    .filter((w) => !TITLE_CHAT.has(w))
    .join(' ') || need;

/** Recommends the packages (best first). */
export function recommendAnswer(kb: Knowledge, need: string, picks: PackageEntry[], title?: string): Answer {
  const [first, second] = picks;
  return {
    intent: 'recommend',
    title: title ?? `For ${titleWords(need)}`,
    subjects: picks.map(subject),
    sections: [
      {
        type: 'picks',
        picks: picks.map((p) => ({ name: entryName(p), reason: `${p.summary} Pick it when ${pickLine(p)}.` })),
      },
    ],
    sources: sourcesOf(kb, picks),
    hints: [
      ...(first ? [{ label: 'More on one', command: `lib ${first.id}` }] : []),
      ...(first && second ? [{ label: 'Side by side', command: `compare ${first.id} ${second.id}` }] : []),
    ],
  };
}
