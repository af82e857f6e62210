/**
 * Understanding as slots: a message becomes the entries it names (with their spans), the names it
 * does not know, an angle on one name (alternatives, production, uses, worth), exclusions, a
 * purpose, and cue words; the Query follows from those slots, not from whole-sentence patterns.
 *
 * @example
 * const parser = new Parser(kb, names, { isVocabulary });
 * parser.read('celery or rq for a tiny side project?') // { kind: 'compare', items: [celery, rq], purpose: ['tiny', 'side', 'project'] }
 */
import { derived } from '../knowledge/derived.js';
import { normKey } from '../knowledge/load.js';
import { isOneEdit } from '../knowledge/near.js';
import { categoryWords, type Entry, entryKeys, isUncovered, type Knowledge } from '../knowledge/model.js';
import {
  AGAINST,
  AGAINST_PAIRS,
  CASUAL,
  COMPARATIVE,
  EXPLAIN,
  IDK_WHAT,
  NOT_STDLIB,
  COMPARE_CUE,
  STDLIB_WORD,
  STRONG_COMPARE,
  CONNECTORS,
  FOCUS_CUES,
  type Focus,
  HELP_CUE,
  NEGATION,
  PAY_ASKED,
  PAY_ROLE,
  positive,
  PREFER_CUES,
  type Prefer,
  SIMILAR,
  STRONG_CONNECTORS,
  THANKS_ONLY,
  TIP_CUE,
  WEIGH,
} from './cues.js';
import { EntityLinker, inflectsConcept, type Mention } from './entities.js';
import { commandIntent } from './intents.js';
import { linkNames } from './links.js';
import { clientsOf, runsOn, runsOnAsked, servicesUnder } from './clients.js';
import { foundationOf } from './foundation.js';
import { byFit } from './purpose.js';
import { categoryNamed } from './respond.js';
import { type NameIndex, slipRank } from './names.js';
import { cleanText, normalize } from './text.js';
import { type Token, tokens } from './tokens.js';
import { titledList } from './titles.js';
import { titledConcept, weighedConcept } from './versus.js';
import { escapeRegExp, wordsOf } from './util.js';
import { MIN_DROPPED } from './slips.js';
import { KIND_WORDS } from './search.js';
import { COMMON_WORDS, FILLER, LEARNING_EFFORT } from './words.js';

export type { Focus, Prefer };

import { type Context, NO_CONTEXT, type ParserWords, type Query, type ReadOptions } from './query.js';
import {
  contentWords,
  CUE_WORDS,
  distinct,
  expand,
  grading,
  isNegated,
  LIGHTER,
  onlyPackage,
  saidTooMuch,
  TOO_HEAVY,
  TOO_MUCH_WORDS,
  isSetting,
  longestChain,
  nearConnector,
  QUESTION_ONLY,
  range,
  side,
} from './spans.js';

export type { ParserWords, Query, ReadOptions };
export { CUE_WORDS };
const URL = /\b(?:https?|mailto):\S+/g;
/** How sure the classifier must be for its class to count. */
const SURE = 0.5;
/**
 * Asking what something just said means: "what does that mean", "what is that actually", "explain what that means",
 * "can someone explain what it is", "what actually is it" (the last two were another concept; cross-validated +1).
 */
const MEANING =
  /\bwhat (?:does|do|did) (?:that|this|it|they|those) (?:\S+ )?mean\b|\bwhat(?: is|'s|s) (?:that|this)(?: (?:actually|exactly|even|really|about))?(?:$| and\b| or\b|,)|\bexplain (?:that|this|what (?:that|this|it) means)\b|\bwhat (?:that|this|it) (?:\S+ )?means\b|\bwhat (?:it|that|this|they|those|these) (?:is|are)\b|\bwhat (?:(?:actually|exactly|even|really) )?(?:is|are) (?:it|they|those|these)(?: (?:actually|exactly|even|really|about))?(?:$| and\b| or\b|,)/;
/** "instead of X", "faster than X": alternatives cues whose next word says what they set against. */
const AIMED =
  /\b(?:instead of|(?:lighter|faster|simpler|easier|nicer|better|newer|modern|leaner|smaller) than|less \S+ than) (?:a |an |the |plain |just )?([a-z0-9.-]+)/g;
/** Words before a noun: after one, an everyday word is the word. */
const DETERMINERS = new Set([
  'a',
  'an',
  'the',
  'each',
  'every',
  'per',
  'this',
  'that',
  'our',
  'my',
  'your',
  'their',
  'its',
]);
/** Words after another stack's everyday-word name that say it is that stack ("the go service", "express middleware"). */
const STACK_NOUNS = new Set(
  'middleware service services app apps backend backends server servers codebase monolith microservice microservices handler handlers route routes router developer developers devs code library libraries lib libs folks people team project projects program programs binary binaries equivalent version port'.split(
    ' ',
  ),
);
/** Words after a tool's name that say it is the tool ("a helm chart", "the jest config"). */
const TOOL_NOUNS = new Set([
  'chart',
  'charts',
  'config',
  'configs',
  'file',
  'files',
  'plugin',
  'plugins',
  'build',
  'builds',
  'task',
  'tasks',
  'test',
  'tests',
  'runner',
  'recipe',
  'recipes',
  'cookbook',
  'manifest',
  'manifests',
  'setup',
  'release',
  'install',
  'cli',
  'command',
  'script',
  'scripts',
  'workspace',
  'workspaces',
  'project',
  'projects',
  'module',
  'modules',
  'package',
  'packages',
  'cache',
  'lockfile',
  'registry',
]);
/** The word that asks for a tip, as a noun ("a pandas tip", "tips for celery"). */
const TIP_WORD = /\btips?\b/;
/** Code as what everything is made of ("test our python code", "lint my codebase"): it names no need. ("Code" led the
 * picks to Visual Studio Code and the ranker to the Docker SDK's "from Python code"; cross-validated +2, none lost.) */
const OUR_CODE =
  /\b(?:our|my|your|their|the|this|that|existing|legacy|whole|python) (?:(?:python|existing|legacy|whole|own) )*code(?:base)?s?\b/g;
/** Saying "I don't know" on the classifier's word alone needs more certainty. */
const SURE_UNKNOWN = 0.7;
/**
 * A name that is no English word ("django") is read as something else only when the classifier is
 * this sure the message is off-topic ("is Django Unchained on netflix?"). Chosen by training without
 * tune-16 and tune-17 and scoring on them (0.7 to 0.9 gave the same).
 */
const SURE_OTHER_NAME = 0.8;
/** How sure the classifier must be of an answer about the stack to keep a name among few words of the knowledge a name. */
const CERTAIN_IN_SCOPE = 0.95;
/**
 * How sure the classifier must be that a message is about something else, for ideas named only by everyday words
 * ("import containers", "dockers for the vessel") to be those words. Cross-validated: 0.97 +1, none lost; 0.9 lost one.
 */
const CERTAIN_ELSEWHERE = 0.97;
/** Loosening the need match on the classifier's word needs as much certainty. */
const SURE_PICKS = 0.7;
const PREFERS = new Set<string>(['recommend', 'checklist', 'stack', 'concept']);

/** A head noun that asks for a kind of package: "which framework", "a database for …" (not "test framework"). */
const KINDS: [string, RegExp][] = [
  [
    'framework',
    /\b(?:what|which|a|an|the|best|good|python|recommended|simplest|fastest|lightest|lightweight|web|api|rest|backend) frameworks?\b/,
  ],
  // (Not the head of another noun: "the db driver", "a database migration".)
  [
    'database',
    /\b(?:what|which|a|an|the|best|good|recommended|simplest|vector) (?:databases?|dbs?)\b(?! (?:drivers?|clients?|libs?|librar(?:y|ies)|orms?|migrations?|modules?|connectors?|adapters?|layers?|access|tools?|schemas?|quer(?:y|ies)|calls?|connections?|pool(?:ing)?)\b)/,
  ],
  // "stdlib only", "no pip installs on that box", "without extra deps": what ships with Python.
  [
    'stdlib',
    /\b(?:stdlib|std ?lib|standard library|built[- ]?in (?:module|lib|library|way)|no (?:pip )?installs?|without (?:installing|any installs?|pip|extra (?:deps|dependencies|packages)|(?:any )?(?:third[- ]party|external) (?:deps|dependencies|packages))|can'?t (?:pip )?install|nothing to install|no (?:extra |third[- ]party |external )(?:deps|dependencies|packages))\b/,
  ],
];

/** Words for the thing being built ("an app", "the service"): in a need beside other words, they ask for nothing. */
const BUILT_THING = new Set(
  'app apps application applications service services system systems thing things stuff codebase'.split(' '),
);

/** Words after a tool's name that ask about it ("X still a thing", "X any good", "X worth it"). */
const SLOT_AFTER = /^(?:still|any|worth|dead|legit|overkill|actually)$/;

/** A checklist asked for by that word ("is there a checklist for that?"): a checklist, whatever the classifier makes of the rest. */
const CHECKLIST_ASKED =
  /\b(?:is there|are there|got|any|have you got|do you have|give me|show me|need) (?:a |an |some )?(?:\S+ )?checklists?\b/;

/**
 * Words that ask outright for an idea: a concept, a practice, a pattern, the name of a kind of problem, what a
 * thing is called ('what are the two styles called', 'a three-letter acronym for this': cross-validated +1).
 */
const IDEA_ASKED =
  /\b(?:the concept|what concept|(?:accepted|general|standard|usual|common|recommended) (?:practice|pattern|approach)s?|what(?:'s| is) the (?:pattern|principle|term)|(?:a |the |standard |proper )(?:name|term) for|class of (?:bug|problem|issue|attack)s?|(?:read|reading) up on|what(?:'s| is| are| was| were)(?: \S+){0,3} called|what do (?:you|we|people|they|folks) call (?:this|that|it|them)|acronym|buzzword)\b/;
/** A request for a package for what the message describes ("is there a python lib for that"). */
const PICK_FOR_IT =
  /\b(?:lib|libs|library|libraries|package|packages|module|tool|framework)s? (?:for|that does|to do) (?:that|this|it)\b/;
/** Topic words a clear question needs beside names we do not know for it to be answered anyway. */
const STRANGER_TOPIC = 3;
/** A question with fewer topic words than this, in a long message, takes its topic from the context. */
const SHORT_QUESTION = 2;
/** Words around a name that is also an everyday word, enough to tell what the message is about. */
const HOMONYM_WORDS = 3;
/** Words of filler ("a", "the") a side of "the difference between A and B" may start after. */
const SIDE_GAP = 2;
/** Under a third of those words in the knowledge's own text: the message is about something else. */
const HOMONYM_SHARE = 1 / 3;
/** A word for doing something ("negotiating", "growing"). */
const DOING = /^[a-z]{3,}ing$/;
/** Words of its own (besides names) a tip's topic needs before it can be told to be about something else. */
const OFF_TOPIC_WORDS = 2;
/** Everyday-word names read as the words: at most this many in one message, and two only when the classifier is sure. */
const HOMONYMS_AT_MOST = 2;
/** Half the words around a name being the knowledge's own says the message is about the stack. */
const TOPICAL_SHARE = 0.5;
/** Words for people, after another stack's name ("java dev", "php guy"): their background. */
const PEOPLE =
  /^(?:devs?|developers?|guys?|gals?|people|person|folks?|engineers?|programmers?|coders?|background|shop|crowd|team|teams|veterans?|refugees?)$/;
/** Words that weigh one name against another in a question. */
const CHOICE =
  /\b(?:or|vs|versus|than|over|beats?|replaced?|replacing|instead|next to|stay with|still (?:need|needed|worth)|(?:even |still )?needed any ?more|comparing|compared?|nicer|better|worse|switch(?:ing)? from|mov(?:e|ing) (?:away )?from)\b|>/;
/**
 * "is sqlite fine for this or should we go straight to postgres", "is pillow ok for thumbnails or do we need opencv":
 * an "or" that opens a question of its own weighs the next name against the first, whatever angle the first was
 * asked from. (Cross-validated +2, none lost.)
 */
const OR_CLAUSE = /\bor (?:should|shall|do|does|would|could|can|must|just|maybe|go|stick|stay|switch|move|use|need)\b/;
/** "…or is everyone on Y", "…or has everyone moved to Y", "…or is it all Y now": another name as where people went, not an option weighed. */
const TREND_OR =
  /\bor (?:is|are|has|have) (?:it|everyone|everybody|every1|the world|the industry|the field|all|most people|people) (?:\S+ )?(?:on|moved|gone|switched|all|using|\S+ing)\b/;
/** The largest set of named packages that share a category (first named first), or two that stand in for each other. */
function largestGroup(packages: Mention[]): Mention[] {
  const by = new Map<string, Mention[]>();
  for (const m of packages) {
    if (m.entry.type !== 'package') continue;
    const list = by.get(m.entry.category) ?? [];
    list.push(m);
    by.set(m.entry.category, list);
  }
  const best = [...by.values()].reduce<Mention[]>((most, g) => (g.length > most.length ? g : most), []);
  if (best.length >= 2) return best;
  // "is rabbitmq better than redis": two of different categories, one given as the other's alternative, weigh
  // against each other too (cross-validated +4, tuning +4).
  for (const a of packages)
    for (const b of packages)
      if (
        a.entry.type === 'package' &&
        b.entry.type === 'package' &&
        a.entry.id !== b.entry.id &&
        a.entry.alternatives.includes(b.entry.id)
      )
        return [a, b].sort((x, y) => x.start - y.start);
  return best;
}
/** Two packages of one category: one can stand in for the other. */
const sameCategory = (a: Entry, b: Entry) => a.type === 'package' && b.type === 'package' && a.category === b.category;
/** Moving from what the context named to what the question names ("should we move to sqlalchemy"). */
const SWITCH =
  /\b(?:migrat(?:e|ing|ion) to|mov(?:e|ing) to|switch(?:ing)? to|go(?:ing)? to|jump(?:ing)? to|replac(?:e|ing) (?:it|them) with|or should we (?:use|move|go|switch))\b/;
/** Words that ask for a way to reach a service from code ("driver", "talk to", "from python", "which library"). */
const REACH =
  /\b(?:drivers?|clients?|sdks?|python (?:api|bindings?|wrapper)|(?:bindings?|wrapper) for|connect(?:s|ing|ion)?(?: to)?|talk(?:s|ing)? to|speak(?:s|ing)? to|query(?:ing)?|access(?:ing)?|from (?:\S+ )?(?:python|script|code|app|worker|service)|in python|with python|which (?:python )?(?:lib|library|package|module)|what (?:python )?(?:lib|library|package|module))\b/;
/** Words after "<name> but" that open a clause of their own ("celery but it keeps crashing", "pandas but i need…"). */
const BUT_CLAUSE =
  /^(?:it|its|it's|i|i'm|we|we're|you|they|he|she|is|isn't|are|aren't|was|does|doesn't|do|don't|did|the|that|this|there|then|also|not|no|still|what|which|how|why|should|can|could|would|will|if|when|my|our|your|their|honestly|tbh|idk|yeah|ok|okay)$/;

/** Nouns right after a service's name that ask for its Python clients ("a postgres driver", "the mongodb client"). */
const CLIENT_NOUN = /^(?:drivers?|clients?|connectors?|adapters?|bindings?)$/;

/**
 * A message that opens on a tool's name, then how that tool stands to what follows ("locust for load testing",
 * "beanie on top of motor", "panel or plotly", "is bokeh as good as matplotlib"); not a label before a colon
 * ("context for the helpdesk channel: …").
 */
const TOOL_OPENER =
  /^(?:(?:is|are|has anyone (?:tried|used)|anyone (?:tried|using|used)|thinking of|considering)\s+)?(\S+)\s+(?![^:]*:)(?:for|or|vs|versus|\+|&|on top of|together with|alongside|next to|in front of|instead of|as good as|a good|a decent|easier than|better than|over)\s/;
/** The same with a name of two words ("tortoise orm vs peewee", "halo spinners or just use rich"). */
const TWO_WORD_OPENER = /^(\S+)\s+(\S+)\s+(?:or|vs|versus|\+)\s/;
/** A short question that asks which of what the context named fits ("which fits?", "which suits us"). */
const WHICH_FITS = /\bwhich (?:fits|suits|wins|works|makes sense|is the better fit)\b/;
/** Words that say a choice is being made between two things ("torn between", "deciding between"). */
const CHOOSING = /^(?:deciding|decide|torn|choose|choosing|pick|picking|stuck|undecided|weighing|split)$/;

/**
 * The two packages a text chooses between ("deciding between rq and celery"). ("Torn between flask or django" weighs
 * them already: the names joined by "or" make the sentence a question of its own.)
 */
function choosingBetween(toks: readonly Token[], mentions: Mention[]): Mention[] | undefined {
  const at = toks.findIndex((tk, i) => CHOOSING.test(tk.text) && toks[i + 1]?.text === 'between');
  const packages = mentions.filter((m) => m.entry.type === 'package');
  const sides = at < 0 ? undefined : sidesOfBetween(toks, packages, at + 1);
  return sides && sides[0].entry.id !== sides[1].entry.id ? sides : undefined;
}

/**
 * The two mentions "between A and B" joins, "between" at token `at`: each the mention that starts its side, within a
 * word or two of filler ("a", "the"); the first side ends at the first "and" after it.
 */
function sidesOfBetween(toks: readonly Token[], mentions: Mention[], at: number): [Mention, Mention] | undefined {
  const and = toks.findIndex((tk, i) => i > at + 1 && (tk.text === 'and' || tk.sep));
  if (and < 0 || toks[and]?.sep) return undefined;
  const sideAt = (from: number) => mentions.find((m) => m.start >= from && m.start <= from + SIDE_GAP);
  const a = sideAt(at + 1);
  const b = sideAt(and + 1);
  return a && b && (a.end <= and || a === b) ? [a, b] : undefined;
}

/** Words that ask about learning a thing (not "a django newbie", who may be asking for a pick). */
const LEARN_ASKED = /\b(?:learn|learning|learnt|learned|beginner[- ]friendly|pick(?:ing)? (?:it )?up)\b/;
/**
 * "how hard is django to learn", "learning curve on celery", "how long does it take to learn pytest": a question whose
 * words only ask how hard the thing it names is to learn asks about that thing (its card), with no need of its own
 * ("curve" is no search for QuantLib), and learning it makes the name a skill, not an everyday word. Cross-validated
 * +1; of thirteen such questions of my own, seven were answered with another package or "unknown", one is now.
 */
const learningIt = (t: string, words: readonly string[]) =>
  LEARN_ASKED.test(t) && words.every((w) => LEARNING_EFFORT.has(w));

/**
 * "ok dumb q but what even is pandas, the analysts say it all day": what a name is, asked with no article before it,
 * asks about the name (the animal or the vegetable takes one: "what is a panda"). Cross-validated +1, nothing lost.
 */
const asksWhatItIs = (t: string, name: string) =>
  new RegExp(`\\bwhat(?:'s|s| is| are)(?: even| exactly| actually)? ${escapeRegExp(name)}\\b`).test(t);

/** Where a question puts the name it asks about ("is X any good", "X worth learning", "hook up X for …"). */
const NAME_SLOTS = [
  /^(?:is|are|does|do|how good is|thoughts on|opinions on|anyone (?:using|use|used|tried)|has anyone (?:used|tried))\s+(\S+)\s+(?:any good|worth|good|ok|okay|still|dead|better|mature|ready|reliable|a good|for)\b/,
  /^(\S+)\s+(?:any good|worth)\b/,
  // "simpy for simulating the dock queue — anyone tried it?", "folium for plotting stops on a map, any good?"
  /^(\S+)\s+for\s+(?:\S+\s+)?\S+ing\b.*\b(?:any good|anyone (?:tried|used|using)|worth it|thoughts|opinions)\b/,
  /\b(?:hook up|set up|setup|integrate|install|configure|use|using|try|trying|adopt|adopting)\s+(\S+)\s+(?:for|with|in|into|to|on)\b/,
  // "what's the deal with polars", "whats up with litestar", "what even is polars?": the one word asked about.
  /^(?:(?:ok|so|hey|yo|and)\s+)?(?:what'?s|what is|what are|wtf is)\s+(?:the (?:deal|story|hype) (?:with|around)\s+|up with\s+|(?:even|exactly|actually)\s+)?(\S+)\s*\??$/,
  // "locust for load testing the tracking api before peak season?": a tool's name opening the message.
  TOOL_OPENER,
];
/** Words that ask what a package is built on ("built on top of", "under the hood", "base lib under it"). */
const BUILT_ON =
  /\b(?:(?:built|builds|build|sits|based) (?:on|upon)(?: top of)?|under the hood|underneath|(?:base|underlying) (?:lib|library|layer|framework)|foundation)\b/;
/** Words that ask what a thing is or does with the thing as their subject ("is redis just a cache", "what docker actually does"). */
function asksAboutName(toks: readonly Token[], m: Mention): boolean {
  const before = toks[m.start - 1]?.text;
  if (m.start === 1 && (before === 'is' || before === 'are')) return true;
  const after = toks.slice(m.end, m.end + 2).map((tk) => tk.text);
  return (
    (before === 'what' || (before === 'does' && toks[m.start - 2]?.text === 'what')) &&
    (after[0] === 'does' ||
      after[0] === 'do' ||
      (ADVERBS.has(after[0] ?? '') && (after[1] === 'does' || after[1] === 'do')))
  );
}
/**
 * "a quick primer on docker", "beginner guide to django", "rundown of celery": an introduction to the name asked for,
 * its card (the two were picks for fastai and CircuitPython, "primer" and "beginner guide" read as a need; cross-validated
 * unchanged).
 */
function introducedBy(toks: readonly Token[], m: Mention): boolean {
  return INTRO_OF.has(toks[m.start - 1]?.text ?? '') && INTRODUCTION.has(toks[m.start - 2]?.text ?? '');
}
const INTRO_OF = new Set(['on', 'to', 'of', 'for', 'about']);
const INTRODUCTION = new Set([
  'primer',
  'guide',
  'intro',
  'introduction',
  'rundown',
  'overview',
  'course',
  'walkthrough',
  'explainer',
  'basics',
]);
/** Words that soften a verb ("what docker actually does"). */
const ADVERBS = new Set(['actually', 'really', 'even', 'exactly']);
/** The words before a name that ask only what it is: "what's", "ok so what even is a". */
const WHAT_IS_ONLY =
  /^(?:(?:ok|okay|so|hey|yo|and|but|wait|sorry|quick q|dumb q) )*(?:what(?:'s| is| are)|whats|wtf is)(?: (?:even|exactly|actually))?(?: (?:a|an|the))?$/;
/** Words after the name in such a question: "anyway", "exactly", "again". */
const AFTER_WHAT_IS = new Set([
  'anyway',
  'exactly',
  'actually',
  'again',
  'even',
  'then',
  'lol',
  'tho',
  'though',
  'now',
]);
/** A question that asks how one thing works, and nothing more. */
const HOW_WORKS =
  /^how (?:do|does) (?:the |a |an )?\S+(?: \S+)? (?:work|works|actually work|relate|fit in|fit together|tie in)(?: here| to (?:this|that|it))?$/;
const PYTHON = /\bpython3?\b|\bpy\b/;

/** Words right before another stack's tool that ask for its Python counterpart ("the python equivalent of jest"). */
const COUNTERPART_OF =
  /\b(?:equivalents?|counterparts?|versions?|analog(?:ue)?s?|alternatives?|answer|replacements?|substitutes?|instead|rather than|in place|coming from|moving from|switching from)(?: (?:of|to|for))?(?: (?:the|a|an))?/;
/** Words right after another stack's tool that ask for its Python counterpart ("a rubocop equivalent?"). */
const COUNTERPART_AFTER =
  /(?:equivalents?|counterparts?|alternatives?|analog(?:ue)?s?|clones?|versions?)\b(?! (?:of|to)\b)/;
/** Words right after another stack's tool that ask for it in Python ("jest but for python", "prettier-like formatter in python"). */
const FOR_PYTHON =
  /(?:-?like|-? ?style|esque)?(?: [a-z]+)?(?: but)?(?: (?:equivalents?|alternatives?|counterparts?|versions?|clones?))? (?:for|in) python3?\b/;
/** Words that may close a message after another stack's tool whose Python counterpart it asks for ("prettier but", "a jest-like one"). */
const CLOSING_LIKE =
  /(?:-?like|-? ?style|esque)?(?: (?:but|one|thing|tool|lib|library|equivalents?|alternatives?|counterparts?|versions?|clones?))*[\s?!.]*/;
/**
 * Words that ask for a counterpart: only with one of them is another stack's tool looked for anywhere in the message
 * (also where the asker comes from, which is no setting), not only where such names count.
 */
const COUNTERPART_CUE =
  /\b(?:equivalents?|counterparts?|versions?|analog(?:ue)?s?|alternatives?|answer|replacements?|substitutes?|instead|rather than|in place|coming from|moving from|switching from)\b/;
/** "the python equivalent", with no tool after it: the Python counterpart of the tool the message names elsewhere. */
const PYTHON_COUNTERPART =
  /\bpython(?:'s)? (?:equivalents?|counterparts?|versions?|alternatives?|answer)\b(?! (?:of|to|for)\b)/;
/** Picks shown for another stack's tool's counterparts. */
const MAX_COUNTERPARTS = 5;
/** Whether a text says Python, also misspelt by one edit ("pyhton", "pythn"). */
function saysPython(text: string): boolean {
  return PYTHON.test(text) || (text.match(/\bp[a-z]{4,6}\b/g) ?? []).some((w) => isOneEdit(w, 'python'));
}
/** Words that point back at a name said before. */
const PRONOUN = /\b(?:it|its|this|that|them|they)\b/;

export class Parser {
  private readonly linker: EntityLinker;

  private readonly isVocabulary: (word: string) => boolean;
  private readonly nameLike: (word: string) => boolean;
  private readonly guess: (text: string) => { label: string; p: number } | undefined;
  private readonly slip: (word: string) => string | undefined;
  private readonly isEnglish: (word: string) => boolean;

  constructor(
    private readonly kb: Knowledge,
    private readonly names: NameIndex,
    words: ParserWords,
  ) {
    this.isVocabulary = words.isVocabulary;
    this.nameLike = words.nameLike ?? (() => false);
    this.guess = words.guess ?? (() => undefined);
    this.slip = words.slip ?? (() => undefined);
    this.isEnglish = words.isEnglish ?? (() => false);
    this.linker = new EntityLinker(kb, names, this.isVocabulary, words.isEnglish);
  }

  /**
   * Reads one question. Never throws. `context`: the sentences around it in a long message ("we're
   * four people, mostly notebooks…"), or the thread's previous question: its names are the setting
   * and its words the purpose; the question decides the intent.
   */
  read(raw: string, context?: string, options: ReadOptions = {}): Query {
    const clean = cleanText(raw);
    if (THANKS_ONLY.test(clean)) return { kind: 'thanks' };
    // A link stands for the package it names, where it stands ("is <pypi…/httpx> worth it").
    const linked: string[] = [];
    // Names a link gave are names, though they are short or everyday words ("<…/astral-sh/uv>", "<…|rich>").
    const fromLinks = new Set<string>();
    const normalized = normalize(raw);
    // A label that only repeats its link's host ("<https://www.djangoproject.com|djangoproject.com>") is no name.
    const hosts = [...normalized.matchAll(/(\S+)\s+(https?:\/\/\S+)/g)]
      .filter(([, label = '', url = '']) => sameHost(url, label))
      .map(([, label = '']) => label);
    const text = normalized
      .replace(URL, (url: string, at: number, all: string) => {
        const names = linkNames(url);
        // A label that is the link's own name ("<https://github.com/coleifer/huey|huey>") is said once, not "huey huey".
        const label = /(\S+)\s+$/.exec(all.slice(0, at))?.[1];
        if (label && names[0] === label) {
          if (this.names.exact(label)) fromLinks.add(label);
          else linked.push(label);
          return ' ';
        }
        // A name the link holds exactly, else one slip from it ("docs.celeryq.dev").
        const known =
          names.find((n) => this.names.exact(n)) ?? names.map((n) => this.names.resolve(n)?.entry).find(Boolean)?.id;
        if (known) {
          fromLinks.add(known);
          return ` ${known} `;
        }
        if (names[0]) linked.push(names[0]);
        return ` ${names[0] ?? ''} `;
      })
      .replace(/\s+/g, ' ')
      // "matplotlib.pyplot", "scipy.signal", "requests.get": a module path or call inside a package is that package
      // (it said "I don't know matplotlib.pyplot"; cross-validated +1, none lost).
      .replace(/\b([a-z][\w-]*)\.[a-z_][\w.]*\b/g, (path: string, head: string, _at: number, all: string) =>
        !this.names.exact(path) &&
        !this.kb.outside.has(path) &&
        this.names.exact(head) &&
        // (Not where the package is named by itself too: "a nicer way to do logging than logging.basicconfig".)
        !new RegExp(`(?:^|[^\\w.])${escapeRegExp(head)}(?![\\w.])`).test(all)
          ? head
          : path,
      )
      // Drawn-out chat spelling ("heyyy", "sooo", "pleeease") is the everyday word.
      .replace(/[a-z]*([a-z])\1{2,}[a-z]*/g, (w) => this.drawnOut(w))
      .replace(/\b[a-z][a-z'-]{3,}\b/g, (w) => this.mend(w))
      .trim();
    if (!text) return { kind: 'help' };
    const command = this.command(text);
    // "tips for remote work", "tip jar for the retiring supervisor": a tip about a topic the classifier is sure is
    // outside the stack is read as the question it is, not as the tip command.
    const offTopicTip =
      command?.kind === 'tip' && command.topic.length > 0 && (this.sureUnknown(text) || this.offTopic(command.topic));
    if (command && !offTopicTip) return command;
    // A request for a short explanation asks for a definition: the concept, or the card of a name.
    const explain = EXPLAIN.test(text) || IDK_WHAT.test(text);
    const t = text
      .replace(IDK_WHAT, 'what is $1')
      .replace(/\bw\/o\b/g, 'without')
      .replace(/\bw\/(?=\s)/g, 'with')
      .replace(CASUAL, ' ')
      .replace(OUR_CODE, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    const toks = tokens(t);
    const ctx = context
      ? { ...this.context(context), ...options }
      : options.threaded
        ? { ...NO_CONTEXT, threaded: true }
        : NO_CONTEXT;
    const python = saysPython(clean) || Boolean(ctx.python) || Boolean(options.python);
    const said = clean.toLowerCase().replace(/\s+/g, ' ');
    const guess = options.cuesOnly ? undefined : this.guess(options.message ? normalize(options.message) : text);
    const viaLink = /\b(?:https?|mailto):\S+/.test(normalize(raw));
    let mentions = this.linker.link(toks, { names: fromLinks });
    // "do i still need black if i have ruff": an everyday-word name weighed against a package of its own kind is that
    // package too (cross-validated +9, tuning +9; confident out-of-scope answers unchanged).
    if (CHOICE.test(t)) mentions = this.weighedToo(toks, mentions);
    // "ngl poetry confuses me, what's the deal with it": nothing linked, and the classifier all but certain the
    // message asks about one package; an everyday-word name in it is that package when it is the only one.
    if (
      !mentions.length &&
      !ctx.packages.length &&
      guess?.label.startsWith('library/') &&
      guess.p >= CERTAIN_IN_SCOPE
    ) {
      const pointed = this.linker.link(toks, { pointed: true }).filter((m) => m.entry.type === 'package' && !m.typo);
      if (pointed.length === 1) mentions = pointed;
    }
    const q = this.decide(
      t,
      toks,
      mentions,
      { ...ctx, linked, python, viaLink, said, ...(hosts.length ? { hosts } : {}) },
      explain,
      text,
      guess,
    );
    // "is polars any good?", "how do i hook up sentry for error tracking": out of scope with nothing named, the
    // word standing where the question puts a name is the one it does not know, though it is an English word.
    // (A search that may yet find nothing carries the word too, for its "I don't know".)
    const open =
      (q.kind === 'unknown' && !q.unrecognised.length && !q.orphan) || (q.kind === 'search' && !q.unrecognised?.length);
    if (open) {
      const slot = NAME_SLOTS.map((re) => re.exec(t)?.[1] ?? re.exec(text)?.[1]).find(
        (w): w is string => w !== undefined && this.slotName(w),
      );
      if (slot) return { ...q, unrecognised: [slot] };
    }
    return q;
  }

  /**
   * Whether a tip's topic is something else than the stack ("tips for shooting snowflake macros before they melt",
   * "tip jar for the retiring supervisor"): two or more words besides the names, hardly any of them the knowledge's
   * own words, none like a tool's name, and any name in it an everyday word. (Cross-validated +4, none lost.)
   */
  private offTopic(topic: string[]): boolean {
    const isName = (w: string) => this.kb.names.has(normKey(w));
    // ("git workflow": a name of two words is no everyday word.)
    if (topic.some((w, i) => i > 0 && isName(`${topic[i - 1]} ${w}`))) return false;
    const named = topic.filter(isName);
    const own = topic.filter((w) => !named.includes(w));
    const foreign = own.filter((w) => !this.isVocabulary(w));
    return (
      own.length >= OFF_TOPIC_WORDS &&
      own.length - foreign.length <= own.length * HOMONYM_SHARE &&
      !own.some((w) => this.nameLike(w)) &&
      // …and about doing something ("negotiating rent", "photographing fireworks"), not for an occasion or an
      // audience ("tip for the monday standup", "tip of the week for the newsletter").
      foreign.some((w) => DOING.test(w)) &&
      named.every((w) => this.isEnglish(w))
    );
  }

  /** A tip about the topic, or "I don't know" when the topic (and what the message names) is something else than the stack. */
  private tipOn(topic: string[], live: Mention[]): Query {
    return live.every((m) => this.isEnglish(m.text)) && this.offTopic(topic)
      ? { kind: 'unknown', unrecognised: [], words: topic, elsewhere: true }
      : { kind: 'tip', topic };
  }

  /**
   * The category of Python packages whose counterpart a message asks for: another stack's tool right after "the python
   * equivalent of" (or "an alternative to", "instead of", "coming from") or right before "equivalent", in a message
   * that says Python, or right before "for python", "but in python", "-like … for python".
   */
  private counterpartAsked(ctx: Context, toks: readonly Token[], stacks: { text: string }[]): string | undefined {
    const said = ctx.said ?? '';
    // (Also a tool said as where the asker comes from, which is no setting: "coming from spring boot, what should i use".)
    const named = [
      ...new Set([
        ...stacks.map((o) => o.text),
        ...(!COUNTERPART_CUE.test(said) ? [] : toks).flatMap((_, i) =>
          [1, 2, 3].map((n) =>
            toks
              .slice(i, i + n)
              .map((tk) => tk.text)
              .join(' '),
          ),
        ),
      ]),
    ].filter((w) => this.kb.counterparts?.has(w));
    for (const text of named) {
      const category = this.kb.counterparts?.get(text);
      if (!category) continue;
      const name = escapeRegExp(text);
      const asked =
        (ctx.python &&
          (new RegExp(`${COUNTERPART_OF.source} ${name}\\b`).test(said) ||
            new RegExp(`\\b${name}[ -]${COUNTERPART_AFTER.source}`).test(said) ||
            // ("we use sequelize in node, what's the python equivalent": of the one tool the message names.)
            (named.length === 1 && PYTHON_COUNTERPART.test(said)))) ||
        new RegExp(`\\b${name}${FOR_PYTHON.source}`).test(said) ||
        // (Reading drops a closing "for python": "is there a jest for python" reads "is there a jest".)
        (ctx.python && !saysPython(said) && new RegExp(`\\b${name}${CLOSING_LIKE.source}$`).test(said));
      if (asked) return category;
    }
    return undefined;
  }

  /** Whether the classifier is sure a text asks about something outside the stack. */
  private sureUnknown(text: string): boolean {
    const g = this.guess(text);
    return g?.label === 'unknown' && g.p >= SURE_UNKNOWN;
  }

  /**
   * Whether a word in a name's slot may be a name: an unknown word, and no question word or "python". `loose`: also a
   * common word or one the knowledge uses, where the slot leaves no doubt ("records or sqlalchemy", "fire or typer").
   */
  private slotName(w: string, loose = false): boolean {
    return (
      w.length >= 3 &&
      /^[a-z][a-z0-9.-]*$/.test(w) &&
      !QUESTION_ONLY.has(w) &&
      !PYTHON.test(w) &&
      (loose ? !FILLER.has(w) && !CUE_WORDS.has(w) : this.unknownWord(w))
    );
  }

  /**
   * The name of a tool the knowledge does not have, where a message opens on it before any name it knows ("locust for
   * load testing … or can pytest do that", "wagtail on top of django", "tortoise orm vs peewee"). An English word
   * counts in that place; set right against a known name by "or" or "vs", any word but a little one does ("panel or
   * plotly", "records or sqlalchemy"). Cross-validated: +36 answers, none lost.
   */
  private openingName(
    t: string,
    toks: readonly Token[],
    firstKnown: number,
    inMention: (i: number) => boolean,
  ): string | undefined {
    const one = TOOL_OPENER.exec(t)?.[1];
    if (one) {
      const at = toks.findIndex((tk) => tk.text === one);
      if (at < 0 || at >= firstKnown || inMention(at)) return undefined;
      const against = /^(?:or|vs|versus)$/.test(toks[at + 1]?.text ?? '') && firstKnown === at + 2;
      return this.slotName(one) || (against && this.slotName(one, true)) ? one : undefined;
    }
    const [, first = '', second = ''] = TWO_WORD_OPENER.exec(t) ?? [];
    if (!first || firstKnown < 2 || inMention(0) || inMention(1) || toks[0]?.text !== first || toks[1]?.text !== second)
      return undefined;
    return !QUESTION_ONLY.has(second) && !CONNECTORS.has(second) && this.slotName(first)
      ? `${first} ${second}`
      : undefined;
  }

  /** The mentions, and the everyday-word names of the same kind as a package among them. */
  private weighedToo(toks: readonly Token[], mentions: Mention[]): Mention[] {
    const kinds = new Set(mentions.flatMap((m) => (m.entry.type === 'package' ? [m.entry.category] : [])));
    if (!kinds.size) return mentions;
    const more = this.linker
      .link(toks, { pointed: true })
      .filter(
        (m) =>
          m.entry.type === 'package' &&
          !m.typo &&
          kinds.has(m.entry.category) &&
          !mentions.some((o) => o.start < m.end && m.start < o.end),
      );
    return more.length ? [...mentions, ...more].sort((a, b) => a.start - b.start) : mentions;
  }

  /**
   * Whether every name a text holds is one everyday word that is also a package's name ("celery",
   * "pillow", "black"), and it holds one: the text may mean the everyday thing.
   */
  onlyEverydayNames(text: string): boolean {
    const mentions = this.linker.link(tokens(normalize(text)));
    return (
      mentions.length > 0 &&
      mentions.every(
        (m) =>
          m.end - m.start === 1 &&
          m.entry.type === 'package' &&
          !m.typo &&
          (COMMON_WORDS.has(m.text) || this.isEnglish(m.text)),
      )
    );
  }

  /** The ids of the packages a text names. */
  named(text: string, anyType = false): string[] {
    const t = normalize(text);
    const toks = tokens(t);
    const links = this.linker.link(toks);
    const mentions = CHOICE.test(t) ? this.weighedToo(toks, links) : links;
    return distinct(mentions.filter((m) => anyType || m.entry.type === 'package')).map((m) => m.entry.id);
  }

  /** The index of the word where a text first names a package, or the text's length where it names none. */
  firstNamed(text: string): number {
    const ts = tokens(normalize(text));
    return Math.min(ts.length, ...this.linker.link(ts).flatMap((m) => (m.entry.type === 'package' ? [m.start] : [])));
  }

  /** A drawn-out everyday word ("heyyy", "sooo") is that word; anything else stays as typed ("djangooo"). */
  private drawnOut(word: string): string {
    const short = word.replace(/([a-z])\1{2,}/g, '$1');
    return FILLER.has(short) || COMMON_WORDS.has(short) || this.isEnglish(short) ? short : word;
  }

  /** An everyday word mistyped ("alternatvies") is read as that word; names and known words stay. */
  private mend(word: string): string {
    if (
      word.length < MIN_DROPPED ||
      this.isVocabulary(word) ||
      COMMON_WORDS.has(word) ||
      this.kb.names.has(normKey(word))
    )
      return word;
    const meant = this.slip(word);
    if (!meant) return word;
    // A slip on a name ("networx") is the name's, not an everyday word's ("network")…
    const name = this.names.resolve(word);
    return !name || this.likelierWord(word, meant, name) ? meant : word;
  }

  /**
   * …unless the slip is likelier on a word the knowledge itself uses ("pipline" dropped a letter of
   * pipeline; zipline's would be a wrong letter), not any everyday word ("moter" is no slip on "mother").
   */
  private likelierWord(word: string, meant: string, name: { entry: Entry; typo: boolean }): boolean {
    if (!name.typo || !this.isVocabulary(meant)) return false;
    const nameRank = Math.min(...entryKeys(name.entry).map((k) => slipRank(word, normKey(k))));
    return slipRank(word, meant) < nameRank;
  }

  /** The names and content words of the context around a question. */
  private context(text: string): Context {
    const toks = tokens(normalize(text).replace(CASUAL, ' '));
    const all = this.linker.link(toks);
    const mentions = all.filter((m) => !isNegated(toks, m) && !(saidTooMuch(toks, m) && onlyPackage(all, m)));
    const taken = new Set(mentions.flatMap((m) => range(m.start, m.end)));
    const negated = distinct(all.filter((m) => m.entry.type === 'package' && !mentions.includes(m)));
    const concepts = distinct(mentions.filter((m) => m.entry.type === 'concept'));
    const between = choosingBetween(toks, mentions);
    const reached = this.clientNamed(toks, mentions);
    return {
      ...(between ? { between } : {}),
      packages: distinct(mentions.filter((m) => m.entry.type === 'package')),
      ...(concepts.length ? { concepts } : {}),
      ...(negated.length ? { negated } : {}),
      words: contentWords(toks, taken, []).filter((w) => !this.nameLike(w)),
      outside: this.outside(toks, mentions).map((o) => o.text),
      python: saysPython(text),
      ...(reached ? { reached } : {}),
    };
  }

  /**
   * A service named right before a word for its clients ("we need a postgres driver", "mongodb client that works with
   * asyncio"): what is asked for is one of its Python clients, the other names the setting. Not where a name beside
   * it is one of those clients ("asyncpg or psycopg as the postgres driver").
   */
  private clientNamed(toks: readonly Token[], mentions: Mention[]): Mention | undefined {
    for (const service of mentions) {
      if (!CLIENT_NOUN.test(toks[service.end]?.text ?? '')) continue;
      const clients = clientsOf(this.kb, service.entry);
      if (clients.length) return mentions.some((m) => clients.some((c) => c.id === m.entry.id)) ? undefined : service;
    }
    return undefined;
  }

  /** Picks of a service's Python clients, those that fit the purpose and the other names first. */
  private clientPicks(service: Mention, others: Mention[], purpose: string[], negated: Mention[]): Query {
    return {
      kind: 'recommend',
      need: [service.text, 'client'],
      context: [],
      exclude: negated.map((m) => m.entry),
      purpose,
      // (The other names set it: "for an asyncio app" puts the async driver first.)
      picks: byFit(clientsOf(this.kb, service.entry), [
        ...purpose,
        ...others.filter((m) => m.entry.id !== service.entry.id).map((m) => m.text),
      ]),
    };
  }

  private decide(
    t: string,
    toks: readonly Token[],
    mentions: Mention[],
    ctx: Context,
    explain = false,
    full = t,
    guess?: { label: string; p: number },
  ): Query {
    // "a logging lib that isn't the stdlib one": what ships with Python ruled out, not asked for.
    const stdlibOut = NOT_STDLIB.test(t);
    const kinds = KINDS.flatMap(([kind, re]) => (re.test(t) && !(kind === 'stdlib' && stdlibOut) ? [kind] : []));
    // "we can't pip install anything": with nothing to install, "pip install" is the verb, not the tool.
    if (kinds.includes('stdlib'))
      mentions = mentions.filter((m) => !(m.entry.id === 'pip' && /^install/.test(toks[m.end]?.text ?? '')));
    // Names ruled out here or in the sentences around ("we don't want airflow. what else orchestrates pipelines?").
    // ("logging, but not the stdlib module": the package that ships with Python is ruled out too.)
    // "django feels huge for this. what would you use?": a name said to be too much is left out, when it is the only
    // name and nothing asks about it after ("…looks huge, is it worth learning").
    const tooMuch = (m: Mention) =>
      saidTooMuch(toks, m) &&
      onlyPackage(mentions, m) &&
      !/\b(?:it|its|it'?s)\b/.test(
        toks
          .slice(m.end)
          .map((tk) => tk.text)
          .join(' '),
      );
    const negated = [
      ...mentions.filter(
        (m) =>
          isNegated(toks, m) || tooMuch(m) || (stdlibOut && m.entry.type === 'package' && m.entry.kind === 'stdlib'),
      ),
      ...(ctx.negated ?? []),
    ];
    // "raspberry pi gpio library that isn't RPi.GPIO": a name ruled out is out wherever it stands; its other
    // mention describes the need in words.
    // (The same name said again, "…without docker… is docker the right tool", is asked about, not described.)
    const described = mentions.filter(
      (m) => !negated.includes(m) && negated.some((n) => n.entry.id === m.entry.id && n.text !== m.text),
    );
    const live = mentions.filter((m) => !negated.includes(m) && !described.includes(m));
    // Another stack's people ("java dev", "php guy") are left out of the words and of the names not known.
    const others = this.outside(toks, mentions);
    const outside = others.filter((o) => !o.background);
    // A Python package it does not cover ("huey", "great expectations") is a name it does not know, as any word
    // that looks like one: beside a known name it is said to be unknown, alone it is asked about; another stack's
    // name makes the question that stack's.
    const uncovered = outside.filter((o) => isUncovered(this.kb, o.text));
    const stacks = outside.filter((o) => !uncovered.includes(o));
    const against = this.unknownItems(toks, mentions, stacks);
    const unknown = [...new Set([...(ctx.linked ?? []), ...stacks.map((o) => o.text), ...against.map((a) => a.text)])];
    // "what's the python equivalent of eslint", "jest but for python?": another stack's tool named as the one whose
    // Python counterpart is wanted, with no Python package named, asks for the picks of the category that does its job.
    // (A tip asked for is a tip: "give me a tip on python testing, i'm coming from junit".)
    const counterpart =
      live.some((m) => m.entry.type === 'package') || TIP_WORD.test(t)
        ? undefined
        : this.counterpartAsked(ctx, toks, stacks);
    if (counterpart)
      return {
        kind: 'recommend',
        need: [],
        context: [],
        exclude: [],
        purpose: [],
        picks: categoryNamed(this.kb, wordsOf(counterpart)).slice(0, MAX_COUNTERPARTS),
        // (Titled by their category, "For HTTP clients"; picks the knowledge gives, which no ranker's second opinion replaces.)
        title: `For ${categoryWords(counterpart)}`,
      };
    // "a site that uses javascript", "javascript-heavy pages": a language a page is made with, where the knowledge's
    // uses name it ("javascript rendered pages"), is what the Python tool works on, not the stack the question is in.
    // (Not "in javascript", "our javascript frontend", nor "javascript or python". Cross-validated +1; five such
    // scraping questions of my own answered "unknown" before, none now.)
    const builtWith = (text: string) =>
      this.kb.outside.get(text) === 'languages' &&
      useWordsOf(this.kb).has(text) &&
      !against.some((a) => a.text === text) &&
      stacks.some(
        (o) =>
          o.text === text &&
          (RENDERED_BY.test(toks[o.start - 1]?.text ?? '') || RENDERS.test(toks[o.end]?.text ?? '')) &&
          !nearConnector(toks, o.start),
      );
    // Words that look like names of tools we do not know ("gunicorn", "mlflow"): where nothing is
    // known, they make the question unknown unless the rest of it finds an answer.
    const inMention = (i: number) => mentions.some((m) => i >= m.start && i < m.end);
    const nameLike = [
      ...new Set([
        ...uncovered.map((o) => o.text).filter((w) => !unknown.includes(w)),
        ...toks
          .filter(
            (tk, i) =>
              !tk.sep &&
              !inMention(i) &&
              !others.some((o) => i >= o.start && i < o.end) &&
              !unknown.includes(tk.text) &&
              !ctx.hosts?.includes(tk.text) &&
              // "every 5 min", "takes 40 sec": a unit after a number is no name.
              !/^\d[\d.,]*$/.test(toks[i - 1]?.text ?? '') &&
              this.nameLike(tk.text) &&
              this.unknownWord(tk.text),
          )
          .map((tk) => tk.text),
      ]),
    ];
    const strangers = mentions.length ? [] : nameLike;
    // Out of scope, the names it did not know: another stack's and those that look like a tool's.
    const notKnown = [...new Set([...unknown, ...nameLike])];
    const taken = new Set<number>();
    for (const m of [
      ...mentions.filter((x) => !described.includes(x)),
      ...others.filter((o) => !uncovered.includes(o)),
    ])
      for (let i = m.start; i < m.end; i++) taken.add(i);
    const words = contentWords(toks, taken, [...unknown, ...strangers]);
    // A name that is also an everyday word ("need a new pillow, my neck is killing me", "celery soup
    // recipe?"), alone, with no word of Python and hardly a word the knowledge uses around it: the word, not the package.
    const vocabularyShare = (ws: string[]) =>
      ws.length ? ws.filter((w) => this.isVocabulary(w)).length / ws.length : 0;
    if (
      live.length >= 1 &&
      mentions.length === live.length &&
      // One thing named, though maybe twice or as two everyday words ("red pandas … giant pandas", "serial number on the motor").
      live.length <= HOMONYMS_AT_MOST &&
      // Set against a name it does not know ("huey or celery for a job queue"), the name is the package; set
      // against an everyday word ("celery or carrot sticks"), only among words the knowledge uses.
      !against.some((a) => a.partner && (this.nameLike(a.text) || vocabularyShare(words) >= TOPICAL_SHARE)) &&
      live.every(
        (m) =>
          m.entry.type === 'package' &&
          (this.isEnglish(m.text) || (guess?.label === 'unknown' && guess.p >= SURE_OTHER_NAME)),
      ) &&
      (live.length === 1 || (guess?.label === 'unknown' && guess.p >= SURE_OTHER_NAME)) &&
      !ctx.python &&
      !ctx.packages.length &&
      !ctx.viaLink &&
      // (Learning a thing makes it a skill: "how long to learn pandas", "how steep is the learning curve for django".)
      !learningIt(t, words) &&
      !(live.length === 1 && asksWhatItIs(t, live[0]?.text ?? '')) &&
      ((words.length >= HOMONYM_WORDS &&
        vocabularyShare(words) < HOMONYM_SHARE &&
        // …unless the classifier is all but certain the message asks about the stack.
        !(guess && guess.label !== 'unknown' && guess.p >= CERTAIN_IN_SCOPE)) ||
        (guess?.label === 'unknown' && guess.p >= SURE))
    )
      // (Saying another stack's name beside it: "django or rails for the booking site" does not know "rails".
      // Cross-validated +3, none lost.)
      return { kind: 'unknown', unrecognised: notKnown, words };
    // "what's the dwell time target for import containers", "are we short on dockers for tonight's vessel": only ideas
    // named, each by an everyday word, where the classifier is all but certain the message is about something else:
    // the everyday things, not the ideas.
    // (Cross-validated +1, confident answers to out-of-scope questions 73 -> 72, none lost.)
    if (
      live.length > 0 &&
      live.every((m) => m.entry.type === 'concept' && m.text.split(' ').every((w) => this.isEnglish(w))) &&
      guess?.label === 'unknown' &&
      guess.p >= CERTAIN_ELSEWHERE &&
      !ctx.python &&
      !ctx.packages.length &&
      !ctx.viaLink
    )
      return { kind: 'unknown', unrecognised: notKnown, words };
    // What a role is paid is outside the stack, whatever the role works with. (Cross-validated +5, with the tips
    // about something else kept from a second opinion; confident answers to out-of-scope questions 77 -> 72.)
    if (PAY_ASKED.test(t) && PAY_ROLE.test(t)) return { kind: 'unknown', unrecognised: [], words, elsewhere: true };
    // The classifier, when sure, says what kind of answer is wanted; cue words decide otherwise. The
    // angle's cues read the whole text too: "what's this for" asks what it is for, though "what's this" is casual.
    const sure = guess && guess.p >= SURE ? guess.label : undefined;
    const guessedFocus = sure?.startsWith('library/') ? (sure.slice(8) as Focus) : undefined;
    const guessedPrefer = sure && PREFERS.has(sure) ? (sure as Prefer) : undefined;
    // An angle the words give outranks the classifier's ("<link> what's this for" asks its uses).
    const cued = FOCUS_CUES.find(([, re]) => re.test(t) || re.test(full))?.[0];
    // "vectorize instead of looping", "faster than a for loop": set against no thing, these ask for no alternative.
    const aimless = cued === 'alternatives' && this.againstNothing(t);
    const focus = (aimless ? undefined : cued) ?? guessedFocus ?? 'overview';
    // Asked outright for an idea ("what's the concept I'm missing", "is there a standard name for that"): a concept,
    // whatever the classifier makes of the rest.
    const prefer =
      explain || IDEA_ASKED.test(t)
        ? 'concept'
        : CHECKLIST_ASKED.test(t)
          ? 'checklist'
          : (guessedPrefer ?? PREFER_CUES.find(([, re]) => re.test(t))?.[0] ?? ctx.prefer);
    const packages = distinct(live.filter((m) => m.entry.type === 'package'));
    // "celery + rabbitmq vs celery + redis": a name said on every side of a choice between two others is its setting.
    const times = (m: Mention) => live.filter((x) => x.entry.id === m.entry.id).length;
    const everySide = (m: Mention) =>
      times(m) >= 2 && packages.filter((o) => o.entry.id !== m.entry.id && times(o) === 1).length >= 2;
    const setting = packages.filter((m) => isSetting(toks, m) || everySide(m));
    // "…is it production ready?": the pronoun points at the name the context gave.
    // With a topic of its own ("which type checker should I use with it") the name is the setting instead.
    // Asked for a list, a stack or a concept ("is there a checklist for that?"), the pronoun points at the situation.
    const pointed =
      // (…though the question names a package as its setting: "docker... do i actually need it for a lil flask app".
      // Cross-validated +1, tuning +2, none lost.)
      packages.every((m) => setting.includes(m)) &&
      PRONOUN.test(t) &&
      (focus !== 'overview' || !words.length) &&
      !(
        focus === 'overview' &&
        (prefer === 'checklist' ||
          prefer === 'stack' ||
          (prefer === 'concept' && IDEA_ASKED.test(t)) ||
          (prefer === 'recommend' && PICK_FOR_IT.test(t)))
      )
        ? ctx.packages[ctx.packages.length - 1]
        : undefined;
    const subjects = pointed ? [pointed] : packages.filter((m) => !setting.includes(m));
    const around = [...setting, ...ctx.packages];
    const named = distinct(live.filter((m) => m.entry.type === 'checklist' || m.entry.type === 'stack'));
    const topics = distinct(live.filter((m) => m.entry.type === 'concept'));
    const own = [...topics.map((m) => m.text), ...words];
    // A short question in a long message takes its topic from the context ("…which framework?").
    const topicWords = own.length < SHORT_QUESTION && ctx.borrowTopic !== false ? [...own, ...ctx.words] : own;
    const purposeWords = [...words, ...ctx.words];
    // Names it does not know beside ones it does ("we use huey…, is celery worth switching to?") are said, not dropped.
    // A code identifier ("env_file", "database_url") is no product name.
    const unknownBeside = [...unknown, ...nameLike.filter((w) => !unknown.includes(w) && !w.includes('_'))];
    // "is duckdb better than sqlite", "is dagster worth switching to from airflow": an angle that weighs a tool it does
    // not know against the one it knows is no question about the known one alone, so its card is plain.
    // (So does a word like a tool's name ahead of every name it knows: "is dask worth it … or just pandas",
    // "mlflow alongside scikit-learn, worth it?": the angle is the unknown tool's.)
    const firstKnown = Math.min(toks.length, ...packages.map((m) => m.start));
    const unknownFirst = () =>
      uncovered.some((o) => o.start < firstKnown) ||
      nameLike.some((w) => !w.includes('_') && !w.includes(' ') && toks.findIndex((tk) => tk.text === w) < firstKnown);
    // "is marshmallow still a thing or do we just use pydantic": an everyday word in the asked-about slot, ahead of
    // every known name, is the name of a tool the knowledge does not have.
    const slotAt = toks[0]?.text === 'is' || toks[0]?.text === 'are' ? 1 : 0;
    const slot = toks[slotAt];
    const askedSlot =
      slot &&
      !slot.sep &&
      slotAt + 1 < firstKnown &&
      !inMention(slotAt) &&
      !COMMON_WORDS.has(slot.text) &&
      SLOT_AFTER.test(toks[slotAt + 1]?.text ?? '')
        ? slot.text
        : undefined;
    const opening = this.openingName(t, toks, firstKnown, inMention);
    if (opening && !unknownBeside.includes(opening)) unknownBeside.push(opening);
    const weighsUnknown =
      (focus === 'alternatives' || focus === 'worth') && (unknown.length > 0 || Boolean(askedSlot) || unknownFirst());
    if (weighsUnknown && askedSlot && !unknownBeside.includes(askedSlot)) unknownBeside.push(askedSlot);
    const asEntry = (m: Mention, unknownNames: string[] = unknownBeside): Query => ({
      kind: 'entry',
      entry: m.entry,
      focus: m.entry.type === 'package' && !weighsUnknown ? focus : 'overview',
      purpose: purposeWords,
      unknown: unknownNames,
      ...(m.typo ? { typo: m.text } : {}),
    });

    // (Not "could you help me choose a database": a kind of package named asks for it, whatever the classifier's read.
    // Cross-validated unchanged; found by questions of my own.)
    if (!live.length && (HELP_CUE.test(t) || HELP_CUE.test(full) || (sure === 'help' && !kinds.length)))
      return { kind: 'help' };
    // "dependency installer that's faster than pip", "task queue simpler than celery", "an api framework like fastapi but
    // more opinionated": a kind named, then how it must beat the name, asks for the alternatives that do, as picks ordered
    // by it, not the card of the one named. With no kind first ("something lighter than django") it is still the card.
    // (Cross-validated +4, none lost; also without a kind first, -35 tuning.)
    const rival = packages.length === 1 ? packages[0]?.entry : undefined;
    const better = COMPARATIVE.exec(t);
    const needFirst = () =>
      t
        .slice(0, better?.index ?? 0)
        .split(/[\s,;:—]+/)
        .some(
          (w) =>
            /^[a-z]{3,}$/.test(w) &&
            this.isVocabulary(w) &&
            !FILLER.has(w) &&
            !COMMON_WORDS.has(w) &&
            !SIMILAR.has(w) &&
            !packages.some((m) => m.text.split(' ').includes(w)),
        );
    // (Asked from any angle when the name comes right after "than": "a scheduler that's more powerful than schedule, for
    // cron syntax". And the words before it read without their commas: "simple job queue, much simpler than celery".
    // Cross-validated +3, none lost.)
    const thanIt =
      better !== null &&
      / than$/.test(better[0]) &&
      packages[0]?.start === tokens(t.slice(0, better.index + better[0].length)).length;
    if (
      rival?.type === 'package' &&
      (focus === 'alternatives' || thanIt) &&
      better &&
      !unknownBeside.length &&
      needFirst()
    )
      return {
        kind: 'recommend',
        need: [],
        of: rival,
        context: [],
        exclude: [],
        purpose: [...purposeWords, ...positive(better[0])],
      };
    // "pygame but actively maintained", "requests but async": a message opening on one name, then "but" and what it must
    // have, asks for the alternatives that have it (not "celery but it keeps crashing", a clause of its own).
    const opener = packages.length === 1 ? packages[0] : undefined;
    // (Cross-validated +3, none lost.)
    if (
      opener &&
      rival?.type === 'package' &&
      opener.start === 0 &&
      toks[opener.end]?.text === 'but' &&
      !BUT_CLAUSE.test(toks[opener.end + 1]?.text ?? '') &&
      !unknownBeside.length
    )
      return { kind: 'recommend', need: [], of: rival, context: [], exclude: [], purpose: purposeWords };
    // "…someone said 'just use pooling' — what is that actually?": asked what a thing the context named means,
    // the concept it named, not a package named beside it.
    const meant = ctx.concepts?.[ctx.concepts.length - 1];
    if (meant && MEANING.test(t) && live.every((m) => setting.includes(m))) return asEntry(meant);
    // "got a celery tip?", "one security tip for our django portal": a tip about what is named.
    if (packages.length && TIP_WORD.test(t) && prefer !== 'checklist' && !COMPARE_CUE.test(t) && !against.length)
      return this.tipOn([...words, ...live.map((m) => m.text)], live);
    // "how do webhooks work", "how does celery work": what the one thing named is.
    const [one1] = live;
    if (live.length === 1 && one1 && HOW_WORKS.test(t)) return asEntry(one1);
    // "what's gradient boosting anyway", "ok dumb q but what even is a virtualenv": only what the one concept, checklist
    // or stack named is, whatever the classifier makes of the words. (Cross-validated +11, none lost.)
    if (
      live.length === 1 &&
      one1 &&
      one1.entry.type !== 'package' &&
      WHAT_IS_ONLY.test(
        toks
          .slice(0, one1.start)
          .map((tk) => tk.text)
          .join(' '),
      ) &&
      toks.slice(one1.end).every((tk) => tk.sep || AFTER_WHAT_IS.has(tk.text))
    )
      return asEntry(one1);
    // "what's that thing fastapi is built on top of", "base lib under it?" (after "what's pandas"): the package
    // the knowledge says the named one is built on.
    const built = !BUILT_ON.test(t)
      ? undefined
      : packages.length === 1
        ? packages[0]?.entry
        : !packages.length && PRONOUN.test(t)
          ? ctx.packages[ctx.packages.length - 1]?.entry
          : undefined;
    const base = built?.type === 'package' ? foundationOf(this.kb, built) : undefined;
    if (base) return { kind: 'entry', entry: base, focus: 'overview', purpose: [], unknown: [] };
    // "what broker does celery need", "what does dramatiq run on": the services the knowledge relates the package to.
    const rests = packages.length === 1 && packages[0]?.entry.type === 'package' ? packages[0].entry : undefined;
    const restsOn = rests ? runsOnAsked(t, packages[0]?.text) : undefined;
    const under = rests && restsOn !== undefined ? servicesUnder(this.kb, rests, restsOn || undefined) : [];
    if (rests && under.length)
      return runsOn(
        [rests],
        under,
        negated.map((m) => m.entry),
      );
    // "what's the difference between a python developer and a data engineer": the concept weighing both.
    const weighs = COMPARE_CUE.test(t)
      ? weighedConcept(
          this.kb,
          toks.map((tk) => tk.text),
        )
      : undefined;
    if (weighs) return { kind: 'entry', entry: weighs, focus: 'overview', purpose: purposeWords, unknown: [] };
    // "…what the difference between WSGI and ASGI is, because her flask app and his fastapi app…": what is
    // weighed is what stands in "the difference between A and B", not every name the message holds.
    const between = this.between(toks, live);
    if (between) return between;
    // "should i learn django, flask or fastapi first?": the concept whose title weighs those names in these words.
    // With no name of its own, a question takes the names of the sentences around it ("…another says flask. which one first?").
    const ownNames = distinct(live.filter((m) => m.entry.type === 'package')).map((m) => m.entry.id);
    const titled = titledConcept(
      this.kb,
      [...toks.map((tk) => tk.text), ...ctx.words],
      ownNames.length ? ownNames : distinct(ctx.packages).map((m) => m.entry.id),
    );
    if (titled) return { kind: 'entry', entry: titled, focus: 'overview', purpose: purposeWords, unknown: [] };
    // "what's the usual git flow from branch to deploy": a checklist or stack asked for in its title's words.
    const listed = named.length
      ? undefined
      : titledList(
          this.kb,
          toks.map((tk) => tk.text),
        );
    if (listed && longestChain(toks, packages).length < 2)
      return { kind: 'entry', entry: listed, focus: 'overview', purpose: purposeWords, unknown: [] };
    // Nothing of the stack named, and the classifier sure the question is about something else, unless
    // it names a use the knowledge lists word for word and nothing strange ("what is a good job queue").
    const odd = [...new Set([...unknown, ...strangers, ...(ctx.outside ?? [])])];
    if (
      !live.length &&
      guess &&
      guess.label === 'unknown' &&
      guess.p >= SURE_UNKNOWN &&
      (odd.length > 0 || (!namesUse(this.kb, toks) && !inflectsConcept(this.kb, toks)))
    )
      return { kind: 'unknown', unrecognised: odd, words };
    // "any tips" about another stack's tool ("cargo build is slow, tips?", "xcode fails to sign the build, any tips") is no tip of ours.
    if (!packages.length && TIP_CUE.test(t) && prefer !== 'checklist' && !unknown.length)
      return this.tipOn(words, live);
    // Another language or its framework as the setting ("our php monolith needs a task queue", "express middleware for rate limiting"),
    // not weighed against a Python name, and no word of Python: a question about that stack.
    const languages = outside.filter(
      (o) =>
        ((this.kb.outside.get(o.text) === 'languages' && !builtWith(o.text)) ||
          // another stack's framework only where no Python name is ("scraping a react SPA with playwright" is Python's)
          (this.kb.outside.get(o.text) === 'frameworks' && !packages.length)) &&
        !against.some((a) => a.text === o.text) &&
        !nearConnector(toks, o.start),
    );
    // Unless two Python names are weighed against each other, the other stack only where the answer goes
    // ("httpx or aiohttp for calls to a java backend", "pytorch or tensorflow inside our kotlin app").
    if (languages.length && !ctx.python && longestChain(toks, packages).length < 2)
      return { kind: 'unknown', unrecognised: unknown, words };
    // The same of the sentences around the question ("…split between Spring Boot and Quarkus. Which one
    // starts faster?"): nothing of Python named anywhere, no word of Python, names of another stack.
    if (live.every((m) => setting.includes(m)) && !ctx.packages.length && ctx.outside?.length && !ctx.python)
      return { kind: 'unknown', unrecognised: [...new Set([...unknown, ...ctx.outside])], words };
    // "mongodb driver that works with asyncio, it's for a fastapi service": a service's clients asked for, not its setting
    // weighed (unless weighed outright, "postgres driver vs sqlite").
    const reached = this.clientNamed(toks, packages);
    if (reached && !STRONG_COMPARE.test(t)) return this.clientPicks(reached, packages, purposeWords, negated);
    // Names joined by "vs", "or", ","; a setting at the chain's edge ("…on vscode, mypy or pyright") stays out.
    const joinedNames = longestChain(toks, packages);
    const unset = joinedNames.filter((m) => !setting.includes(m));
    const chain = unset.length >= 2 ? unset : joinedNames;
    // "litestar compared to fastapi", "how is jax different from numpy": every name is an item.
    // (Not the setting, where two are weighed without it: "loguru vs the stdlib logging module for a small fastapi
    // service". And "sqlmodel vs sqlalchemy for the fastapi service", a name it does not know weighed against one it
    // knows, weighs nothing against the setting. Cross-validated +10 with the words for the standard library, none lost.)
    const settingOnly = subjects.length < 2 && unknownBeside.length > 0;
    const items =
      STRONG_COMPARE.test(t) && packages.length >= 2 && !settingOnly
        ? subjects.length >= 2
          ? subjects
          : // ("how is pytest different from unittest for a flask app": "from" is no setting there; the last one is.)
            packages.filter((m, i) => i < 2 || !setting.includes(m))
        : subjects;
    // ("yo what even is pydantic, it's all over the fastapi docs": names set apart only by a weak cue, a comma or an "or",
    // where the classifier is sure one package is asked about, are that package and its setting. Cross-validated +7;
    // names chained by commas alone, +7 more.)
    const aboutOne = sure?.startsWith('library/') && !STRONG_COMPARE.test(t);
    // (So are names joined only by commas and dashes after words of a question: "what's motor, the mongo thing"; a
    // bare list, "flask, django, fastapi?", is still one to compare.)
    const first = chain[0];
    const last = chain[chain.length - 1];
    const commasOnly =
      first !== undefined &&
      first.start > 0 &&
      last !== undefined &&
      !toks.slice(first.end, last.start).some((tk) => CONNECTORS.has(tk.text) && tk.text !== ',' && tk.text !== '—');
    const chained = chain.length >= 2 && !(aboutOne && commasOnly);
    if (chained || (items.length >= 2 && COMPARE_CUE.test(t) && focus === 'overview' && !aboutOne))
      return {
        kind: 'compare',
        items: (chain.length >= 2 ? chain : items).map((m) => m.entry),
        unknown,
        purpose: purposeWords,
      };
    // "loguru worth it or just stay with stdlib logging?", "is celery overkill next to rq": two or more names
    // of one category weighed in one question, though not joined by "vs".
    const group = largestGroup(packages);
    // Asked what the first is for ("when would I use starlette directly instead of fastapi"), it is that one's uses.
    // Whether the first is still worth it, "or is everyone on" the second: the first, from that angle.
    const worthOrTrend = focus === 'worth' && TREND_OR.test(t);
    if (
      group.length >= 2 &&
      group.length <= 4 &&
      CHOICE.test(t) &&
      !negated.length &&
      (focus !== 'uses' || OR_CLAUSE.test(t)) &&
      !worthOrTrend
    )
      return { kind: 'compare', items: group.map((m) => m.entry), unknown, purpose: purposeWords };
    // "…and how is it different from faker": the name the context gave, against the one named here.
    const before = ctx.packages[ctx.packages.length - 1];
    if (
      before &&
      packages.length === 1 &&
      PRONOUN.test(t) &&
      STRONG_COMPARE.test(t) &&
      before.entry.id !== packages[0]?.entry.id
    )
      return { kind: 'compare', items: [before.entry, (packages[0] as Mention).entry], unknown, purpose: purposeWords };
    // "…on an old Airflow. thinking of going to Prefect": the name the context gave, and the one it would move to.
    if (
      before &&
      packages.length === 1 &&
      SWITCH.test(t) &&
      before.entry.id !== packages[0]?.entry.id &&
      sameCategory(before.entry, (packages[0] as Mention).entry) &&
      !negated.length
    )
      return { kind: 'compare', items: [before.entry, (packages[0] as Mention).entry], unknown, purpose: purposeWords };
    // "…dramatiq as an alternative to celery. how do they compare?": the context's names, weighed.
    // "…one said elasticsearch, another said opensearch. what's the difference between the two?": the two of one kind.
    // ("deciding between rq and celery … we already run redis … which one?": the two it is choosing between.)
    const context = distinct(ctx.packages);
    // ("…we need a postgres driver that won't block the event loop. which one?": one of its clients.)
    if (ctx.reached && !live.length && (WEIGH.test(t) || WHICH_FITS.test(t)))
      return this.clientPicks(ctx.reached, context, purposeWords, negated);
    const pair = /\b(?:the|these|those) two\b|\bboth\b/.test(t) ? largestGroup(context) : [];
    const weighed = ctx.between ?? (context.length > 2 && pair.length === 2 ? pair : context);
    if (
      // (nothing of its own named: "what's the difference between wsgi and asgi" after flask and fastapi weighs the concept)
      !live.length &&
      (WEIGH.test(t) || WHICH_FITS.test(t)) &&
      weighed.length >= 2 &&
      weighed.length <= 4
    )
      return { kind: 'compare', items: weighed.map((m) => m.entry), unknown, purpose: purposeWords };
    // A known name set against an unknown one ("is marshmallow better than pydantic"): answer the known one.
    const partner = against.find((a) => a.partner)?.partner;
    if (partner && !negated.includes(partner)) return asEntry(partner);
    const orCues = (ws: string[]) =>
      ws.length ? ws : toks.filter((tk) => !tk.sep && !QUESTION_ONLY.has(tk.text)).map((tk) => tk.text);
    if ((prefer === 'stack' || prefer === 'checklist') && !subjects.length && !named.length)
      return {
        kind: 'search',
        // (The kind of thing it is about goes along, "library" or "package", to tell the lists apart.)
        words: [
          ...new Set([
            ...orCues(expand([...packages.map((m) => m.text), ...topicWords])),
            ...toks.filter((tk) => !tk.sep && KIND_WORDS.has(tk.text)).map((tk) => tk.text),
          ]),
        ],
        prefer,
        exclude: [],
      };
    // "what does 'batteries included' mean for django": a concept asked about, with a name as its setting.
    if (topics[0] && prefer === 'concept' && focus === 'overview' && subjects.length <= 1) return asEntry(topics[0]);
    // "which python fundamentals should I nail down before I touch django": a checklist or stack named, a name as its setting.
    if (named[0] && (prefer === 'checklist' || prefer === 'stack') && focus === 'overview' && subjects.length <= 1)
      return asEntry(named[0]);
    // "what can i use to talk to postgres from python", "mongodb from python — which library": the service's Python clients.
    // ("best postgres driver for an asyncio app": the one name that has clients is the service, the others its
    // setting; not when another is one of its clients, "is redis-py the thing for talking to redis".)
    const served = topics.length ? [] : packages.filter((m) => clientsOf(this.kb, m.entry).length > 0);
    const servedOne = served.length === 1 ? served[0] : undefined;
    const itsClient = (s: Mention) =>
      packages.some((m) => clientsOf(this.kb, s.entry).some((c) => c.id === m.entry.id));
    const service = packages.length === 1 ? packages[0] : servedOne && !itsClient(servedOne) ? servedOne : undefined;
    // "what do we use for talking to mongo from python these days": asked what people use, "these days" weighs nothing.
    const asksUse =
      focus === 'worth' && /\bwhat (?:do|does|should|would|can) (?:we|you|i|people|folks|one) use\b/.test(t);
    const clients =
      service && (focus === 'overview' || asksUse) && REACH.test(t) ? clientsOf(this.kb, service.entry) : [];
    if (service && clients.length) return this.clientPicks(service, packages, purposeWords, negated);
    // "what do u use for logging", "logging library recommendations": a name that is also its category's
    // name, in a request for picks, is the category.
    const topical = packages.length === 1 ? packages[0]?.entry : undefined;
    if (
      topical?.type === 'package' &&
      prefer === 'recommend' &&
      focus === 'overview' &&
      wordsOf(topical.category).includes(normKey(topical.name))
    )
      return this.recommend([normKey(topical.name)], [], negated, purposeWords, undefined, kinds);
    const one = subjects[0] ?? (focus !== 'overview' || !topicWords.length ? setting[0] : undefined);
    if (one) {
      // "postgres driver", "which lib for docx": the name may be the setting of a need; the engine
      // falls back to the name itself when the need's best pick is that name.
      // A concept that names a kind of package counts as the need ("which orm do fastapi people use"), when picks are asked for.
      if (
        focus === 'overview' &&
        (words.length || (topics.length && prefer === 'recommend')) &&
        // A question about the name itself ("is redis just a cache or what", "no clue what docker actually
        // does"), by its words or the classifier's sure read, with no thread or context to make it a setting: its card.
        !(
          prefer !== 'recommend' &&
          !ctx.packages.length &&
          !ctx.words.length &&
          !ctx.threaded &&
          (sure?.startsWith('library/') || asksAboutName(toks, one) || introducedBy(toks, one))
        ) &&
        subjects.length === 1 &&
        !one.typo &&
        one.entry.type === 'package' &&
        !unknown.length &&
        !learningIt(t, words)
      )
        return {
          ...this.recommend([one.text, ...topicWords], [one, ...around], negated, purposeWords, one, kinds),
          ...(prefer === 'recommend' ? { picksWanted: true } : {}),
          ...(unknownBeside.length ? { unknown: unknownBeside } : {}),
        };
      return asEntry(one);
    }
    if (named[0] && prefer && prefer !== 'recommend') return asEntry(named[0]);
    if (setting[0] && setting.length === 1 && (learningIt(t, topicWords) || introducedBy(toks, setting[0])))
      return asEntry(setting[0]);
    if (setting.length && topicWords.length)
      return {
        ...this.recommend(topicWords, around, negated, purposeWords, setting[0], kinds),
        // "anyone combined pvlib with pandas?": a name not known beside the setting is said if the setting answers.
        ...(unknownBeside.length ? { unknown: unknownBeside } : {}),
      };
    if (negated.length) {
      const need = topicWords.filter((w) => !NEGATION.has(w) && !TOO_MUCH_WORDS.has(w));
      // (One said to be too much asks for something lighter: "flask seems like overkill" does not lead with django.)
      const lighter = TOO_HEAVY.test(`${t} ${ctx.words.join(' ')}`) ? LIGHTER : [];
      return need.length
        ? this.recommend(need, ctx.packages, negated, [...need, ...ctx.words, ...lighter], undefined, kinds)
        : {
            kind: 'recommend',
            need: [],
            context: [],
            exclude: negated.map((m) => m.entry),
            purpose: lighter,
            of: negated[0]?.entry,
          };
    }
    // Names outside the stack make the question unknown, unless it says Python and asks for something of its own
    // ("calling a java service from python, which http client").
    if (unknown.some((u) => !builtWith(u)) && !(ctx.python && prefer && topicWords.length >= SHORT_QUESTION))
      return { kind: 'unknown', unrecognised: unknown, words };
    if (topics[0] && prefer === 'concept') return asEntry(topics[0]);
    const names = named.map((m) => m.text);
    // Cue words alone ("how to pick a python library") still say what is asked: search with them.
    const strange = strangers.length ? { unrecognised: strangers } : {};
    // Names we do not know decide the answer unless the rest is a clear question with a topic of its own.
    if (strangers.length && (topicWords.length < STRANGER_TOPIC || !prefer))
      return { kind: 'unknown', unrecognised: strangers, words };
    if (!names.length && !topicWords.length && prefer && prefer !== 'recommend')
      return { kind: 'search', words: orCues([]), prefer, exclude: [], ...strange };
    // A bare topic ("orm", "computer vision") asks for the packages of that topic first.
    const bare = !prefer && (topics.length > 0 || named.length > 0);
    return {
      kind: 'search',
      words: expand([...names, ...topicWords]),
      ...(prefer ? { prefer } : bare ? { prefer: 'recommend' as const } : {}),
      exclude: [],
      ...strange,
      ...(kinds.length ? { kinds } : {}),
      ...(ctx.words.length ? { purpose: purposeWords } : {}),
      ...(guess && PREFERS.has(guess.label) && guess.label === prefer && guess.p >= SURE_PICKS ? { loose: true } : {}),
    };
  }

  /** `fallback`: the entry to answer when the need turns out to be nothing the knowledge covers. */
  private recommend(
    need: string[],
    context: Mention[],
    negated: Mention[],
    purpose: string[],
    fallback?: Mention,
    kinds: string[] = [],
  ): Query {
    // ("orm for a fastapi app": the app is what is built, not part of the need, unless nothing else is.)
    const kept = need.some((w) => !BUILT_THING.has(w)) ? need.filter((w) => !BUILT_THING.has(w)) : need;
    return {
      kind: 'recommend',
      need: expand(kept),
      context: context.map((m) => m.entry),
      exclude: negated.map((m) => m.entry),
      purpose,
      ...(fallback ? { fallback: fallback.entry } : {}),
      ...(kinds.length ? { kinds } : {}),
    };
  }

  /** An explicit command word first ("compare a b", "lib x", "checklist security"). */
  private command(text: string): Query | undefined {
    const [first = '', ...rest] = text.split(' ');
    const intent = commandIntent(first);
    if (!intent) return undefined;
    const words = rest.join(' ').replace(/^(?:for|on|about|of|an?|the)\s+/, '');
    const toks = tokens(words);
    switch (intent) {
      case 'help':
        return words ? undefined : { kind: 'help' };
      case 'about':
        return words ? undefined : { kind: 'about' };
      case 'tip':
        return { kind: 'tip', topic: contentWords(toks, new Set(), []) };
      case 'checklist':
      case 'stack':
        return { kind: 'pick', type: intent, topic: contentWords(toks, new Set(), []) };
      case 'compare': {
        // After "compare" every word stands in a name's place: "compare celery rq" names RQ.
        const mentions = this.linker.link(toks, { pointed: true });
        const taken = new Set(mentions.flatMap((m) => range(m.start, m.end)));
        const unknown = toks.filter(
          (tk, i) => !tk.sep && !taken.has(i) && !CONNECTORS.has(tk.text) && !FILLER.has(tk.text),
        );
        const items = distinct(mentions).map((m) => m.entry);
        if (items.length >= 2) return { kind: 'compare', items, unknown: unknown.map((u) => u.text), purpose: [] };
        if (unknown.length) return { kind: 'unknown', unrecognised: unknown.map((u) => u.text), words: [] };
        if (items[0])
          return {
            kind: 'help',
            lead: `Give me two to four names to compare with ${items[0].id}, e.g. compare django flask fastapi.`,
          };
        return { kind: 'help', lead: 'Give me two to four names to compare, e.g. compare django flask fastapi.' };
      }
      case 'library':
        return words ? this.read(words) : { kind: 'help' };
      case 'recommend': {
        if (!words) return { kind: 'help' };
        // "find database migrations": a category's name gets its packages, though a concept shares the name.
        const need = words.split(' ');
        if (categoryNamed(this.kb, need).length)
          return { kind: 'recommend', need, context: [], exclude: [], purpose: [] };
        const q = this.read(words);
        if (q.kind !== 'search') return q;
        return { kind: 'recommend', need: q.words, context: [], exclude: [], purpose: q.words };
      }
      default:
        return undefined;
    }
  }

  /**
   * Whether a word stands in a list of names: beside a joining word ("go or rust", "java vs go"), or beside a
   * comma or dash with a name on its other side ("java, go"); "computer vision libs, go", "in one go — what…" are not.
   */
  private listedBeside(toks: readonly Token[], i: number, mentions: Mention[]): boolean {
    const named = (j: number) => {
      const tk = toks[j];
      return Boolean(tk && (mentions.some((m) => j >= m.start && j < m.end) || this.kb.outside.has(tk.text)));
    };
    return [-1, 1].some((d) => {
      const tk = toks[i + d];
      if (!tk || !CONNECTORS.has(tk.text) || tk.text === 'and') return false;
      return !/^[,—?]$/.test(tk.text) || named(i + 2 * d);
    });
  }

  /** Names of things outside the Python stack ("java", "spring boot"), as token spans. */
  private outside(
    toks: readonly Token[],
    mentions: Mention[],
  ): { text: string; start: number; end: number; background?: boolean }[] {
    const out: { text: string; start: number; end: number; background?: boolean }[] = [];
    const busy = (i: number) => mentions.some((m) => i >= m.start && i < m.end);
    for (let i = 0; i < toks.length; i++) {
      for (let n = 3; n >= 1; n--) {
        const span = toks.slice(i, i + n);
        if (span.length < n || span.some((tk, k) => tk.sep || busy(i + k))) continue;
        const text = span.map((tk) => tk.text).join(' ');
        if (!this.kb.outside.has(text)) continue;
        // An everyday word ("go", "express") is the other stack's name beside a connector, before a word of a
        // codebase or its people ("the go service", "express middleware", "node library", "go folks"), or last
        // after "for" or "in".
        if (
          n === 1 &&
          (COMMON_WORDS.has(text) || /^[a-z]{1,2}$/.test(text)) &&
          !this.listedBeside(toks, i, mentions) &&
          !(
            ['languages', 'frameworks'].includes(this.kb.outside.get(text) ?? '') &&
            (STACK_NOUNS.has(toks[i + 1]?.text ?? '') ||
              // "something like pytest for go?", "how do i do that in node": the question's last word, after "for" or "in".
              (/^(?:for|in)$/.test(toks[i - 1]?.text ?? '') && toks.slice(i + 1).every((tk) => tk.sep)))
          )
        )
          continue;
        // An outside name that is also an English word, used as the word: a verb ("react when files land")
        // or a comparative before a noun ("prettier tracebacks").
        const after = toks[i + 1];
        if (
          n === 1 &&
          this.isEnglish(text) &&
          !this.listedBeside(toks, i, mentions) &&
          (/^(?:when|to)$/.test(after?.text ?? '') ||
            (/[^e]er$/.test(text) &&
              Boolean(after && !after.sep && !/^(?:but|or|and|for|vs|is|in|on|like|with)$/.test(after.text))))
        )
          continue;
        // "shows a parcel at /api/…", "a parcel damage classifier": a tool's name that is an English word, after a
        // determiner and before no word of its own trade, is the everyday thing ("a helm chart" is still helm).
        if (
          n === 1 &&
          this.isEnglish(text) &&
          !this.listedBeside(toks, i, mentions) &&
          !['languages', 'frameworks'].includes(this.kb.outside.get(text) ?? '') &&
          DETERMINERS.has(toks[i - 1]?.text ?? '') &&
          !TOOL_NOUNS.has(toks[i + 1]?.text ?? '')
        )
          continue;
        // "hourly parcel volumes", "a cli parcel tracker": another stack's tool whose name is an English word, inside the
        // message and before an English word that is none of its trade's, is the everyday thing ("terraform state got
        // locked" opens on the tool). Cross-validated +3, none lost.
        const next = toks[i + 1];
        if (
          n === 1 &&
          i > 0 &&
          this.isEnglish(text) &&
          !isUncovered(this.kb, text) &&
          !this.listedBeside(toks, i, mentions) &&
          !['languages', 'frameworks'].includes(this.kb.outside.get(text) ?? '') &&
          next &&
          !next.sep &&
          this.isEnglish(next.text) &&
          !FILLER.has(next.text) &&
          !CONNECTORS.has(next.text) &&
          !TOOL_NOUNS.has(next.text) &&
          !STACK_NOUNS.has(next.text) &&
          !this.kb.outside.has(next.text)
        )
          continue;
        // "to react", "renders with javascript": a verb, or the setting of a Python question.
        // (A Python package it does not cover is named there all the same: "serve it with waitress".)
        if (['to', 'with', 'via', 'using'].includes(toks[i - 1]?.text ?? '') && !isUncovered(this.kb, text)) continue;
        // "the site is all javascript", "needs javascript to render", "javascript-heavy pages": a stack describing the
        // site a Python tool works on, in words the knowledge itself uses, is no other stack's question.
        if (
          n === 1 &&
          this.isVocabulary(text) &&
          !this.listedBeside(toks, i, mentions) &&
          (/^(?:all|by|needs?|with|much|of|heavy|full)$/.test(toks[i - 1]?.text ?? '') ||
            /^(?:heavy|based|rendered|render|to|sites?|pages?|portal)$/.test(toks[i + 1]?.text ?? ''))
        )
          continue;
        // "a plain html table, no javascript": a stack said not to be there is no setting.
        if (NEGATION.has(toks[i - 1]?.text ?? '')) continue;
        // "most of us come from java", "moving off junit": where the asker comes from is their setting, not the question.
        if (
          n <= 2 &&
          /^(?:from|off)$/.test(toks[i - 1]?.text ?? '') &&
          /^(?:come|coming|came|moving|move|migrating|switching|over)$/.test(toks[i - 2]?.text ?? '')
        )
          continue;
        // "java dev moving to python", "our php guy asks…": people described by another stack, in a message about
        // Python or a name it knows, are the asker's background, not the question's setting.
        const background =
          PEOPLE.test(toks[i + n]?.text ?? '') && (mentions.length > 0 || toks.some((tk) => tk.text === 'python'));
        // The people word goes with it ("java dev"): neither is a word of the question.
        out.push({ text, start: i, end: i + n + (background ? 1 : 0), ...(background ? { background } : {}) });
        i += n - 1;
        break;
      }
    }
    return out;
  }

  /**
   * Words set against a name that name nothing we know: either side of "vs", or the far side of
   * "or", "than", "instead of", "from … to" when the near side is a known name (its partner).
   */
  private unknownItems(
    toks: readonly Token[],
    mentions: Mention[],
    outside: { start: number; end: number }[],
  ): { text: string; partner?: Mention }[] {
    const mentionAt = (i: number) => mentions.find((m) => i >= m.start && i < m.end);
    const busy = (i: number) => Boolean(mentionAt(i)) || outside.some((o) => i >= o.start && i < o.end);
    const out: { text: string; partner?: Mention }[] = [];
    toks.forEach((tk, j) => {
      // A connector word inside a name ("vs" in "vs code") sets nothing against anything.
      if (mentionAt(j)) return;
      const strong = STRONG_CONNECTORS.has(tk.text);
      const pair = `${toks[j - 1]?.text ?? ''} ${tk.text}`;
      // "has anyone compared polars with pandas": the two sides of "compared … with".
      const compared = /^(?:with|to|and)$/.test(tk.text) && /^compar(?:e|ed|ing)$/.test(toks[j - 2]?.text ?? '');
      if (!strong && !compared && !AGAINST.has(tk.text) && !AGAINST_PAIRS.has(pair)) return;
      const word = (w: string) => this.isEnglish(w) || this.isVocabulary(w) || COMMON_WORDS.has(w);
      const left = side(toks, j, -1, word);
      const right = side(toks, j, 1, word);
      for (const [i, other] of [
        [left, right],
        [right, left],
      ] as const) {
        if (i < 0 || busy(i)) continue;
        // Only a package is set against a name ("…production ready or will it bite us" sets no checklist against "bite").
        const at = other >= 0 ? mentionAt(other) : undefined;
        const partner = at?.entry.type === 'package' ? at : undefined;
        const outsider = other >= 0 && outside.some((o) => other >= o.start && other < o.end);
        if (!strong && !partner && !outsider) continue;
        const w = toks[i]?.text ?? '';
        // ("loguru vs the stdlib logging module": what ships with Python is no tool it does not know.)
        if (STDLIB_WORD.test(w)) continue;
        // An English word set against a name by "or" or "than" is a name only with nothing but a comparative or a
        // little word between them ("flask or bottle", "arrow or just pandas", "marshmallow better than pydantic"),
        // not across other words ("celery worth learning or overkill", "black or is that outdated").
        const across =
          !plainBetween(toks, i, j, this.isEnglish) || (other >= 0 && !plainBetween(toks, other, j, this.isEnglish));
        // ("something less painful than argparse": after "less" or "more", an English word says how, and names nothing.)
        const graded = /^(?:less|more)$/.test(toks[i - 1]?.text ?? '');
        // ("…onto django or spin up a separate service": an English verb before its particle is no name.)
        const phrasal = i > j && /^(?:up|out|off|down|over|away)$/.test(toks[i + 1]?.text ?? '');
        if (!strong && (across || graded || phrasal) && this.isEnglish(w)) continue;
        // Set against a known name with "vs", an everyday word is a name too ("pytest vs nose").
        if (this.unknownWord(w, Boolean(strong && partner))) out.push(partner ? { text: w, partner } : { text: w });
      }
    });
    return out;
  }

  /**
   * Whether the message's only alternatives cue is "instead of" or a comparative "than" followed by no
   * name and no pronoun ("vectorize instead of looping in pandas", "faster than a for loop").
   */
  private againstNothing(t: string): boolean {
    const stripped = t.replace(AIMED, (all, next: string) =>
      this.kb.names.has(normKey(next)) ||
      /^(?:it|this|that|them|those|these|one|ones|stdlib|builtin|built-in|default|standard|usual|current|existing|official|old)$/.test(
        next,
      )
        ? all
        : ' ',
    );
    return stripped !== t && !FOCUS_CUES.some(([focus, re]) => focus === 'alternatives' && re.test(stripped));
  }

  /**
   * The things "the difference between A and B" weighs, when other names stand elsewhere in the
   * message: one concept both sides name, or two packages compared; undefined otherwise.
   */
  private between(toks: readonly Token[], live: Mention[]): Query | undefined {
    const at = toks.findIndex((tk, i) => /^diff(?:erence)?s?$/.test(tk.text) && toks[i + 1]?.text === 'between');
    const [a, b] = at < 0 ? [] : (sidesOfBetween(toks, live, at + 1) ?? []);
    if (!a || !b) return undefined;
    if (live.every((m) => m === a || m === b || m.entry.id === a.entry.id || m.entry.id === b.entry.id))
      return undefined;
    if (a.entry.id === b.entry.id)
      return { kind: 'entry', entry: a.entry, focus: 'overview', purpose: [], unknown: [] };
    if (a.entry.type === 'package' && b.entry.type === 'package')
      return { kind: 'compare', items: [a.entry, b.entry], unknown: [], purpose: [] };
    return undefined;
  }

  /** `common`: an everyday word may be a name (it stands where a name must). */
  private unknownWord(w: string, common = false): boolean {
    return (
      w.length > 1 &&
      !FILLER.has(w) &&
      (common || !COMMON_WORDS.has(w)) &&
      !CUE_WORDS.has(w) &&
      !this.isVocabulary(w) &&
      !/^[\d.]+[a-z]*$/.test(w) &&
      // "funeral-y", "prod-ish": a compound of words and suffixes is no name.
      !(w.includes('-') && w.split('-').every((p) => p.length <= 2 || COMMON_WORDS.has(p) || this.isEnglish(p)))
    );
  }
}

/** Whether the words strictly between tokens a and b are only comparatives ("better") and little words ("just"). */
function plainBetween(toks: readonly Token[], a: number, b: number, isEnglish: (w: string) => boolean): boolean {
  for (let k = Math.min(a, b) + 1; k < Math.max(a, b); k++) {
    const w = toks[k]?.text ?? '';
    if (!/^(?:just|plain|simply|a|an|the|instead|rather|compared|over)$/.test(w) && !grading(w, isEnglish))
      return false;
  }
  return true;
}

/** The uses the knowledge lists for its packages, and their categories, of two words or more ("job queue"). */
const usesOf = derived(
  (kb) =>
    new Set(
      [...kb.entries.values()].flatMap((e) =>
        e.type === 'package'
          ? [...e.use_cases, e.category].map((u) => u.toLowerCase()).filter((u) => u.includes(' '))
          : [],
      ),
    ),
);

/** Words before a language that say a page or site is made with it ("a site that uses javascript", "lean on javascript"). */
const RENDERED_BY = /^(?:uses|use|using|with|on|by|needs|need|requires|require|runs|run|via|loads|load)$/;
/** Words after it that say the same ("javascript heavy", "javascript-rendered"). */
const RENDERS = /^(?:heavy|rendered|rendering|renders|generated|driven|powered|based|built|loaded|only)$/;
/** The words of the uses the knowledge lists for its packages ("javascript" of "javascript rendered pages"). */
const useWordsOf = derived(
  (kb) =>
    new Set(
      [...kb.entries.values()].flatMap((e) =>
        e.type === 'package' ? e.use_cases.flatMap((u) => u.toLowerCase().split(' ')) : [],
      ),
    ),
);

/**
 * Whether two or three words in a row are a use the knowledge lists word for word ("what is a good job
 * queue"): the message asks for a need in the stack, whatever else its words look like ("good job").
 */
function namesUse(kb: Knowledge, toks: readonly Token[]): boolean {
  const uses = usesOf(kb);
  for (let i = 0; i < toks.length; i++)
    for (let n = 2; n <= 3 && i + n <= toks.length; n++)
      if (
        uses.has(
          toks
            .slice(i, i + n)
            .map((t) => t.text)
            .join(' '),
        )
      )
        return true;
  return false;
}

/** Whether a link's label is only its host ("djangoproject.com" for https://www.djangoproject.com). */
function sameHost(url: string, label: string): boolean {
  const host = /^https?:\/\/(?:www\.)?([^/:?#]+)/.exec(url)?.[1];
  return Boolean(host) && label.replace(/^www\./, '').replace(/\/$/, '') === host;
}
