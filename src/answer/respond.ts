/**
 * Builds the Answer for a parsed Query: resolves what is left to retrieval (a need, a checklist
 * or stack topic, free words) and adds the notes a reader needs (a typo read as a name, names
 * left out, names not known).
 *
 * @example
 * build({ kb, index, names }, { kind: 'thanks' }, 0).intent // 'thanks'
 */
import type { SearchIndex } from '../knowledge/search-index.js';
import type { Entry, Knowledge, PackageEntry } from '../knowledge/model.js';
import { categoryWords, entryKeys, entryName, isUncovered } from '../knowledge/model.js';
import { normKey } from '../knowledge/load.js';
import { compareAnswer } from './compare.js';
import { alternativesOf, entryAnswer } from './entry.js';
import { aboutAnswer, helpAnswer, thanksAnswer, unknownAnswer } from './help.js';
import { listAnswer } from './lists.js';
import type { NameIndex } from './names.js';
import type { Prefer, Query } from './parse.js';
import { leftOut, MIN_NEED_COVERAGE, rankPicks, recommendAnswer } from './recommend.js';
import { type Ranked, rankEntries } from './search.js';
import { tipAnswer } from './tip.js';
import type { Answer } from './types.js';
import { pickLine } from './labels.js';
import { overlap } from './purpose.js';
import { joinAnd, wordsOf } from './util.js';
import { derived } from '../knowledge/derived.js';

export interface Context {
  kb: Knowledge;
  index: SearchIndex;
  names: NameIndex;
}

const MAX_COMPARE = 4;
/** An entry must match at least half the question's topic words to be the answer. */
const MIN_ENTRY_COVER = 0.5;
/** A cue word that names the kind of entry wanted ("checklist", "stack", "what is") is evidence too: a third then suffices. */
const MIN_CUED_COVER = 1 / 3;
const ENTRY_TYPES: Entry['type'][] = ['checklist', 'stack', 'concept'];

/** The answer with a note (small print) added at the end. */
export const withNote = (a: Answer, text: string): Answer => ({
  ...a,
  sections: [...a.sections, { type: 'note', text }],
});

const quoted = (xs: string[]) => joinAnd(xs.map((x) => `"${x}"`));

export function build(ctx: Context, q: Query, seed: number): Answer {
  const { kb } = ctx;
  switch (q.kind) {
    case 'help':
      return helpAnswer(q.lead);
    case 'about':
      return aboutAnswer(kb);
    case 'thanks':
      return thanksAnswer();
    case 'tip':
      return tipAnswer(kb, q.topic.join(' '), seed);
    case 'compare': {
      let a = compareAnswer(kb, q.items.slice(0, MAX_COMPARE), q.purpose);
      if (q.items.length > MAX_COMPARE)
        a = withNote(a, `I compare up to ${MAX_COMPARE} at a time; showing the first ${MAX_COMPARE}.`);
      return q.unknown.length
        ? { ...withNote(a, `I don't know ${quoted(q.unknown)}, so it is left out.`), unrecognised: q.unknown }
        : a;
    }
    case 'entry': {
      let a = entryAnswer(kb, q.entry, { focus: q.focus, purpose: q.purpose });
      if (q.typo) a = withNote(a, `Showing ${entryName(q.entry)} for "${q.typo}".`);
      return besides(a, q.entry, q.unknown);
    }
    case 'recommend':
      return recommend(ctx, q);
    case 'pick':
      return pick(ctx, q.type, q.topic);
    case 'search':
      return search(ctx, q.words, q.prefer, {
        unrecognised: q.unrecognised,
        kinds: q.kinds,
        purpose: q.purpose,
        loose: q.loose,
      });
    case 'unknown':
      return unknownAnswer({
        unrecognised: q.unrecognised,
        suggestions: q.unrecognised.length === 1 ? ctx.names.suggest(q.unrecognised[0] as string) : [],
        orphan: q.orphan,
        uncovered: uncovered(ctx.kb, q.unrecognised),
      });
  }
}

/** Whether names not known are all Python packages the knowledge does not cover (knowledge/uncovered.yml). */
function uncovered(kb: Knowledge, names: string[]): boolean {
  return names.length > 0 && names.every((n) => isUncovered(kb, n));
}

/** Picks shown for a category asked by its name (the category's packages, the articles' standard ones first). */
const MAX_CATEGORY_PICKS = 5;
/** Packages by the words of their category's name ("background jobs"), best standing first. */
const categories = derived((kb) => {
  const by = new Map<string, PackageEntry[]>();
  for (const p of kb.packages) {
    const key = wordsOf(p.category).join(' ');
    const list = by.get(key);
    if (list) list.push(p);
    else by.set(key, [p]);
  }
  const rank = (p: PackageEntry) => (p.standing === 'standard' ? 2 : p.standing === 'popular' ? 1 : 0);
  for (const list of by.values()) list.sort((a, b) => rank(b) - rank(a) || b.sources.length - a.sources.length);
  return by;
});

/** The packages of the category whose name is exactly the need's words, best standing first. */
export function categoryNamed(kb: Knowledge, need: string[]): PackageEntry[] {
  const asked = need.join(' ');
  return asked ? (categories(kb).get(asked) ?? []) : [];
}

/** An entry's card that says which names beside it the knowledge does not have. */
export function besides(a: Answer, entry: Entry, unknown: string[]): Answer {
  if (!unknown.length) return a;
  return { ...withNote(a, `I don't know ${quoted(unknown)}; here is ${entryName(entry)}.`), unrecognised: unknown };
}

function recommend(ctx: Context, q: Extract<Query, { kind: 'recommend' }>): Answer {
  const { kb } = ctx;
  const left = q.exclude.length ? ` Leaving out ${joinAnd(q.exclude.map(entryName))}, as asked.` : '';
  const given = (q.picks ?? []).filter((p): p is PackageEntry => p.type === 'package' && !leftOut(p, q.exclude, kb));
  // Picks given without a need to title them are titled by the category they share ("For HTTP clients").
  const shared =
    given[0] && given.every((p) => p.category === given[0]?.category) ? categoryWords(given[0].category) : undefined;
  if (given.length) {
    const a = recommendAnswer(kb, q.need.join(' ') || shared || 'these', given, q.title);
    return q.title ? { ...a, related: true } : a;
  }
  if (q.of?.type === 'package') {
    const picks = alternativesOf(kb, q.of, q.purpose).filter((p) => !leftOut(p, q.exclude, kb));
    if (picks.length) {
      const a = recommendAnswer(kb, '', picks, `Instead of ${q.of.name}`);
      return left ? withNote(a, left.trim()) : a;
    }
  }
  // A need worded as the knowledge names a category ("background jobs", "llm clients"): that category.
  const named = categoryNamed(kb, q.need);
  if (named.length && !q.context.length && !q.exclude.length)
    return recommendAnswer(kb, q.need.join(' '), named.slice(0, MAX_CATEGORY_PICKS));
  const picks = rankPicks(kb, ctx.index, q.need, {
    context: q.context,
    exclude: q.exclude,
    purpose: q.purpose,
    kinds: q.kinds,
  });
  if (!picks?.length || (q.fallback && picks[0]?.id === q.fallback.id && !q.exclude.length && !q.picksWanted)) {
    if (q.fallback) return besides(entryAnswer(kb, q.fallback), q.fallback, q.unknown ?? []);
    // "a plotting lib that's not matplotlib, i hate its api": the excluded name's alternatives.
    const [excluded] = q.exclude;
    if (excluded?.type === 'package' && !q.of) return recommend(ctx, { ...q, of: excluded });
    return search(ctx, q.need, 'recommend');
  }
  // (Each name once: "with Celery and RQ", not "with Celery, Celery and RQ".)
  const context = [...new Set(q.context)];
  const setting = context.length ? ` with ${joinAnd(context.map(entryName))}` : '';
  // The setting's own name is said once, after "with" ("For orm with FastAPI", not "For fastapi orm with FastAPI").
  const said = new Set(context.flatMap((e) => entryKeys(e).map(normKey)));
  const need = q.need.filter((w) => !said.has(normKey(w)));
  const a = recommendAnswer(kb, `${(need.length ? need : q.need).join(' ')}${setting}`, picks);
  return left ? withNote(a, left.trim()) : a;
}

function pick(ctx: Context, type: 'checklist' | 'stack', topic: string[]): Answer {
  const all = type === 'checklist' ? ctx.kb.checklists : ctx.kb.stacks;
  if (!topic.length) return listAnswer(ctx.kb, type, all);
  const hit = rankEntries(ctx.kb, ctx.index, topic.join(' '), [type]).hits[0];
  if (hit && hit.cover >= MIN_ENTRY_COVER) return entryAnswer(ctx.kb, hit.entry);
  return listAnswer(ctx.kb, type, all, `I have no ${type} for "${topic.join(' ')}". Here are the ones I have.`);
}

/** Free topic words: the checklist, stack or concept they name, the packages they need, or "I don't know". */
function search(
  ctx: Context,
  words: string[],
  prefer?: Prefer,
  {
    unrecognised,
    kinds,
    purpose,
    loose,
  }: { unrecognised?: string[]; kinds?: string[]; purpose?: string[]; loose?: boolean } = {},
): Answer {
  const { kb, index } = ctx;
  // "…which framework?" after sentences of setting: that kind of package, the one the setting fits first.
  if (!words.length && kinds?.length && purpose?.length) {
    const ofKind = kb.packages
      .filter((p) => kinds.includes(p.kind))
      .map((p, i) => ({ p, i, fit: overlap(purpose, [p.summary, pickLine(p), ...p.use_cases, ...p.why]) }))
      .sort((a, b) => b.fit - a.fit || b.p.sources.length - a.p.sources.length || a.i - b.i);
    if (ofKind[0]?.fit)
      return recommendAnswer(
        kb,
        kinds.join(', '),
        ofKind.slice(0, 5).map((x) => x.p),
      );
  }
  if (!words.length) return unknownAnswer({ unrecognised, uncovered: uncovered(kb, unrecognised ?? []) });
  const text = words.join(' ');
  const entries = rankEntries(kb, index, text, ENTRY_TYPES);
  const pkgs = rankEntries(kb, index, text, ['package']);
  const picks = pkgs.coverage >= MIN_NEED_COVERAGE ? rankPicks(kb, index, words, { kinds, purpose, loose }) : undefined;
  const fits = (h: Ranked | undefined) => Boolean(h && h.cover >= MIN_ENTRY_COVER);
  const best = entries.hits[0];
  // The preferred kind's entry that matches most of the words (then the best scored).
  const preferred =
    prefer && prefer !== 'recommend'
      ? entries.hits
          .filter((h) => h.entry.type === prefer)
          .reduce<Ranked | undefined>((a, h) => (!a || h.cover > a.cover ? h : a), undefined)
      : undefined;
  const topUse = pkgs.hits[0]?.useCover ?? 0;
  const recommendation = () => recommendAnswer(kb, text, picks as PackageEntry[]);
  // An entry named by the words ("how should we store passwords": password hashing) beats packages that only use them.
  const namedEntry = best && best.nameCover >= MIN_ENTRY_COVER && best.nameCover > topUse ? best : undefined;
  if (prefer === 'recommend') {
    // Picks were asked for: a concept the words name still explains them, a stack or checklist only when there are none.
    if (namedEntry && (namedEntry.entry.type === 'concept' || !picks?.length)) return entryAnswer(kb, namedEntry.entry);
    if (picks?.length) return recommendation();
    if (fits(best)) return entryAnswer(kb, (best as Ranked).entry);
  } else if (prefer) {
    if (preferred && (preferred.cover >= MIN_CUED_COVER || (loose && preferred.cover > 0)))
      return entryAnswer(kb, preferred.entry);
    if (best && best.nameCover >= MIN_ENTRY_COVER) return entryAnswer(kb, best.entry);
    if (picks?.length) return recommendation();
    if (fits(best)) return entryAnswer(kb, (best as Ranked).entry);
  } else {
    if (best && best.nameCover >= MIN_ENTRY_COVER && best.nameCover > topUse) return entryAnswer(kb, best.entry);
    if (picks?.length) return recommendation();
    if (fits(best)) return entryAnswer(kb, (best as Ranked).entry);
  }
  return unknownAnswer({
    unrecognised,
    suggestions: words.length <= 2 && !unrecognised ? ctx.names.suggest(text) : [],
    uncovered: uncovered(kb, unrecognised ?? []),
  });
}
