/**
 * The answer engine: one pure function from question text to a typed Answer. It routes the
 * parsed Query, resolves names, searches, and picks the answer builder.
 *
 * @example
 * const engine = createEngine({ knowledge, index });
 * engine.answer('django vs flask').intent // 'compare'
 */
import type lunr from 'lunr';
import { normKey } from '../knowledge/load.js';
import type { Entry, Knowledge } from '../knowledge/model.js';
import { entryAnswer } from './card.js';
import { compareAnswer } from './compare.js';
import { helpAnswer, listAnswer, searchListAnswer, unknownAnswer } from './fallbacks.js';
import { NameIndex } from './names.js';
import { MAX_QUERY_CHARS, parse, type Query, stripSlackMarkup } from './parse.js';
import { recommendAnswer } from './recommend.js';
import { type Ranked, type Ranking, rankEntries } from './search.js';
import { tipAnswer } from './tip.js';
import type { Answer } from './types.js';

export interface EngineOptions {
  knowledge: Knowledge;
  index: lunr.Index;
}

export interface AnswerOptions {
  /** Which tip to give for a tip request (doors pass the day number for a tip of the day). */
  tipSeed?: number;
}

export interface Engine {
  answer(text: string, options?: AnswerOptions): Answer;
  readonly knowledge: Knowledge;
}

const MAX_COMPARE = 4;
/** Yes/no and which/how questions are answered by an FAQ entry when one is named. */
const YES_NO = /^(?:is|are|should|can|could|do|does|will|would|which|how|when|why)\b/;
const STACK_NOISE = new Set([
  'python',
  'developer',
  'developers',
  'dev',
  'devs',
  'engineer',
  'engineers',
  'stack',
  'stacks',
  'role',
  'tech',
  'focused',
]);

/** Builds the engine over loaded knowledge and its search index. */
export function createEngine({ knowledge: kb, index }: EngineOptions): Engine {
  const names = new NameIndex(kb);
  const useCases = new Map<string, string[]>();
  for (const p of kb.packages) {
    for (const u of p.use_cases) {
      const ids = useCases.get(normKey(u));
      if (ids) ids.push(p.id);
      else useCases.set(normKey(u), [p.id]);
    }
  }
  const rank = (text: string, types?: Entry['type'][]): Ranking => rankEntries(kb, index, text, types);
  const withNote = (a: Answer, text: string): Answer => ({
    ...a,
    sections: [...a.sections, { type: 'note', text }],
  });
  const typoNote = (a: Answer, typed: string, typo: boolean) =>
    typo ? withNote(a, `Showing ${a.subjects[0]?.name} for "${typed}".`) : a;

  /** Free text: an entry it names, packages it asks for, or what search finds. */
  function fromSearch(text: string, mode: 'ask' | 'find' | 'lookup'): Answer | undefined {
    const r = rank(text);
    if (!r.hits.length || r.coverage < 0.5 || (r.tokens.length > 1 && r.coverage <= 0.5)) return undefined;
    const top = r.hits[0] as (typeof r.hits)[number];
    const pkgs = r.hits.filter((h) => h.entry.type === 'package');
    const topPkg = pkgs[0];
    const useCover = Math.max(0, ...pkgs.slice(0, 3).map((h) => h.useCover));
    const eligible = (h: Ranked) =>
      h.entry.type !== 'package' &&
      h.nameCover >= 0.5 &&
      h.nameCover > useCover &&
      (mode !== 'find' || h.entry.type === 'checklist' || useCover === 0);
    const faq = YES_NO.test(text)
      ? r.hits.find((h) => h.entry.type === 'concept' && h.entry.kind === 'faq' && h.nameCover >= 0.5)
      : undefined;
    if (faq) return entryAnswer(kb, faq.entry);
    const named = r.hits.find(eligible);
    const bar = mode === 'find' ? (useCover === 0 ? 0 : 1.2) : 0.6;
    if (named && (!topPkg || named.score >= bar * topPkg.score)) return entryAnswer(kb, named.entry);
    if (topPkg && mode === 'lookup' && topPkg.nameCover >= 0.5 && topPkg === top) return entryAnswer(kb, topPkg.entry);
    if (topPkg && (top.entry.type === 'package' || mode === 'find' || topPkg.useCover >= 0.5)) {
      const maxCover = Math.max(...pkgs.map((h) => h.cover));
      const picks = pkgs.filter((h) => h.score >= topPkg.score * 0.3 && h.cover >= 0.75 * maxCover).map((h) => h.entry);
      return recommendAnswer(kb, text, picks);
    }
    return searchListAnswer(
      kb,
      text,
      r.hits.map((h) => h.entry),
    );
  }

  function byUseCase(text: string): Answer | undefined {
    const ids = useCases.get(normKey(text));
    if (!ids) return undefined;
    const order = rank(text, ['package']).hits.map((h) => h.entry.id);
    const sorted = [...ids].sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99));
    const rest = order.filter((id) => !ids.includes(id));
    return recommendAnswer(
      kb,
      text,
      [...sorted, ...rest].map((id) => kb.entries.get(id) as Entry),
    );
  }

  function lookup(name: string, explicit: boolean): Answer {
    const found = names.single(name);
    if (found) return typoNote(entryAnswer(kb, found.entry), name, found.typo);
    const searched = fromSearch(name, 'lookup');
    if (searched && (!explicit || searched.intent !== 'search')) return searched;
    return unknownAnswer(name, names.suggest(name));
  }

  function compare(q: Extract<Query, { kind: 'compare' }>, seed: number): Answer {
    const entries: Entry[] = [];
    const unknown: string[] = [];
    for (const item of q.items) {
      const one = names.single(item);
      if (one) entries.push(one.entry);
      else if (q.explicit) {
        for (const seg of names.segment(item)) {
          if (seg.entry) entries.push(seg.entry);
          else unknown.push(seg.text);
        }
      } else return ask(parse(q.text, { compare: false }), seed);
    }
    const distinct = [...new Map(entries.map((e) => [e.id, e])).values()];
    if (unknown.length) return unknownAnswer(unknown.join(', '), names.suggest(unknown[0] as string));
    if (distinct.length < 2) {
      const only = distinct[0];
      if (!q.explicit) return only ? entryAnswer(kb, only) : ask(parse(q.text, { compare: false }), seed);
      const hint = 'Give me two to four names to compare, e.g. /pystack compare django flask fastapi';
      return only ? withNote(entryAnswer(kb, only), hint) : helpAnswer(hint);
    }
    const answer = compareAnswer(kb, distinct.slice(0, MAX_COMPARE));
    return distinct.length > MAX_COMPARE
      ? withNote(answer, `I compare up to ${MAX_COMPARE} at a time; showing the first ${MAX_COMPARE}.`)
      : answer;
  }

  function pickOf(type: 'checklist' | 'stack', topic: string): Answer {
    const all = type === 'checklist' ? kb.checklists : kb.stacks;
    const listed = (note?: string): Answer => {
      const a = listAnswer(kb, type, all);
      return note ? withNote(a, note) : a;
    };
    const words = topic.split(' ').filter((w) => w && !(type === 'stack' && STACK_NOISE.has(w)));
    if (!words.length) return listed();
    const named = names.single(topic);
    if (named?.entry.type === type) return entryAnswer(kb, named.entry);
    const hit = rank(words.join(' '), [type]).hits[0];
    return hit ? entryAnswer(kb, hit.entry) : listed(`I have no ${type} for "${topic}". Here are the ones I have.`);
  }

  function ask(q: Query, seed: number): Answer {
    switch (q.kind) {
      case 'help':
        return helpAnswer();
      case 'tip':
        return tipAnswer(kb, q.topic, seed);
      case 'compare':
        return compare(q, seed);
      case 'lookup':
        return lookup(q.name, q.explicit);
      case 'find':
        return byUseCase(q.need) ?? fromSearch(q.need, 'find') ?? unknownAnswer(q.need, [], true);
      case 'checklist':
        return pickOf('checklist', q.topic);
      case 'stack':
        return pickOf('stack', q.role);
      case 'ask': {
        const exact = names.exact(q.text);
        if (exact?.type === 'package') return entryAnswer(kb, exact);
        const need = byUseCase(q.text);
        if (need) return need;
        const single = exact ? { entry: exact, typo: false } : names.single(q.text);
        if (single) return typoNote(entryAnswer(kb, single.entry), q.text, single.typo);
        return fromSearch(q.text, 'ask') ?? unknownAnswer(q.text, names.suggest(q.text), true);
      }
    }
  }

  return {
    knowledge: kb,
    answer(text, options = {}) {
      const answer = ask(parse(text), options.tipSeed ?? 0);
      const long = stripSlackMarkup(text).trim().length > MAX_QUERY_CHARS;
      return long
        ? withNote(answer, `That was a long message; I read its first ${MAX_QUERY_CHARS} characters.`)
        : answer;
    },
  };
}
