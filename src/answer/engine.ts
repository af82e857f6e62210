/**
 * The answer engine: one pure function from question text to a typed Answer. It splits a
 * message into its question (and a second one, or the context around it), reads a follow-up
 * with the thread's previous question, parses each into slots, and builds the answer.
 *
 * @example
 * const engine = createEngine({ knowledge, index });
 * engine.answer('django vs flask').intent // 'compare'
 * engine.answer('and for async?', { previous: 'what http client should I use' }).intent // 'recommend'
 */
import { Slips } from './slips.js';
import { categoryWords, entryName, isUncovered, type Knowledge, knowledgeVersion } from '../knowledge/model.js';
import { isEnglish as packagedEnglish } from '../knowledge/english.js';
import { withStandards } from './team.js';
import { EntryRanker, type EntryModel } from './ranker.js';
import { rankedAnswer, settle } from './rerank.js';
import { hasTerm, nearTerm, type SearchIndex } from '../knowledge/search-index.js';
import { COMMON_WORDS, FILLER } from './words.js';
import { proseWords } from '../knowledge/prose.js';
import { clientsOf, isClient, runsOn, runsOnAsked, servicesOf, servicesUnder } from './clients.js';
import { normKey } from '../knowledge/load.js';
import { classify, features, type IntentModel } from './classifier.js';
import {
  BUILT_IN_ONE,
  COMPARATIVE,
  COMPARE_CUE,
  EXPLAIN,
  FOCUS_CUES,
  FOLLOW_UP,
  NAMING,
  positive,
  STDLIB_WORD,
  STRONG_COMPARE,
  THANKS_ONLY,
  WEIGH,
} from './cues.js';
import { NameIndex } from './names.js';
import { tokens } from './tokens.js';
import { CUE_WORDS, Parser, type Prefer, type Query, type ReadOptions } from './parse.js';
import { forgetSearches } from './search.js';
import { besides, build, withNote } from './respond.js';
import { cleanText, MAX_QUERY_CHARS, normalize, stripSlackMarkup } from './text.js';
import type { Answer, Focus } from './types.js';
import type { Entry, PackageEntry } from '../knowledge/model.js';
import { alternativesOf } from './entry.js';
import { installsNamed } from './installs.js';
import { pickLine } from './labels.js';
import { leftOut, madeFor } from './recommend.js';
import { linkNames } from './links.js';
import { byFit, overlap } from './purpose.js';
import { joinAnd } from './util.js';

export interface EngineOptions {
  knowledge: Knowledge;
  index: SearchIndex;
  /** Whether a word is English (`openKnowledge` passes the list `npm run build` sorted). */
  isEnglish?: (word: string) => boolean;
  /** The intent classifier trained at build time; without it, cue words alone decide. */
  intents?: IntentModel;
  /** The tuning questions' words per entry, for the entry ranker; without it, entries' own text alone. */
  entryModel?: EntryModel;
  /** The entry ranker already made for this knowledge and model (the build packs one); else made here. */
  ranker?: EntryRanker;
}

export interface AnswerOptions {
  /** Which tip to give for a tip request (doors pass the day number for a tip of the day). */
  tipSeed?: number;
  /** The previous question in the same thread, for follow-ups ("and for async?"). */
  previous?: string;
}

export interface Engine {
  answer(text: string, options?: AnswerOptions): Answer;
  readonly knowledge: Knowledge;
}

/**
 * How sure the classifier must be that a message is out of scope before names that are everyday words
 * ("celery", "pillow") are read as the everyday things.
 */
const EVERYDAY_SENSE = 0.5;
/** Words of another trade that, around only everyday-word names with no support, make them the everyday things. */
const OTHER_TRADE_WORDS = 3;
/** Intents that answer a question with content; the rest say what the bot is or that it does not know. */
const CONFIDENT = new Set(['compare', 'library', 'recommend', 'checklist', 'stack', 'concept', 'tip']);
/**
 * A sentence that asks something (a question mark, or a question word first). ("When it fails at 3am nobody knows
 * why": "when" before a clause of its own opens a statement; it asks before a verb, "when should we…". Cross-validated
 * +3, none lost.)
 */
const ASKS =
  /\?\s*$|^(?:what|whats|which|how|hows|should|shall|is|are|can|could|would|do|does|any|anything|where|when(?= (?:should|would|do|does|did|is|are|can|could|will|to|shall)\b)|why|who|compare|tell|explain|eli5|recommend|suggest|need|looking|best|alternatives?|got|give|show|difference|good)\b/;
/**
 * Words that open a question, or a statement when its sentence ends with a full stop before the message's question
 * ("got through the basics last month.", "would love to generate them from python.", "need to read them weekly.").
 * Cross-validated +7 −1.
 */
const STATES_TOO = /^(?:got|would|need|looking|good|best|any|anything|give|show|tell)\b/;
/** Whether a sentence that might ask states instead: one of those words first, a full stop last. */
const statesFirst = (sentence: string) => STATES_TOO.test(sentence) && sentence.endsWith('.');
/** How a remark about the asker's setting starts ("we're on github enterprise", "she'll mostly build APIs"). */
const REMARK_START =
  /^(?:we|we're|were|we'll|i|i'm|im|i'll|our|my|she|she's|she'll|he|he's|he'll|they|they're|they'll|it|it's|its|the|this|that|there|those|these|all|most|half|everyone|nobody|(?:\S+ )?(?:team|users?|files?|data|app|site|service))\b/;
/** A remark longer than this many words is one, whatever its first word. */
const REMARK_WORDS = 8;
/** Words that ask, wherever they stand in a sentence. */
const ASKS_ANYWHERE =
  /\b(?:what|whats|what's|which|how|why|where|when|who|should|could|would|recommend|suggest|any|anything|vs|versus|or|alternatives?|instead)\b/;
/** "vs" or "versus" weighing two things; not the "vs" of the editor's name ("we're all on vs code"). */
const VERSUS = /\b(?:vs(?! code\b)|versus)\b/;
/** Words that mark a sentence as another question, not context ("also …", "btw …", "2) …", "+ …"). */
const SECOND_MARK =
  /^(?:also|plus|btw|separately|unrelated|secondly|second q\w*|2nd q\w*|another (?:one|thing|question)|one more|oh and|and also|q2|\(?2[.)]|[+&])(?=[\s,:]|$)/;
/** A few words that announce a question ("new grad question, sorry", "dumb q:") before the question itself. */
const PREAMBLE =
  /^(?:[a-z'-]+ ){0,3}(?:question|q|qn)\b[,:!.-]?(?:\s*(?:sorry|pls|please|but)\b[,:!.]?)?\s+(?=(?:what|whats|which|how|is|are|should|can|could|do|does|where|who|why)\b)/;
/** A part that states something about the asker or their setting ("we use django", "our app is slow"). */
const STATEMENT = /^(?:we|we're|were|i|i'm|im|our|my|it|it's|its|they|there|the team|us)\b/;
/** A verb that makes a part a statement ("the team is prototyping", "ops wants"), where nothing asks. */
const STATED = /\b(?:is|are|was|were|has|have|had|keeps?|wants?|needs?|uses?|runs?|got|gets)\b/;
const states = (part: string) => STATEMENT.test(part) || (STATED.test(part) && !ASKS.test(part));
/** A part that states a need ("something to parse the html", "a lib for pdfs"): a request, though it asks nothing. */
const NEED = /^(?:something|anything|a (?:lib|library|tool|package|module|way)|an? \S+ (?:lib|library|tool|package))\b/;
/** Where a second question may join the first inside one sentence: ", and …", ", also …", " — …", " btw …". */
const JOIN =
  /,\s+(?:and|also|plus|oh and|btw)(?:,?\s+(?:separately|also|unrelated))?,?\s+|\s+[—–]\s+(?:and\s+|also\s+|btw\s+)?|\s+(?:also|btw)\s+/;
/** A follow-up asking the thread's question again of something else ("same question", "same for rq", "ditto"). */
const SAME_QUESTION = /\bsame (?:question|q|thing|for|goes for|here)\b|\bditto\b|\bsame\s*$/;
/** Unknown words this short may be acronyms of everyday things ("sms", "crm") rather than names of tools. */
const MAX_ACRONYM = 3;
/** Words that open the second question of a message ("also,", "separately,", "oh and"). */
const LEAD_IN =
  /^(?:(?:and|also|plus|oh|then|but|so|ok|okay|separately|unrelated|followup|follow-up|secondly|second|next|btw|two things|one more|if not|if so|if yes|if no|otherwise|failing that|another one|another (?:thing|question)|\+)\b[\s,:]*|[+&]\s*|\(?[12][.)]\s*|q[12]\s*[:.)]\s*|(?:1st|2nd) q\w*\s*:\s*)+/;
/** Words that set a name in a follow-up against the thread's ("how does it compare to airflow", "over plain numpy"). */
const SET_AGAINST =
  /\b(?:vs|versus|compared?|comparison|than|over|or|against|differ(?:ent|ence)?|replaces?|replacing|substitute for|better|worse)\b/;
/** A follow-up that asks for something other than the thread's package ("something lighter?", "pick instead"). */
const OTHER_ONE =
  /\b(?:lighter|simpler|easier|nicer|cheaper|smaller|friendlier|leaner|higher[- ]level|more [a-z-]+ (?:one|option)|instead|replaces? it|replacement)\b/;
/**
 * Asking where to go from what the message named ("…unittest for years. what should we move to?", "where should we go
 * from here?"), naming no target after it: the one they have is left out of the picks. (Cross-validated +1.)
 */
const MOVE_ON =
  /\b(?:what|where|which)\b[^.?!]*\b(?:move|moving|switch|switching|migrate|migrating|go|upgrade) (?:over )?(?:to|from here)[^a-z0-9]*$|\bwhat (?:would|should|do) (?:you|we|i) replace (?:it|that|them|this) with\b/;
/** Words of a "the … one?" follow-up that describe nothing of a package. */
const DESCRIBES_NOTHING = new Set(
  'the a an one ones version option vs versus or and what about how is there any other more less that this it its thing tho though then'.split(
    ' ',
  ),
);
/** A follow-up that asks for one thing ("the newer one?", "async version?"), not a list. */
const ONE_THING = /\b(?:one|version|option)\b(?!s)/;
/**
 * A dotted path in code ("df.iterrows", "pd.read_csv", "os.environ.get") is no product name; one
 * ending like a web or package suffix ("socket.io", "chart.js") may be.
 */
const CODE_PATH = /^[a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)+$(?<!\.(?:js|io|rs|ai|net|org|com|dev|py|ts|sh|app))/;
/** A question of what things are, each ("what's X and Y", "what are they", "in one line each"). */
const LOOK_UP_EACH =
  /^(?:what(?:'s| is| are|s)|tell me about|explain|describe|remind me what)\b|\bwhat (?:are|r|do) (?:they|those|these|both|each)\b|\beach\b/;
/** How many times the entry ranker reads a long message's question beside its context (cross-validated: 2 beat 1). */
const QUESTION_WEIGHT = 2;
/** Words that point back at two or more things ("how do they compare", "which of the two"). */
const THEY = /\b(?:they|them|those|these|the two|both|either)\b/;
/** The same thing elsewhere: "the gcp equivalent", "anthropic counterpart?". */
const EQUIVALENT = /\b(?:equivalents?|counterparts?)\b/;
/** Where in a list of `n` an ordinal word counts to (-1: nowhere). */
function placeOf(ordinal: string, n: number): number {
  if (ordinal === 'latter' || ordinal === 'last') return n - 1;
  if (ordinal === 'middle') return n === 3 ? 1 : -1;
  return { first: 0, '1st': 0, former: 0, second: 1, '2nd': 1, third: 2, '3rd': 2 }[ordinal] ?? -1;
}
/**
 * One of a comparison counted to: "the second one", "first one —", "the 2nd one", "the last one", "the middle one"
 * (of three), "the former". Cross-validated +5 over "the first/second/former/latter" alone.
 */
const ORDINAL =
  /\b(?:the (first|1st|second|2nd|third|3rd|last|middle|former|latter)|(first|1st|second|2nd|third|3rd|last|middle))(?: one| option| choice| pick)\b|\bthe (first|second|former|latter)\b/;
/** A follow-up asking for another of the thread's kind: "the ML one", "and for the data folks?". */
// (Read after the follow-up's "and" is taken off: "and for the data folks?" is "for the data folks".)
const ANOTHER_OF_KIND = /\b(?:the|a|an) \S+(?: \S+)? one\b|^(?:ok |okay |so )?(?:and |what about |how about )?for\b/;
/** A follow-up asking for the async kind of the thread's package ("and an async one?", "if the caller is async code"). */
const ASYNC_WANTED = /\b(?:async|asyncio|asynchronous|non-?blocking)\b/;
/** …or for the kind that is not ("a plain sync one", "the non-async driver"). */
const SYNC_WANTED = /\b(?:non-?async|sync|synchronous)\b/;
/** Said not to be wanted: "nothing async anywhere", "not async code", "the non-async driver". */
const NOT_ASYNC =
  /\bnon-async\b|\b(?:no|not|nothing|without|never|non|isn'?t|aren'?t|don'?t need)\b(?: \S+)? (?:async|asyncio|asynchronous)\b/;
/** Asking for things to run at once, which is what async is for ("fire them concurrently", "actually await the calls"). */
const CONCURRENT = /\b(?:concurrent(?:ly)?|await|in parallel)\b/;
/** Sync said of what is wanted, not of a name it is part of ("carrier-sync worker"). */
const SYNC_SAID = new RegExp(`(?<!-)${SYNC_WANTED.source}`);
/** A package that is async by its own description. */
const ASYNC_PACKAGE = /\b(?:async|asyncio)\b/i;
/** Whether a package says, in its name or summary, that it is async. */
const isAsync = (p: PackageEntry) => ASYNC_PACKAGE.test(`${p.name} ${p.summary}`);
/** What one thing pointed at is or does: "what is it", "what's it for", "what does that one do". */
const WHAT_IS_IT =
  /^(?:so |ok |okay |but |and |wait )?(?:what(?:'s| is|s)|wtf is) (?:it|that one|this one)(?: (?:exactly|even|for|about|again))?$|^(?:so |ok |and )?what does (?:it|that one|this one) (?:do|even do|actually do)$/;

/** Whether the thread's pick can do something ("does it also format", "can they do async"): the words after it say what. */
const CAN_IT =
  /^(?:so |ok |okay |and |but |cool,? )?(?:does|do|can|will|could) (?:it|they|that one|this one|any of them|either of them) (?:also |even |actually |really )?(?:do |handle |support )?/;
/** "one that also formats", "any that handles retries?": of the thread's picks, those that do what is asked. */
const ONE_THAT =
  /^(?:so |ok |okay |and |but |cool,? )?(?:is there |are there |got |any )?(?:one|ones|any|something|anything) (?:that|which) (?:also |even |actually |really )?(?:does |do |handles? |supports? |can )?(?!(?:isn'?t|is not|not|doesn'?t|does not|don'?t|without|never)\b)/;
/** How to deal with a thing ("how do i spot it", "how can we avoid them"), or whether it is needed ("do we need one"). */
const CONCEPT_AGAIN =
  /^(?:so |ok |okay |and |but |cool,? )?(?:how (?:do|can|should|would|could) (?:i|we|you|one) (?:\S+ )?(?:spot|find|fix|avoid|prevent|detect|catch|handle|stop|deal with|debug|check for|test for|get rid of)|(?:do|does|would) (?:we|i|you) (?:even |really |actually )?need)\b/;
/** Entries shown whole: asked for together, each is shown. */
const SHOWN = new Set(['stack', 'checklist', 'concept']);
/** Words that ask for picks of a kind ("what's a good orm to pair with it", "which broker"), not for one thing. */
const ASKS_KIND = /\b(?:what|what's|whats|which|good|best|recommend|recommendations?|suggestions?|options)\b/;
/** A first sentence this short, before a marked second question, is a question itself. */
const SHORT_FIRST = 8;
/** A sentence that only invites answers to the one before it. */
const TAIL =
  /^(?:any )?(?:thoughts|ideas|opinions|suggestions|advice|recommendations|recs|input|takes)(?: anyone| pls| please)?[?!. ]*$|^(?:anyone|pls|please|help)[?!. ]*$/;
/** Courtesy words: thanks in its forms, and greetings. */
const THANKS_WORD = /\b(?:thanks?|thank (?:you|u|ya)|thx|thnx|ty|tysm|tyvm|cheers|appreciated?|kudos|much obliged)\b/;
/** Thanks that opens a message, with its punctuation ("thanks, …", "ty so much! …"). */
const THANKS_FIRST =
  /^(?:thanks?|thank (?:you|u|ya)|thx|thnx|ty|tysm|tyvm|cheers|much appreciated)\b(?: (?:so|very) much| a lot| again)?[\s,!.:-]*/;
/** "ta" (thanks) alone or before a comma ("ta, legend"): "ta" before other words may be the package. */
const TA_FIRST = /^ta(?:$|,[\s,!.]*)/;
const GREETING = /^(?:hi|hey|hello|yo|hiya|howdy|heya|good (?:morning|afternoon|evening|day)|gm|morning)\b/;
/** A courtesy message is short; a longer one likely asks something too. */
const COURTESY_WORDS = 8;
/** Words that set names aside rather than weigh them ("don't want to bring in celery or airflow"). */
const NOT_WANTED = /\b(?:don'?t|do not|without|not|avoid|instead of|rather than)\b/;
/** How sure the classifier must be of what a repeating second question asks for, to look again. */
const SURE_SECOND = 0.5;
/** A thread message this short that names nothing of its own continues the thread. */
const SHORT_FOLLOW_UP = 6;
/** The message says "python" (the parser reads each part; a part may not hold it). */
const SAYS_PYTHON = /(?<!\b(?:no|not|without|zero) )\bpython3?\b/;
/** A follow-up that asks for a tool ("which library do people use for it", "any tools for that?"). */
const ASKS_FOR_TOOL =
  /\b(?:which|whats?|any|recommend|good|best|go-to)\b.*\b(?:libs?|library|libraries|tools?|packages?|modules?|frameworks?|sdks?|clients?|drivers?)\b|\bwhich (?:one|ones)\b.*\b(?:use|pick|run|choose|go with|start with|works?|fits?|plays?|goes|pairs?)\b|\bwhich (?:one|ones) (?:is|are) (?:the )?(?:most (?:popular|used|common)|best|standard|usual)\b|\bwhat (?:do|does|should) (?:people|ppl|folks|teams|most teams|python teams|python folks|we|i|you) (?:usually |normally |actually )?(?:use|run|pick)\b/;
/** Where a follow-up asking for a tool names its setting: "…with fastapi", "…for our django app". */
const SETTING_CLAUSE = /\b(?:with|for|in|on|inside|alongside|behind)\b.*$/;
/** "it" as the setting of what is asked: "to pair with it", "would you use for it", "on top of that". */
const WITH_IT = /\b(?:with|for|alongside|on top of|under|beside|behind|in front of|into)\s+(?:it|that|this)\b/;
/** A question of what a thing is ("what is starlette?", "tell me about fabric"), not which is better. */
const WHAT_IS_NAME =
  /^(?:what(?:'s| is| are)|whats|tell me about|explain)\s+(?!(?:better|best|faster|the (?:difference|best|better))\b)/;
/** One tool asked for in place of several: "one tool that…", "a single linter", "replaces all three". */
const ONE_TOOL =
  /\b(?:one|single|(?<!\+)1)\s+(?:\S+\s+)?(?:tool|thing|lib|library|package|linter|formatter|replacement)\b|\breplaces? (?:all|both|them)\b/;
/** A follow-up that gives only a setting: "for django tho?", "what about with fastapi", "and in a flask app?". */
const ONLY_SETTING =
  /^(?:(?:and|but|ok|okay|so|hmm) )?(?:(?:what|how) about )?(?:(?:we'?re|we are|i'?m|it'?s|its) (?:all )?(?:on|using|in) |(?:for|with|in|on|using) )(?:a |an |the |our |my )?\S+(?: (?:app|apps|project|projects|service|services|codebase|repo|api|backend|side|stack))?(?: (?:tho|though|then|instead|too))?[?!. ]*$/;
/**
 * A follow-up that says what the thread's setting is ("and if we already run redis?", "the rest of the service is
 * fastapi", "we're on github already"): the thread's picks, those related to it first. (Cross-validated +6 -1.)
 */
const SETTING_SAID =
  /^(?:(?:and|but|ok|okay|so|hmm|oh) )*(?:what )?if (?:we|i|you|they) (?:already |also )?(?:run|use|have|are on|'re on|re on)\b|\b(?:we|i)(?:'re| are|'m| am|re|m) (?:actually |already |all |mostly )?(?:on|using|in|running)\b|\bwe (?:already |actually )?(?:run|use|have)\b|\bthe rest (?:of (?:the |our )?\S+ )?(?:is|are)\b|\bour \S+ (?:is|are) (?:actually |all |already )?(?:on|in)\b/;
/** "is it faster than psycopg", "would that be simpler than celery": the thread's pick weighed against the name. */
const WEIGHS_IT = /^(?:(?:and|but|so|ok) )?(?:is|are|was|would|will) (?:it|they|that|this)\b/;
/** How many of a concept's packages a follow-up asking for a tool is given. */
const MAX_TOOLS = 5;
/** A pronoun that points at one thing said before ("does it format too", "is that one ok in prod"). */
const POINTS_BACK =
  /\b(?:(?:does|did|can|could|will|would|is|isn'?t|was|has|should)\s+(?:it|that|this)|(?:pick|picks|use|using|adopt|adopting|run|running|trust|learn|made|built|wrote|maintains|switch(?:ing)? (?:\S+ ){0,3}to)\s+(?:it|that|this))(?: one)?\b/;
/** A follow-up that asks for another thing beside the one before ("and migrations for it?", "something on top of it"). */
const ANOTHER_THING =
  /\b(?:something|anything|another|other|else|alternatives?|tools?|libs?|library|libraries|packages?|frameworks?|one that)\b|\b(?:for|with|on top of|under|beside|alongside|besides) (?:it|that|this)\b|\bchange (?:things|anything|much|the answer)\b/;
/** "does it work with X", "can it run inside X", "is it compatible with X": the thing the thread is about, in X. */
const WORKS_WITH =
  /\b(?:does|do|will|would|can|could|is|are)\b (?:it|that|this|they|that one|this one) (?:also |even |still )?(?:work|works|play|plays|run|runs|compatible|integrate|integrates|support|supports|go|fit)\b(?: \S+){0,2} (?:with|in|inside|on|alongside)\b/;
/** "what about for 3d?", "how about with a gpu?": a need added to the thread's question, like a condition. */
const ABOUT_FOR = /^(?:(?:and|but|ok|okay|so) )*(?:what|how) about (?:for|on|with)\b/;
/** A condition set on a thread's question: "and if …", "what if …", "does that change things", "fwiw". */
const CONDITION =
  /^(?:(?:and|but|ok|okay|so|hmm|also) )*(?:what )?(?:if|even if|assuming|given)\b|^(?:and |but |what about |how about )?for (?:a|an|the|our|my)\b|\b(?:does|would|will|could) (?:that|this|it) (?:change|tip|matter|affect|make a difference)|\bif (?:that|it) (?:matters|helps|changes anything)\b|\b(?:change|changes) (?:anything|things|the answer|your answer)\b|\bfwiw\b/;

/**
 * How much likelier (the entry ranker's log score) its best entry must be than an answer's lead to take its place:
 * for picks, its best package. Cross-validated on sixty-eight tuning files against never: +66 to +72 right from 25
 * to 40 (40 chosen: +71), +63 at 50; held-out +12. (Cards overruled too: +14 more, but a card about a thing the
 * words name, "is the first one production ready" after "airflow vs prefect", must stay, and kept so they gain nothing.)
 */
const OVERRULE_PICKS = 40;
/**
 * How far ahead of its next package the entry ranker must put a follow-up's own best package to take it as the one
 * asked for (20 lost more than it won, 50 won less; 30 by cross-validation).
 */
const OWN_SHARP = 30;
/**
 * How much surer the entry ranker must be of a package of the compared kind than of every compared one, for a
 * condition on a comparison ("and if they want to zoom and hover?") to be answered by it: half the margin by which
 * it overrules picks, as the comparison already says which kind is wanted (10 and 20 gained the same; 40 lost one).
 */
const BEYOND_OF_KIND = 20;
/** …and for a concept, checklist or stack: +10 at 45 to 60 (50 chosen), +0 at 30, +7 at 80; held-out +2. */
const OVERRULE_SHOWN = 50;
/**
 * How sure the classifier must be that picks were asked for to put them in place of a card. Cross-validated on
 * sixty-eight tuning files: +25 from 0.85 to 0.95 (+22 at 0.95), whether the ranker reads the thread or not;
 * held-out +7. (Cards from another angle, "alternatives to X", "is X worth it", lose as much as they gain.)
 */
const SURE_PICKS = 0.9;

/** A comparison of more names than this is a list of a setting's tools, not a question weighing them. */
const MAX_WEIGHED = 3;
/** The most names a comparison shows side by side. */
const MAX_COMPARED = 4;
/** A question with at most this many words of its own, naming nothing, says little by itself (cross-validated: 1 over 2, 3). */
const VAGUE_WORDS = 1;
/** A guess at the answer closing a question ("…, psycopg right?", "…, mypy?"): a few words after the last comma. */
const GUESS_TAIL =
  /,\s+([a-z0-9][\w.-]*(?:\s[a-z0-9][\w.-]*){0,2}?)(?:\s(?:right|correct|yeah|maybe|perhaps|i think|i guess|or something))?$/;
/** What a follow-up puts a name in place of ("fastapi instead of flask", "rather than poetry"). */
const INSTEAD_OF = /\b(?:instead of|in place of|rather than|replacing|to replace)\s+(.+)$/;
/** A follow-up that puts its name in the place of the thread's ("what about rq instead"). */
const INSTEAD = /\binstead\b/;

/** A follow-up that opens a need of its own: it starts "and…", "what about…", and no word in it points back. */
const opensNeed = (text: string): boolean => {
  const t = normalize(text);
  return FOLLOW_UP.test(t) && !PRONOUN.test(t.replace(FOLLOW_UP, ''));
};
/** A message that says, within its first words, it leaves the thread's subject. */
const UNRELATED =
  /^(?:\S+ ){0,3}(?:unrelated|off[- ]topic|totally different (?:question|topic)|new (?:question|topic)|change of (?:topic|subject)|different topic)\b/;

/** Words that point back at the thread's previous subject. */
const PRONOUN = /\b(?:it|its|that|this|these|those|them|they|one|ones|alternatives?|instead)\b/;

/** The words of a message that can describe a package: no filler, no common words. */
const describing = (text: string) =>
  text.split(' ').filter((w) => w && !DESCRIBES_NOTHING.has(w) && !COMMON_WORDS.has(w));
/** The lines of a package that say what it is and does, its name first. */
const linesOf = (p: PackageEntry) => [p.name, p.summary, pickLine(p), ...p.use_cases, ...p.why];

/** Builds the engine over loaded knowledge and its search index. */
export function createEngine({
  knowledge: kb,
  index,
  isEnglish = packagedEnglish,
  intents,
  entryModel,
  ranker: packed,
}: EngineOptions): Engine {
  const names = new NameIndex(kb);
  const vocabulary = (w: string) => hasTerm(index, w);
  const everyday = new Slips([...COMMON_WORDS, ...FILLER, ...CUE_WORDS, ...proseWords(kb)]);
  const nameLike = (w: string) =>
    w.length >= 3 &&
    !/['’]/.test(w) &&
    // "prod-ready", "cron-like", "funeral-y": a compound of known words (and suffixes) is no name.
    !(
      w.includes('-') &&
      w.split('-').every((p) => p.length <= 2 || COMMON_WORDS.has(p) || vocabulary(p) || isEnglish(p))
    ) &&
    /[a-z]/.test(w) &&
    !/^\d/.test(w) &&
    !CODE_PATH.test(w) &&
    !COMMON_WORDS.has(w) &&
    // "the stdlib logging module", "std logging": what ships with Python is no tool's name.
    !STDLIB_WORD.test(w) &&
    // "sres", "recs": the plural of an everyday word (cross-validated +1).
    !(/[^s]s$/.test(w) && COMMON_WORDS.has(w.slice(0, -1))) &&
    !vocabulary(w) &&
    !isEnglish(w) &&
    !nearTerm(index, w) &&
    // A slip on an everyday word ("alternatvies") is no name either.
    !everyday.mend(w);
  const isName = (w: string) => kb.names.has(normKey(w)) && normKey(w).length > 2;
  // The classifier is asked about the same text by several readings of one message: kept per message.
  const guesses = new Map<string, { label: string; p: number } | undefined>();
  const guess = intents
    ? (text: string) => {
        if (!guesses.has(text)) guesses.set(text, classify(intents, features(text, isName))[0]);
        return guesses.get(text);
      }
    : undefined;
  const slip = (w: string) => (isEnglish(w) ? undefined : everyday.mend(w));
  const reader = new Parser(kb, names, { isVocabulary: vocabulary, nameLike, guess, slip, isEnglish });
  // One message is read several ways (each sentence, with and without its context, whole): the same
  // reading is asked for more than once, so readings are kept for the message being answered.
  const readings = new Map<string, Query>();
  /** Whether the message being answered says "python" anywhere. */
  let python = false;
  const namings = new Map<string, string[]>();
  const parser = {
    read(raw: string, context?: string, given: ReadOptions = {}): Query {
      const options = python ? { ...given, python } : given;
      const key = JSON.stringify([raw, context ?? null, options]);
      let q = readings.get(key);
      if (!q) readings.set(key, (q = reader.read(raw, context, options)));
      return q;
    },
    /** `anyType`: entries of every type, not only packages. */
    named(text: string, anyType = false): string[] {
      const key = anyType ? `*${text}` : text;
      let ids = namings.get(key);
      if (!ids) namings.set(key, (ids = reader.named(text, anyType)));
      return ids;
    },
  };
  const version = knowledgeVersion(kb);
  const ranker = packed ?? new EntryRanker(kb, entryModel);
  /** The answer to a reading; `text`, the words it was read from, lets the entry ranker check retrieval's pick. */
  const respond = (q: Query, seed: number, text?: string) => {
    const a = build({ kb, index, names }, q, seed);
    return withStandards(kb, text ? settle(kb, ranker, q, a, { text, wanted: () => guess?.(text) }) : a);
  };

  /** An entry's card, from an angle. */
  const cardOf = (entry: Entry, seed: number, focus: Focus = 'overview') =>
    respond({ kind: 'entry', entry, focus, purpose: [], unknown: [] }, seed);

  /** Reads a message (normalised) in a thread with the thread's previous question. */
  function inThread(text: string, previous: string, seed: number, thread = false): Answer {
    const rest = text.replace(FOLLOW_UP, '').trim();
    const own = parser.read(rest, undefined, { threaded: true });
    const before = parser.read(previous);
    // "vs unittest?", "compared to pytorch?": the message sets its name against the thread's.
    const versus = /^(?:vs|or|versus|compared? (?:to|with)|against)\b/.test(text);
    const leaning =
      FOLLOW_UP.test(text) ||
      PRONOUN.test(rest) ||
      versus ||
      // "playwright better?" after "what is selenium": a short message setting a name against the thread's.
      (SET_AGAINST.test(rest) && rest.split(' ').length <= SHORT_FOLLOW_UP) ||
      // "which would you pick if we can't install anything extra" after "pytest vs unittest?".
      (before.kind === 'compare' && WEIGH.test(rest) && !reader.named(rest).length) ||
      (!namesSomething(own) && rest.split(' ').length <= SHORT_FOLLOW_UP);
    // The thread's own answer (what it led with, whether it was a card), worked out once and only when a rule asks.
    let prior: Answer | undefined;
    const priorAnswer = () => (prior ??= whole(normalize(previous), seed));
    const previousLead = () => ledWith(priorAnswer());
    // "and the mysql equivalent?" after an async postgres driver, "the google cloud equivalent" after boto3, "and the
    // django equivalent?" after alembic: the package that does for the thing named what the thread's package does.
    const about = before.kind === 'entry' && before.entry.type === 'package' ? before.entry : undefined;
    const lead = EQUIVALENT.test(rest) ? (about ?? previousLead()) : undefined;
    const equivalent = lead?.type === 'package' ? equivalentOf(lead, rest) : undefined;
    // (After picks, picks: one.)
    if (equivalent)
      return {
        ...(priorAnswer().intent === 'recommend' ? respond(picked([equivalent]), seed) : cardOf(equivalent, seed)),
        asked: `${previous} ${rest}`,
      };
    // "anthropic equivalent?" after the openai sdk, "the gcp equivalent" after boto3: the one package named, its card.
    const counterpart =
      own.kind === 'entry' && own.entry.type === 'package' && EQUIVALENT.test(rest) ? own.entry : undefined;
    if (counterpart && !parser.named(previous).includes(counterpart.id)) return cardOf(counterpart, seed);
    const another = anotherOfKind(rest, priorAnswer);
    if (another) return { ...another, asked: `${previous} ${rest}` };
    const counted = before.kind === 'compare' ? countedTo(rest, before.items, seed) : undefined;
    if (counted) return { ...counted, asked: `${previous} ${counted.asked}` };
    const variant = syncVariant(rest, previous, priorAnswer, seed);
    if (variant) return { ...variant, asked: `${previous} ${rest}` };
    // "what about for django though" after "a good orm for flask", "for fastapi tho?" after "mongodb client for
    // python": only a new setting for the thread's picks; those of their kind made for it first.
    const moved = settingMoved(rest, priorAnswer, seed);
    if (moved) return { ...moved, asked: `${previous} ${rest}` };
    // "worth adding to a 5 year old untyped codebase?" after "what's mypy", "ok for prod though? maybe 50 calls/min"
    // after "the standard http lib": an angle on the thread's package, whatever words of the setting it does not know.
    // (Cross-validated +5 -1; before the test of leaning back, as a word it does not know makes the message "name" it.)
    // (So is a search for nothing but the angle's own words and filler: "what are the alternatives though" after "we
    // use poetry for the repo", cross-validated +3.)
    const angle = FOCUS_CUES.find(([, re]) => re.test(rest));
    const bareAngle = own.kind === 'search' && angle && own.words.every((w) => FILLER.has(w) || angle[1].test(w));
    if (
      ((own.kind === 'unknown' && !own.unrecognised.some((w) => kb.outside.has(w))) || bareAngle) &&
      !reader.named(rest, true).length
    ) {
      const focus = angle?.[0];
      const it = focus ? (about ?? previousLead()) : undefined;
      if (it?.type === 'package') return { ...cardOf(it, seed, focus), asked: `${previous} ${rest}` };
    }
    // "something lighter than airflow, it's one script" after "how do we schedule the nightly job", "something lighter than
    // sqlalchemy" after "which orm for flask": the thread's picks and the name's alternatives, those that fit the
    // comparison first, the name left out (not "is it faster than psycopg", which weighs the two). Cross-validated +4.
    const better = COMPARATIVE.exec(rest);
    const namedHere = better ? parser.named(rest) : [];
    const than =
      better && / than$/.test(better[0]) && namedHere.length === 1 && !WEIGHS_IT.test(rest)
        ? kb.entries.get(namedHere[0] as string)
        : undefined;
    if (better && than?.type === 'package') {
      const shown = priorAnswer();
      const theirs = shown.intent === 'recommend' ? shown.subjects.map((x) => kb.entries.get(x.id)) : [];
      const pool = [...theirs, ...alternativesOf(kb, than)].filter(
        (e, i, all): e is PackageEntry => e?.type === 'package' && e.id !== than.id && all.indexOf(e) === i,
      );
      const picks = byFit(pool, [...positive(better[0]), ...rest.split(' ')]);
      if (picks.length)
        return {
          ...respond(picked(picks.slice(0, MAX_TOOLS), [], `Instead of ${than.name}`), seed),
          asked: `${previous} ${rest}`,
        };
    }
    // "what does it need as a broker then" after "is celery production ready?", "and what broker do we need?" after
    // "celery vs rq?": the services the thread's packages run on.
    // (The cheap word test first: linking the names is the costly part, and most follow-ups ask nothing of the kind.)
    const restsOn = runsOnAsked(rest);
    if (restsOn !== undefined && !parser.named(rest, true).length) {
      const it = about ?? previousLead();
      const on = (before.kind === 'compare' ? before.items : it ? [it] : []).filter(
        (e): e is PackageEntry => e.type === 'package',
      );
      const under = on.flatMap((p) => servicesUnder(kb, p, restsOn || undefined));
      if (under.length) return { ...respond(runsOn(on, under), seed), asked: `${previous} ${rest}` };
    }
    if (!leaning) return respond(own, seed);
    // "ok and rq? same question" after "is celery prod ready?": the thread's question, about the name given here.
    const again = SAME_QUESTION.test(rest) && before.kind === 'entry' && before.entry.type === 'package';
    const named1 = again ? reader.named(rest) : [];
    if (before.kind === 'entry' && named1.length === 1) {
      const entry = kb.entries.get(named1[0] as string) as Entry;
      return respond({ kind: 'entry', entry, focus: before.focus, purpose: before.purpose, unknown: [] }, seed);
    }
    // "and on the ios side, alamofire or urlsession?", "how do i write a helm chart for it": a follow-up about
    // names the knowledge does not have, and none it has, is about them: say so rather than answer the thread again.
    // (An acronym of three letters or fewer, "sms", may be a word of the question rather than a name.)
    if (
      own.kind === 'unknown' &&
      own.unrecognised.some((w) => w.length > MAX_ACRONYM || kb.outside.has(w)) &&
      !reader.named(rest, true).length
    )
      return respond(own, seed);
    // "or dramatiq?" after "thinking celery for the receipt emails", "typer vs that?" after "using click for the ops
    // cli": a thread that named one package, and a follow-up that sets one of its kind against it, compares the two.
    const mentioned = about ? undefined : onlyNamed(previous);
    const rival = mentioned ? onlyNamed(rest) : undefined;
    if (
      mentioned &&
      rival &&
      rival.id !== mentioned.id &&
      rival.category === mentioned.category &&
      (versus || SET_AGAINST.test(rest) || INSTEAD.test(rest))
    )
      return {
        ...respond({ kind: 'compare', items: [mentioned, rival], unknown: [], purpose: [] }, seed),
        asked: `${previous} ${rest}`,
      };
    // "and for mongo?" after "whats the async postgres driver", "ok and if it's mysql instead?" after "psycopg or
    // asyncpg?": the same question about another service's clients, in the thread's purpose.
    const service = own.kind === 'entry' ? own.entry : own.kind === 'recommend' ? own.fallback : undefined;
    const theirs = service ? clientsOf(kb, service) : [];
    if (service && theirs.length && (before.kind === 'compare' || before.kind === 'recommend')) {
      const earlier = before.kind === 'compare' ? before.items : (before.picks ?? []);
      if (earlier.length > 0 && earlier.every((e) => isClient(kb, e))) {
        const picks = byFit(theirs, previous.split(' '));
        return before.kind === 'compare' && picks.length >= 2
          ? respond({ kind: 'compare', items: picks.slice(0, before.items.length), unknown: [], purpose: [] }, seed)
          : respond(picked(picks, [entryName(service), 'clients']), seed);
      }
    }
    // A tool for the thread's thing: "is sqlite ok for the logger? also which python module do I use for it" gets
    // the service's Python clients; "which library do people use for it?" after "what's RAG" the packages the concept names.
    // ("which one should i use with fastapi" after "what's an orm": the name after "with" is only the setting, and
    // the concept's packages made to work with it come first.)
    const named = parser.named(rest);
    const toolSetting =
      named.length === 1 && !parser.named(rest.replace(SETTING_CLAUSE, '')).length
        ? kb.entries.get(named[0] as string)
        : undefined;
    if ((!named.length || toolSetting) && ASKS_FOR_TOOL.test(rest)) {
      const it = about ?? previousLead();
      const clients = it && !toolSetting ? clientsOf(kb, it) : [];
      if (clients.length && it) return respond(picked(clients, [entryName(it), 'clients']), seed);
      const related = (p: PackageEntry) =>
        Boolean(toolSetting && (p.related.includes(toolSetting.id) || toolSetting.related.includes(p.id)));
      const tools =
        it && it.type !== 'package' && (toolSetting || !namesSomething(own))
          ? it.related
              .map((id) => kb.entries.get(id))
              .filter((e): e is PackageEntry => e?.type === 'package' && e.id !== toolSetting?.id)
              .sort((a, b) => Number(related(b)) - Number(related(a)))
          : [];
      if (tools.length && it)
        return { ...respond(picked(tools.slice(0, MAX_TOOLS), [entryName(it)]), seed), asked: `${previous} ${rest}` };
    }
    // "what's a good orm to pair with it" after "is flask production ready?", "what vector db would you use for it"
    // after "what's RAG": "it" after with/for is the thread's subject; the question is read with its name there.
    const subject = WITH_IT.test(rest) && ASKS_KIND.test(rest) ? (about ?? previousLead()) : undefined;
    if (subject && !parser.named(rest).length) {
      const asked = rest.replace(WITH_IT, (m) => m.replace(/\b(?:it|that|this)\b/, subject.id.replace(/-/g, ' ')));
      const read = respond(parser.read(asked), seed, asked);
      if (CONFIDENT.has(read.intent) && read.subjects[0]?.id !== subject.id) return { ...read, asked };
    }
    // "how do i spot it in our django app" after "what's N+1?", "do we need one with 3 data scientists?" after
    // "what is a feature store": how to deal with the thread's concept, or whether it is needed, is the concept again.
    if (
      thread &&
      CONCEPT_AGAIN.test(rest) &&
      PRONOUN.test(rest) &&
      !reader.named(rest, true).some((id) => kb.entries.get(id)?.type !== 'package')
    ) {
      const led = previousLead();
      if (led?.type === 'concept')
        return {
          ...cardOf(led, seed),
          asked: `${previous} ${rest}`,
        };
    }
    // "does it also format?" after "recommend a linter": of the thread's picks, the one that does what is asked.
    // ("will it hold up at 2000 users" asks from an angle, answered below.)
    const angled = FOCUS_CUES.some(([, re]) => re.test(rest));
    const canIt = thread && !angled ? CAN_IT.exec(rest) : null;
    const can = canIt ?? (thread && !angled ? ONE_THAT.exec(rest) : null);
    if (can) {
      const prior = priorAnswer();
      const picks = prior.intent === 'recommend' ? prior.subjects : [];
      const asked = describing(rest.slice(can[0].length));
      const fitOf = (p: PackageEntry) => overlap(asked, [p.summary, pickLine(p), ...p.use_cases, ...p.why]);
      const fits = picks
        .map((x) => kb.entries.get(x.id))
        .filter((e): e is PackageEntry => e?.type === 'package')
        .map((p) => ({ p, n: fitOf(p) }));
      const most = Math.max(0, ...fits.map((f) => f.n));
      const best = fits.find((f) => f.n === most);
      // "can it rotate the log files" after "is loguru good": the card the thread showed, when its words hold what is
      // asked (picks there were none). Cross-validated +2.
      const shown = prior.intent === 'library' && canIt ? kb.entries.get(prior.subjects[0]?.id ?? '') : undefined;
      if (shown?.type === 'package' && !parser.named(rest).length && fitOf(shown) > 0)
        return { ...cardOf(shown, seed), asked: `${previous} ${rest}` };
      // "one that also formats" asks for picks still: those that do it first, in the thread's order.
      if (asked.length && most > 0 && best)
        return {
          ...(canIt
            ? cardOf(best.p, seed)
            : respond(picked([...fits].sort((x, y) => y.n - x.n).map((f) => f.p)), seed)),
          asked: `${previous} ${rest}`,
        };
    }
    // "does it work inside jupyter too" after "best lib for progress bars?", "does it work with pytest?" after
    // "what is hypothesis": what the thread's answer led with, the name after "with"/"in" only its setting.
    if (thread && WORKS_WITH.test(rest) && !versus) {
      const led = previousLead();
      const focus =
        led?.type === 'package' ? (FOCUS_CUES.find(([, re]) => re.test(rest))?.[0] ?? 'overview') : 'overview';
      if (led && !(own.kind === 'entry' && own.entry.id === led.id))
        return {
          ...cardOf(led, seed, focus),
          asked: `${previous} ${rest}`,
        };
    }
    if (about) {
      // "can it run ruff and mypy for us" after "what's pre-commit", "is it worth it if we already use fastapi" after
      // "what is drf": "it", before any name, is the thread's package, and the names after it only its setting; or
      // its rivals, where the words set them against it ("how does it compare to lightgbm and xgboost").
      const others = parser.named(rest).filter((id) => id !== about.id);
      const itAt = tokens(rest).findIndex((t) => t.text === 'it');
      if (others.length && itAt >= 0 && itAt < reader.firstNamed(rest) && !ASKS_KIND.test(rest)) {
        if (SET_AGAINST.test(rest)) {
          // Only its own kind, where it names some ("over sqlalchemy for our sqlite catalogue": not sqlite).
          const named = others.map((id) => kb.entries.get(id) as Entry);
          const rivals = named.filter((e) => e.type === 'package' && e.category === about.category);
          const items = [about, ...(rivals.length ? rivals : named)].slice(0, MAX_COMPARED);
          return {
            ...respond({ kind: 'compare', items, unknown: [], purpose: [] }, seed),
            asked: `${previous} ${rest}`,
          };
        }
        const focus = FOCUS_CUES.find(([, re]) => re.test(rest))?.[0] ?? 'overview';
        return { ...cardOf(about, seed, focus), asked: `${previous} ${rest}` };
      }
      // "how does it compare to airflow?", "vs pyright? we're all on vscode": the thread's name against the one named here.
      const named = own.kind === 'entry' && own.entry.type === 'package' ? [own.entry] : [];
      // "vs unittest? which one shd we standardise on" reads as a need set in unittest: the name is still set against.
      // So does "would you pick it over sqlalchemy for a tiny tool", read as a need set in sqlalchemy: one of its kind.
      // …and "what about catboost instead, loads of categorical features" after "xgboost for the demand model".
      const fallback =
        own.kind === 'recommend' &&
        own.fallback?.type === 'package' &&
        (versus || ((SET_AGAINST.test(rest) || INSTEAD.test(rest)) && own.fallback.category === about.category))
          ? [own.fallback]
          : [];
      const against = own.kind === 'compare' && versus ? own.items : named.length ? named : fallback;
      const other = against.find((e) => e.id !== about.id);
      // ("…instead" sets a name against it only when it is of its kind: "what about scrapy instead" after bs4.)
      const instead = INSTEAD.test(rest) && other?.type === 'package' && other.category === about.category;
      if (other && (versus || SET_AGAINST.test(rest) || instead))
        return respond({ kind: 'compare', items: [about, other], unknown: [], purpose: [] }, seed);
      // "how does it compare to the built-in one" after "is loguru worth it": what ships with Python for the same job.
      const builtIn = BUILT_IN_ONE.test(rest) ? builtInFor(about) : undefined;
      if (builtIn && !namesOwn(rest, about))
        return respond({ kind: 'compare', items: [about, builtIn], unknown: [], purpose: [] }, seed);
      // "async one?" after "what's pymongo", "vs the microsoft one?" after "what's mypy": the one of its kind the words describe.
      const described =
        !namesOwn(rest, about) &&
        own.kind !== 'compare' &&
        ONE_THING.test(rest) &&
        !WEIGH.test(rest) &&
        [undefined, 'recommend'].includes(preferOf(own))
          ? describedOne(about, rest)
          : undefined;
      if (described)
        return SET_AGAINST.test(rest)
          ? respond({ kind: 'compare', items: [about, described], unknown: [], purpose: [] }, seed)
          : cardOf(described, seed);
      // "any lighter alternative?", "should we switch the whole team to it?": the thread's name from another angle.
      // "something nicer?", "cheaper option?", "what would u pick instead": its alternatives.
      const focus =
        FOCUS_CUES.find(([, re]) => re.test(rest))?.[0] ?? (OTHER_ONE.test(rest) ? 'alternatives' : undefined);
      // The thread remembers what "it" was ("what do people use it for" after "is it prod ready?" after "what's httpx").
      if (!named.length && own.kind !== 'compare' && focus)
        return {
          ...cardOf(about, seed, focus),
          asked: `${previous} ${rest}`,
        };
    }
    // "does it format too" after "best linter?", "is that one ok in production?" after "what cache should
    // we use": a pronoun that names nothing points at what the thread's answer led with.
    // (In a thread only: a message's second part points back at its first part's words, read as a whole.)
    // …"and is it production ready?" too, though "production ready" also names a checklist: an angle's words name no thing.
    const angleOnly =
      own.kind === 'entry' &&
      own.entry.type !== 'package' &&
      !reader.named(rest).length &&
      FOCUS_CUES.some(([, re]) => re.test(rest));
    if (
      thread &&
      (angleOnly || (!namesSomething(own) && !reader.named(rest, true).length)) &&
      POINTS_BACK.test(rest) &&
      !ANOTHER_THING.test(rest)
    ) {
      const led = previousLead();
      if (led) {
        const focus =
          led.type !== 'package'
            ? 'overview'
            : (FOCUS_CUES.find(([, re]) => re.test(rest))?.[0] ?? (OTHER_ONE.test(rest) ? 'alternatives' : 'overview'));
        return {
          ...cardOf(led, seed, focus),
          asked: `${previous} ${rest}`,
        };
      }
    }
    // "add catboost to that" after "lightgbm vs xgboost", "what about fastapi instead of flask" after "django vs
    // flask?": one more of the compared kind joins the comparison, or takes the place of the one it replaces.
    const joined = before.kind === 'compare' ? joinsComparison(before, rest) : undefined;
    if (joined) return { ...respond(joined, seed), asked: `${previous} ${rest}` };
    // "we're all on vs code" or "which one if we're all on vs code" after "mypy or pyright?": a name of another
    // kind is the setting, and the comparison stands.
    const setIn =
      own.kind === 'entry' && own.focus === 'overview'
        ? own.entry
        : own.kind === 'recommend'
          ? own.fallback
          : undefined;
    if (
      before.kind === 'compare' &&
      setIn?.type === 'package' &&
      !before.items.some((e) => e.type === 'package' && e.category === setIn.category)
    )
      return { ...respond({ ...before, purpose: rest.split(' ') }, seed), asked: `${previous} ${rest}` };
    // "and if we need async?", "what if it didn't need the admin", "does that change things" after "flask or
    // fastapi …?": a condition on the thread's comparison, weighed again with it, when it names none of its rivals.
    // ("and if we want 3d later?" after "pygame or arcade?": a package of their kind that does what neither does.)
    if (
      before.kind === 'compare' &&
      before.items.length <= MAX_WEIGHED &&
      (CONDITION.test(text) || ABOUT_FOR.test(text)) &&
      !reader.named(rest).some((id) => {
        const e = kb.entries.get(id);
        return e?.type === 'package' && before.items.some((x) => x.type === 'package' && x.category === e.category);
      })
    ) {
      const beyond = outdoes(before.items, rest) ?? rankedBeyond(before.items, rest);
      if (beyond)
        return { ...respond(picked([beyond], [categoryWords(beyond.category)]), seed), asked: `${previous} ${rest}` };
      return { ...respond({ ...before, purpose: rest.split(' ') }, seed), asked: `${previous} ${rest}` };
    }
    if (own.kind === 'entry' && own.entry.type === 'package') {
      if (before.kind === 'compare' && own.focus === 'overview') {
        const items = [...before.items.filter((e) => e.id !== own.entry.id), own.entry];
        return { ...respond({ ...before, items }, seed), asked: `${previous} ${rest}` };
      }
      if (before.kind === 'entry' && before.entry.id !== own.entry.id && versus)
        return respond({ kind: 'compare', items: [before.entry, own.entry], unknown: [], purpose: own.purpose }, seed);
      if (before.kind === 'entry' && own.focus === 'overview') return respond({ ...own, focus: before.focus }, seed);
      return respond(own, seed);
    }
    if (own.kind === 'compare') return respond(own, seed);
    // "which one is easier for a team of two" after "airflow vs prefect": the same comparison, with this purpose.
    if (
      before.kind === 'compare' &&
      !parser.named(rest).length &&
      (!namesSomething(own) || own.kind === 'pick') &&
      WEIGH.test(rest)
    )
      return { ...respond({ ...before, purpose: rest.split(' ') }, seed), asked: `${previous} ${rest}` };
    // "is it the paper or the tray" after "why does the copier keep jamming?": a thread the classifier reads as
    // out of scope, and a short follow-up question that names nothing and asks for no tool, stays out of scope.
    if (
      before.kind === 'unknown' &&
      !namesSomething(own) &&
      (ASKS.test(rest) || FOLLOW_UP.test(text)) &&
      rest.split(' ').length <= SHORT_FOLLOW_UP + 4 &&
      !ASKS_FOR_TOOL.test(rest) &&
      !/\b(?:use|using|pick|recommend|suggest)\b/.test(rest) &&
      !parser.named(previous, true).length &&
      guess?.(normalize(previous))?.label === 'unknown'
    ) {
      const alone = respond(own, seed, rest);
      if (!CONFIDENT.has(alone.intent)) return alone;
    }
    // "and a formatter?" after "best linter?", "and powerpoint?" after "lib for excel reports": a follow-up that
    // opens a need of its own (and…, pointing back at nothing, setting no condition) asks for picks its own words find.
    if (opensNeed(text) && !CONDITION.test(text) && priorAnswer().intent === 'recommend') {
      const alone = respond(own, seed, rest);
      if (alone.intent === 'recommend' && alone.subjects.length) return alone;
    }
    // The same kind of question as before, about what this message adds, in the thread's setting.
    const combined = `${previous} ${rest}`;
    const read = respond(parser.read(rest, previous, { prefer: preferOf(before), cuesOnly: true }), seed, rest);
    const card = () => priorAnswer().intent === 'library';
    if (CONFIDENT.has(read.intent)) return { ...(about ? one(read, rest, seed, card) : read), asked: combined };
    // A thread of remarks that asked nothing read as one long message, the remarks the situation and this
    // the question ("…each exhibit is already a pdf from the DMS" then "which library merges them").
    const told = `${previous}. ${rest}`;
    const remarks = sentences(previous).every((p) => !ASKS.test(p) && !ASKS_ANYWHERE.test(p));
    const asLong = thread && remarks ? whole(told, seed, true) : undefined;
    if (asLong && CONFIDENT.has(asLong.intent)) return { ...asLong, asked: told };
    return { ...respond(parser.read(combined, undefined, { cuesOnly: true }), seed, combined), asked: combined };
  }

  /**
   * "need a lib to read .docx contracts, and another to make pdfs from html", "best lib to scrape static pages + one
   * for js-heavy ones": a request for a tool, then "and another / one / something" for a second job, in one sentence,
   * is two requests, each with its picks (read as one, the two jobs' words mixed into one list). Not after a question
   * mark ("good lib for fake data? plus something that…" is two sentences, read as such). (Cross-validated +6.)
   */
  function twoTools(text: string, seed: number): Answer | undefined {
    const at = SECOND_TOOL.exec(text);
    if (!at) return undefined;
    const left = text.slice(0, at.index).trim();
    const right = (text.slice(at.index + at[0].length).split(/(?<=[?!.])\s+/)[0] ?? '').trim();
    if (!right || /[?!.]$/.test(left) || sentences(left).length > 1) return undefined;
    const q2 = `a lib ${right}`;
    const first = respond(parser.read(left), seed, left);
    const second = respond(parser.read(q2), seed, q2);
    if (first.intent !== 'recommend' || second.intent !== 'recommend') return undefined;
    if (first.subjects[0]?.id === second.subjects[0]?.id) return undefined;
    return { ...first, also: second };
  }

  /**
   * "heard there is one tool that replaces flake8, black and isort", "some use flake8, some black; i want ONE tool for
   * lint and format": the one package that is an alternative to the most of two or more packages a message asks one
   * tool for (at least two, and no other as many). ("the n+1 thing" is no one tool.)
   */
  function oneForAll(text: string, seed: number): Answer | undefined {
    if (!ONE_TOOL.test(text)) return undefined;
    const named = [...new Set(parser.named(text))]
      .map((id) => kb.entries.get(id))
      .filter((e): e is PackageEntry => e?.type === 'package');
    if (named.length < 2) return undefined;
    const covers = (p: PackageEntry) =>
      named.filter((n) => p.alternatives.includes(n.id) || n.alternatives.includes(p.id)).length;
    const fits = kb.packages.filter((p) => !named.includes(p)).map((p) => ({ p, n: covers(p) }));
    const most = Math.max(0, ...fits.map((f) => f.n));
    const top = fits.filter((f) => f.n === most);
    return most >= 2 && top.length === 1 ? respond(picked([(top[0] as { p: PackageEntry }).p]), seed) : undefined;
  }

  /**
   * The thread's picks again, in the one setting a message gives and nothing else ("for django tho?", "what about
   * with fastapi", and a setting said in words of its own: "and if we already run redis?", "the rest of the service is
   * fastapi"): the packages of their category, those related to the setting first (then those the words fit), none
   * made for another.
   */
  function settingMoved(rest: string, prior: () => Answer, seed: number): Answer | undefined {
    if (!ONLY_SETTING.test(rest) && !SETTING_SAID.test(rest)) return undefined;
    const named = parser.named(rest);
    const setting = named.length === 1 ? kb.entries.get(named[0] as string) : undefined;
    if (setting?.type !== 'package') return undefined;
    const before = prior();
    const lead = before.intent === 'recommend' ? kb.entries.get(before.subjects[0]?.id ?? '') : undefined;
    if (lead?.type !== 'package' || lead.category === setting.category) return undefined;
    const related = (p: PackageEntry) => p.related.includes(setting.id) || setting.related.includes(p.id);
    const frameworks = kb.packages.filter((p) => p.kind === 'framework' && p.id !== setting.id);
    // A service's client: the clients of the services it serves ("for fastapi tho?" after mongodb clients).
    const served = servicesOf(kb, lead).flatMap((s) => clientsOf(kb, s));
    const pool = byFit(
      (served.length ? [...new Set(served)] : kb.packages.filter((p) => p.category === lead.category)).filter(
        (p) => !frameworks.some((f) => madeFor(p, f.id)),
      ),
      rest.split(' '),
    ).sort((a, b) => Number(related(b)) - Number(related(a)));
    if (!pool.length || !related(pool[0] as PackageEntry)) return undefined;
    return respond(picked(pool.slice(0, MAX_TOOLS), [categoryWords(lead.category)]), seed);
  }

  /**
   * A follow-up to a comparison that names one more package of the compared kind, and none already compared
   * (but for one it replaces), asking for no tool: the comparison with it added, or in place of the one it replaces.
   */
  function joinsComparison(before: Extract<Query, { kind: 'compare' }>, rest: string): Query | undefined {
    if (ASKS_KIND.test(rest)) return undefined;
    const compared = (id: string) => before.items.some((x) => x.id === id);
    // The names outside what is replaced: one new one, and none compared already ("can ruff replace flake8 too?"
    // after "ruff vs black" asks about one already compared).
    const named = parser.named(rest.replace(INSTEAD_OF, ' '));
    const added = named.length === 1 ? kb.entries.get(named[0] as string) : undefined;
    const kinds = new Set(before.items.map((e) => (e.type === 'package' ? e.category : '')));
    if (added?.type !== 'package' || compared(added.id) || !kinds.has(added.category)) return undefined;
    const replaced = INSTEAD_OF.exec(rest);
    const out = replaced ? parser.named(replaced[1] ?? '') : [];
    const items = [...before.items.filter((e) => !out.includes(e.id)), added].slice(0, MAX_COMPARED);
    return { ...before, items };
  }

  /**
   * The package that does for the thing a message names ("the mysql equivalent", "the django equivalent") what
   * `of` does: the named package itself where it is of the same category; else, where the thing is a service
   * and `of` one's client, its client that is async where `of` is, or not; else the one of `of`'s alternatives
   * and category related to the thing; and where nothing is named, the one the words describe ("the gcp one").
   */
  function equivalentOf(of: PackageEntry, rest: string): PackageEntry | undefined {
    const named = reader
      .named(rest, true)
      .map((id) => kb.entries.get(id) as Entry)
      .filter((e) => e.id !== of.id);
    if (!named.length) return describedOne(of, rest);
    if (named.length > 1) return undefined;
    const thing = named[0] as Entry;
    if (thing.type === 'package' && thing.category === of.category) return thing;
    const clients = clientsOf(kb, thing);
    if (clients.length && isClient(kb, of)) {
      const same = clients.filter((c) => isAsync(c) === isAsync(of));
      return same.length === 1 ? same[0] : undefined;
    }
    const pool = [...alternativesOf(kb, of), ...kb.packages.filter((p) => p.category === of.category)];
    const tied = [...new Set(pool)].filter(
      (p) => p.id !== of.id && (p.related.includes(thing.id) || thing.related.includes(p.id)),
    );
    return tied.length === 1 ? tied[0] : undefined;
  }

  /**
   * Among a package's alternatives and the packages of its category, the one a few words describe
   * ("async", "the microsoft", "higher level"): the only one whose text holds the most of them.
   */
  function describedOne(about: PackageEntry, rest: string): PackageEntry | undefined {
    const words = describing(rest);
    if (!words.length) return undefined;
    // Its own alternatives first ("async one?" after pymongo: motor, not every async driver), then its category.
    const pools = [
      alternativesOf(kb, about),
      kb.packages.filter((p) => p.category === about.category && p.id !== about.id),
    ];
    for (const pool of pools) {
      const fit = pool.map((p) => ({ p, n: overlap(words, linesOf(p)) }));
      const best = Math.max(0, ...fit.map((f) => f.n));
      const top = fit.filter((f) => f.n === best);
      // Its own alternatives are listed in the articles' order, so the first of equals leads; a category has no order.
      if (best > 0) return top.length === 1 || pool === pools[0] ? top[0]?.p : undefined;
    }
    return undefined;
  }

  /** Of the packages of the compared ones' categories, the one whose text alone holds the most of a condition's words. */
  function outdoes(items: readonly Entry[], rest: string): PackageEntry | undefined {
    const words = describing(rest);
    const fit = (p: PackageEntry) => overlap(words, linesOf(p));
    const compared = items.filter((e): e is PackageEntry => e.type === 'package');
    const held = Math.max(0, ...compared.map(fit));
    const categories = new Set(compared.map((p) => p.category));
    // Among equals, the one more of whose lines say it ("3d": Panda3D, a 3D engine, before pyglet's one line).
    const others = kb.packages
      .filter((p) => categories.has(p.category) && !items.includes(p))
      .map((p) => ({ p, n: fit(p) + linesOf(p).filter((t) => overlap(words, [t]) > 0).length / 100 }))
      .filter((x) => Math.floor(x.n) > held);
    const most = Math.max(0, ...others.map((x) => x.n));
    const top = others.filter((x) => x.n === most);
    return top.length === 1 ? top[0]?.p : undefined;
  }

  /**
   * Where no package's own words hold the condition better ("and if the managers want to zoom and hover?" after
   * "seaborn vs matplotlib"): the package the entry ranker puts first for the condition, when it is far surer of it
   * than of any compared one; surer still when it is of another kind ("what if the page needs javascript to render?"
   * after "scrapy vs beautifulsoup"). Cross-validated +6, none lost.
   */
  function rankedBeyond(items: readonly Entry[], rest: string): PackageEntry | undefined {
    const compared = items.filter((e): e is PackageEntry => e.type === 'package');
    const categories = new Set(compared.map((p) => p.category));
    const ranked = ranker.rank(rest, 'package');
    const top = ranked.top();
    if (top?.entry.type !== 'package' || items.includes(top.entry)) return undefined;
    const held = Math.max(...compared.map((p) => ranked.scoreOf(p.id) ?? -Infinity));
    return top.score - held >= (categories.has(top.entry.category) ? BEYOND_OF_KIND : OVERRULE_PICKS)
      ? top.entry
      : undefined;
  }

  /**
   * "is the second one any good", "if we went with the first one, does it hold up" after "openai or anthropic…":
   * the one of the thread's comparison it counts to, asked about in its place (`asked`: the question so read).
   */
  function countedTo(rest: string, items: readonly Entry[], seed: number): Answer | undefined {
    const m = ORDINAL.exec(rest);
    const ordinal = m?.[1] ?? m?.[2] ?? m?.[3];
    const chosen = !ordinal ? undefined : items[placeOf(ordinal, items.length)];
    if (!chosen) return undefined;
    const asked = rest.replace(ORDINAL, entryName(chosen).toLowerCase());
    const read = respond(parser.read(asked), seed, asked);
    return CONFIDENT.has(read.intent) ? { ...read, asked } : undefined;
  }

  /**
   * "and an async one?" after "mysql driver for python?", "what's the non-async postgres driver" after asyncpg,
   * "ok and if the caller is async code?" after "which http client…": the thread's kind of package (the
   * clients of the same service, else the same category), those that are async, or those that are not.
   */
  function syncVariant(rest: string, previous: string, prior: () => Answer, seed: number): Answer | undefined {
    const sync = SYNC_WANTED.test(rest);
    if (!sync && !ASYNC_WANTED.test(rest)) return undefined;
    if (rest.split(' ').length > SHORT_FOLLOW_UP + 4) return undefined;
    // It may name the service ("the non-async postgres driver"), or asyncio itself ("same but asyncio").
    const named = parser.named(rest).flatMap((id) => (id === 'asyncio' ? [] : [kb.entries.get(id) as Entry]));
    const service = named.length === 1 && clientsOf(kb, named[0] as Entry).length ? named[0] : undefined;
    if (named.length && !service) return undefined;
    const lead = ledWith(prior());
    // (Not frameworks: their descriptions do not say which are async, and most handle some async.)
    if (lead?.type !== 'package' || lead.kind === 'framework') return undefined;
    const services = service ? [service] : servicesOf(kb, lead);
    const pool = services.length
      ? [...new Set(services.flatMap((s) => clientsOf(kb, s)))]
      : kb.packages.filter((p) => p.category === lead.category);
    const fits = pool.filter((p) => isAsync(p) !== sync);
    if (!fits.length || fits.length === pool.length) return undefined;
    const ranked = byFit(fits, previous.split(' '));
    // One asked for after one package's card ("async one?" after "what's pymongo") gets its card.
    const one = prior().intent === 'library' && /\b(?:one|version|equivalent)\b/.test(rest);
    const need = [sync ? 'sync' : 'async', categoryWords(lead.category)];
    return one ? cardOf(ranked[0] as PackageEntry, seed) : respond(picked(ranked, need), seed);
  }

  /**
   * "what's the ML one then" after the data science stack, "and the security one?" after a checklist, "and for
   * the data folks?" after a stack: another stack or checklist, the one this message's own words find.
   */
  function anotherOfKind(rest: string, prior: () => Answer): Answer | undefined {
    if (!ANOTHER_OF_KIND.test(rest) || rest.split(' ').length > SHORT_FOLLOW_UP + 2) return undefined;
    if (parser.named(rest).length) return undefined;
    const { intent, subjects } = prior();
    const shown = subjects[0]?.id;
    if ((intent !== 'stack' && intent !== 'checklist') || !shown) return undefined;
    return rankedAnswer(kb, ranker, rest, intent, new Set([shown]), 1);
  }

  /**
   * The answer, or the entry ranker's where it is far surer of its best entry of the answer's kind than of the
   * answer's lead: for picks, the picks of that package's kind ("library to read gene sequence files in fasta
   * format" read as office files' readers, where the ranker knows fasta for Biopython); for a concept, checklist
   * or stack, that one ("the carrier sends the same webhook twice, what's the fix called": idempotency, not webhooks).
   */
  function overruled(a: Answer, text: string, seed: number, own = text): Answer {
    // A card where the classifier is sure picks were asked for ("raspberry pi gpio libraries?" read as one of
    // them): the picks the ranker finds for the message's own words, when it holds two of them.
    // (Not a card that says it does not know the tool weighed against it: "is dagster better than airflow?")
    // (A Python package it does not cover is such a tool; another stack's name is not.)
    const weighed = a.unrecognised?.some((w) => !kb.outside.has(w) || isUncovered(kb, w));
    if (a.intent === 'library' && (a.focus ?? 'overview') === 'overview' && !a.also && !weighed) {
      const wanted = guess?.(own);
      const b =
        wanted?.label === 'recommend' && wanted.p >= SURE_PICKS
          ? rankedAnswer(kb, ranker, own, 'recommend', new Set(setAside(own)))
          : undefined;
      if (b) return { ...b, ...(a.asked ? { asked: a.asked } : {}) };
    }
    const picks = a.intent === 'recommend';
    if (a.also || a.related || (!picks && !SHOWN.has(a.intent))) return a;
    const type = picks ? 'package' : (a.intent as Entry['type']);
    const ranked = ranker.rank(text, type);
    const top = ranked.top();
    const mine = a.subjects[0]?.id;
    if (!top || !mine || top.entry.id === mine) return a;
    if (top.score - (ranked.scoreOf(mine) ?? -Infinity) < (picks ? OVERRULE_PICKS : OVERRULE_SHOWN)) return a;
    // A name the message sets aside ("a linter that isn't black") is no pick, however sure the ranker.
    if (setAside(text).includes(top.entry.id)) return a;
    // "and for making the embeddings themselves?" after a vector database: a follow-up that opens a need of its own
    // (and…, pointing back at nothing) keeps the answer when its own words alone rank one of its picks first, whatever
    // the thread's add ("and linters?" after "which type checker": flake8 and ruff, whichever leads; cross-validated +1).
    if (own !== text && opensNeed(own)) {
      const ownTop = ranker.rank(own, type).top()?.entry.id;
      if (a.subjects.some((s) => s.id === ownTop)) return a;
    }
    const b = picks ? rankedAnswer(kb, ranker, text, 'recommend', new Set(setAside(text)), 0) : cardOf(top.entry, seed);
    return b ? { ...b, ...(a.asked ? { asked: a.asked } : {}) } : a;
  }

  /**
   * "how do i see which lines my tests never hit" after "what's pytest", "one that runs locally, no saas" after "recommend
   * a vector db", "our data is mostly categorical though" after "xgboost or lightgbm?": a follow-up that names nothing,
   * whose own words point the entry ranker sharply at one package (far ahead of its next, and of the answer's lead)
   * that the answer does not hold, asks for that package: it is the one pick. Not an angle asked of the thread's
   * package ("do people still pick it for new projects"). Cross-validated +13, -1.
   */
  function ownPick(a: Answer, text: string, seed: number): Answer {
    if (!['library', 'compare', 'unknown', 'recommend'].includes(a.intent) || a.also) return a;
    if ((a.intent === 'library' && (a.focus ?? 'overview') !== 'overview') || parser.named(text).length) return a;
    // ("is scapy any good?" in a thread: a message naming a Python package it does not cover asks about that one.)
    if (a.intent === 'unknown' && a.unrecognised?.some((w) => isUncovered(kb, w))) return a;
    const ranked = ranker.rank(text, 'package');
    const [top, next] = ranked.best(2);
    const lead = a.subjects[0]?.id;
    const leadEntry = kb.entries.get(lead ?? '');
    // ("can it do env/settings config too?" after "what's pydantic", "and for plotting them?" after pandas vs numpy: a
    // package related to the thread's needs no sharp lead over the next. Cross-validated +6, none lost.)
    const kin =
      top?.entry.type === 'package' &&
      leadEntry?.type === 'package' &&
      (top.entry.related.includes(leadEntry.id) || leadEntry.related.includes(top.entry.id));
    if (top?.entry.type !== 'package' || (next && !kin && top.score - next.score < OWN_SHARP)) return a;
    if (a.subjects.some((x) => x.id === top.entry.id)) return a;
    if (lead && top.score - (ranked.scoreOf(lead) ?? -Infinity) < OVERRULE_PICKS) return a;
    return {
      ...respond(picked([top.entry], [categoryWords(top.entry.category)]), seed),
      ...(a.asked ? { asked: a.asked } : {}),
    };
  }

  /**
   * "what's this? <https://www.starlette.io|starlette.io>", "thoughts on <…/Textualize/rich|rich> for our cli output?": a
   * message that links one package and gets picks led by it asks about that package: its card, from the angle its
   * words ask. Cross-validated +5, none lost.
   */
  function linkedCard(a: Answer, raw: string, text: string, seed: number): Answer {
    if (a.intent !== 'recommend' || a.also || !raw.includes('http')) return a;
    // (Only names a link holds exactly: a slip on one, "docs.celeryq.dev", may be the documentation of a tool the
    // message wants to leave.)
    const ids = new Set(
      linkNames(raw).flatMap((n) => {
        const id = kb.names.get(normKey(n));
        return id && kb.entries.get(id)?.type === 'package' ? [id] : [];
      }),
    );
    if (ids.size !== 1) return a;
    const [id] = ids;
    if (a.subjects[0]?.id !== id) return a;
    const focus = FOCUS_CUES.find(([, re]) => re.test(text))?.[0] ?? 'overview';
    return cardOf(kb.entries.get(id as string) as Entry, seed, focus);
  }

  /** The entries a message sets aside ("a formatter that isn't black", "anything but selenium"): its reading's exclusions. */
  function setAside(text: string): string[] {
    const q = parser.read(text);
    const out = q.kind === 'recommend' || q.kind === 'search' ? q.exclude : [];
    if (!out.length) return [];
    // ("an orm that's not the django one": what is made for a name set aside is set aside with it.)
    // (Cross-validated +2 with the sync drivers below.)
    return kb.packages.filter((p) => leftOut(p, out, kb)).map((p) => p.id);
  }

  /**
   * "optuna + lightgbm for tuning, good combo?": read in parts, the part that got the card has no unknown name beside
   * it, but the whole message has, and the card says so (cross-validated: +12, none lost; held-out +2).
   */
  function besideUnknown(a: Answer, text: string): Answer {
    if (a.intent !== 'library' || a.unrecognised?.length || a.also) return a;
    const q = parser.read(text);
    return q.kind === 'entry' && q.unknown.length && q.entry.id === a.subjects[0]?.id
      ? besides(a, q.entry, q.unknown)
      : a;
  }

  /** The one package a text names, if it names exactly one thing. */
  function onlyNamed(text: string): PackageEntry | undefined {
    const ids = [...new Set(parser.named(text))];
    const e = ids.length === 1 ? kb.entries.get(ids[0] as string) : undefined;
    return e?.type === 'package' ? e : undefined;
  }

  /** The packages the last sentence naming two or more of them names. */
  function lastNamed(sentences: string[]): PackageEntry[] {
    for (const p of [...sentences].reverse()) {
      const ids = parser.named(p);
      if (ids.length >= 2)
        return ids.map((id) => kb.entries.get(id)).filter((e): e is PackageEntry => e?.type === 'package');
    }
    return [];
  }

  /** Whether a follow-up names an entry of its own: a checklist, stack or concept, or a package of the thread package's category. */
  function namesOwn(rest: string, about: PackageEntry): boolean {
    return reader.named(rest, true).some((id) => {
      const e = kb.entries.get(id);
      return e?.type !== 'package' || e.category === about.category;
    });
  }

  /** The one entry an answer led with, that "it" can point at: a card's subject or the first pick (a comparison has no one). */
  function ledWith(a: Answer): Entry | undefined {
    if (!['library', 'recommend', 'concept'].includes(a.intent)) return undefined;
    return kb.entries.get(a.subjects[0]?.id ?? '');
  }

  /**
   * "the adafruit one?" after "what's micropython": a follow-up on one package's card that asks for one
   * other thing gets that thing's card, not a list (after a list of picks, picks stay the answer).
   */
  function one(a: Answer, rest: string, seed: number, card: () => boolean): Answer {
    // "and for gcp?" after "what's boto3": one pick is one thing too, given as a card when the thread's answer was one.
    const first =
      a.intent === 'recommend' && (ONE_THING.test(rest) || (a.subjects.length === 1 && !ASKS_KIND.test(rest) && card()))
        ? kb.entries.get(a.subjects[0]?.id ?? '')
        : undefined;
    return first ? cardOf(first, seed) : a;
  }

  /** A follow-up with no thread to read it with: answered alone when it names something, else explained. */
  function orphan(text: string, seed: number): Answer {
    const own = parser.read(text.replace(FOLLOW_UP, '').trim());
    return own.kind === 'entry' || own.kind === 'compare'
      ? respond(own, seed)
      : respond({ kind: 'unknown', unrecognised: [], words: [], orphan: true }, seed);
  }

  /**
   * The second question of a message: read alone when it asks something whole of its own ("…, and
   * which orm do fastapi people use"), else with the first as a thread follow-up ("…? and for gcp?").
   */
  function secondPart(q2: string, q1: string, seed: number): Answer {
    const rest = q2.replace(FOLLOW_UP, '').trim();
    // ("…, and what's the google cloud equivalent": an equivalent of what the first part named.)
    // ("…, and airflow vs prefect for it": a part that weighs two names of its own leans on nothing, whatever "it" is.)
    const weighsOwn = () => {
      const r = parser.read(q2);
      return r.kind === 'compare' && r.items.length >= 2;
    };
    const leans =
      FOLLOW_UP.test(q2) ||
      (PRONOUN.test(rest) && !weighsOwn()) ||
      EQUIVALENT.test(rest) ||
      // ("what's redis used for, and what's the python client called?": a client asked for after a service, its client.)
      (!parser.named(q2, true).length &&
        /\b(?:client|clients|driver|drivers|sdk)\b/.test(rest) &&
        parser.named(q1).some((id) => clientsOf(kb, kb.entries.get(id) as Entry).length > 0));
    if (!leans) {
      const alone = respond(parser.read(q2), seed, q2);
      if (CONFIDENT.has(alone.intent)) return alone;
    }
    const threaded = inThread(q2, q1, seed);
    if (CONFIDENT.has(threaded.intent) || !leans) return threaded;
    // "…? and how do i profile it": read with the first it found nothing, so alone.
    const alone = respond(parser.read(rest), seed, rest);
    return CONFIDENT.has(alone.intent) ? alone : threaded;
  }

  /**
   * A second answer that repeats the first says nothing: the second question read alone, or the
   * entry of the kind it asks for after the first's, in the first's setting; else none.
   */
  function distinct(first: Answer, second: Answer, q2: string, q1: string, seed: number): Answer | undefined {
    // "is fastapi production ready, and what are its alternatives": one card from two angles is two answers
    // (the plain card beside an angle of it says nothing more, unless the first part asked what the thing is: "what's
    // rq? and is it ok for production" is both; "anyone used weasyprint? worth it?" only asks the second. Cross-validated +5.)
    const angles = [angleOf(first), angleOf(second)];
    const twoAngles =
      (!angles.includes('overview') || (angles[0] === 'overview' && WHAT_IS_NAME.test(q1))) &&
      angles[0] !== angles[1] &&
      // ("…? and what's the alternative": the alternatives of the thing asked about, as "its" would say.)
      (/\b(?:it|its|the alternatives?)\b/.test(q2) || reader.named(q2).includes(first.subjects[0]?.id ?? ''));
    const same = (a: Answer) =>
      a.intent === first.intent && a.subjects[0]?.id === first.subjects[0]?.id && !(a === second && twoAngles);
    if (!same(second)) return second;
    const alone = respond(parser.read(q2), seed, q2);
    if (CONFIDENT.has(alone.intent) && !same(alone)) return alone;
    // "wsgi vs asgi, and is starlette asgi?": a second question about one package the first did not name is its card.
    const own = onlyNamed(q2);
    if (own && !parser.named(q1).includes(own.id) && first.subjects[0]?.id !== own.id) return cardOf(own, seed);
    const wanted = guess?.(q2);
    const leave = new Set(first.subjects.map((s) => s.id));
    const ranked =
      wanted && wanted.p >= SURE_SECOND ? rankedAnswer(kb, ranker, `${q1} ${q2}`, wanted.label, leave) : undefined;
    return ranked && !same(ranked) ? ranked : undefined;
  }

  /** An answer's angle: a card's focus, overview for any other answer. */
  function angleOf(a: Answer): string {
    return a.intent === 'library' ? (a.focus ?? 'overview') : 'overview';
  }

  /**
   * A short message of thanks in words of its own ("thank you so much, super useful", "thanks for
   * the help yesterday"): a courtesy word, no question, nothing named. Read from the normalised text, a final "?" only
   * for one word, so a button that re-asks the message (without the "?") gets the same answer.
   */
  function courtesy(clean: string, asked: boolean): boolean {
    const words = clean.split(/\s+/).filter(Boolean);
    // Thanks first, then words about the help ("thanks, that's exactly what I needed"): a courtesy, unless
    // what follows asks or follows up ("thx. and the async one"). British "ta" thanks alone or before a comma.
    const rest = clean.replace(THANKS_FIRST, '').replace(TA_FIRST, '');
    // ("ta?" asks about the package; a final "?" after more words than the courtesy asks nothing by itself.)
    if (words.length > COURTESY_WORDS || /\?/.test(clean) || (asked && words.length === 1)) return false;
    // (Names are looked for last: linking is the costly part, and most messages are no courtesy at all.)
    if (rest !== clean) return !ASKS.test(rest) && !FOLLOW_UP.test(rest) && !parser.named(rest).length;
    return (
      (THANKS_WORD.test(clean) || GREETING.test(clean)) &&
      !ASKS.test(clean.replace(GREETING, '').replace(/^[\s,!.]+/, '')) &&
      !parser.named(rest).length &&
      !/\b(?:what|which|how|why|where|when|who|should|can|could|recommend|compare|vs|need|help me|tip)\b/.test(clean)
    );
  }

  /**
   * "which fabric supplier do we use for the linen shirts", "reorder pillow inserts for the cushion covers": names
   * that are all everyday words, none of the message's other words the answer's entry holds, and words of another
   * trade (English words the knowledge never uses) around them: the everyday things. (Cross-validated +4, out-of-scope
   * questions answered confidently 82 -> 77; with two such words, not three, -2 more tuning answers.)
   */
  function everydaySense(text: string, answer: Answer): boolean {
    const subject = kb.entries.get(answer.subjects[0]?.id ?? '');
    // (The answer's own entry an everyday word first: linking the names again is the costly part.)
    if (!subject || !(COMMON_WORDS.has(subject.id) || isEnglish(subject.id)) || answer.unrecognised?.length)
      return false;
    if (!reader.onlyEverydayNames(text)) return false;
    const named = new Set(parser.named(text));
    const rest = text.split(' ').filter((w) => !named.has(w));
    if (ranker.evidence(rest.join(' '), subject) > 0) return false;
    const trade = rest.filter(
      (w) =>
        /^[a-z]{3,}$/.test(w) &&
        !vocabulary(w) &&
        !FILLER.has(w) &&
        !CUE_WORDS.has(w) &&
        !COMMON_WORDS.has(w) &&
        isEnglish(w) &&
        !nameLike(w),
    );
    return trade.length >= OTHER_TRADE_WORDS;
  }

  /** Whether a sentence is little more than one name ("httpx", "tqdm then"). */
  function bare(sentence: string): boolean {
    return !ASKS.test(sentence) && parser.named(sentence).length === 1 && sentence.split(' ').length <= 2;
  }

  /** Reads a whole message (normalised): one question, two, or one with context around it. */
  function whole(text: string, seed: number, endsAsking = false): Answer {
    const replacing = oneForAll(text, seed) ?? twoTools(text, seed);
    if (replacing) return replacing;
    // A bare tail ("thoughts?", "ideas?", "pls") is no question of its own: it asks the sentence before it.
    const split = sentences(text).filter((p, i, all) => i === 0 || all.length === 1 || !TAIL.test(p));
    // Normalising drops the message's last "?", so the last sentence is told it asked.
    const marked = split.map((p, i) => ({
      second: SECOND_MARK.test(p),
      // "1) async http client recs 2) …": a numbered item is a question of its own.
      numbered: /^(?:\(?1[.)]|q1\b)/.test(p) && split.some((o) => SECOND_MARK.test(o)),
      led: LEAD_IN.test(p),
      text: p.replace(LEAD_IN, '').replace(PREAMBLE, '').trim(),
      asks: endsAsking && i === split.length - 1,
    }));
    const parts = marked.filter((p) => p.text).map((p) => p.text);
    // A sentence marked as another question ("also paramiko", "2) what's hypothesis for") asks, with or without "?".
    // Two names joined by "or" ask too ("scrapy or beautifulsoup for ~50 sites; also …").
    // ("…a png chart of yesterday's sales vs target per region.": "vs" between things the knowledge does not name weighs nothing.)
    const weighs = (t: string) =>
      (VERSUS.test(t) && parser.named(t, true).length > 0) ||
      (/\bor\b/.test(t) && !NOT_WANTED.test(t) && parser.named(t).length >= 2);
    // A later sentence marked as another question ("…, also what's a health check") makes a short
    // first one a question too ("boto3 ok for prod + …", "ml stack pls. also …").
    // ("first data job, week 2. my team's…": a "2." that marks nothing is no second question.)
    const marks = marked.slice(1).some((p) => p.second && Boolean(p.text));
    const asked: boolean[] = [];
    marked.forEach((p, i) =>
      asked.push(
        Boolean(p.text) &&
          (p.asks ||
            p.numbered ||
            (ASKS.test(p.text) && !(i < marked.length - 1 && statesFirst(p.text))) ||
            weighs(p.text) ||
            p.second ||
            // "langchain overview pls, and what's rag": a part that ends asking nicely is a request.
            /\b(?:pls|plz|please)$/.test(p.text) ||
            // (…unless it states something: "hardware team is prototyping card terminals. what's the iot stack? also …")
            (i === 0 && marks && p.text.split(' ').length <= SHORT_FIRST && !states(p.text)) ||
            // "xgboost any good and what about catboost", "prod readiness checklist pls. and how do rollbacks work":
            // a short first part that asks by itself, before a part that is led in and asks.
            (i === 0 &&
              p.text.split(' ').length <= SHORT_FIRST &&
              !STATEMENT.test(p.text) &&
              (asksByItself(p.text) || /\b(?:checklist|stack|roadmap)\b/.test(p.text)) &&
              marked.slice(1).some((q) => q.led && ASKS.test(q.text))) ||
            // "openai sdk any good? and the anthropic one": a part led by "and" right after a question asks too.
            (p.led && Boolean(asked[i - 1]))),
      ),
    );
    const asks = marked.filter((_, i) => asked[i]);
    const asking = asks.map((p) => p.text);
    if (parts.length > 1 && asking.length) {
      // Two questions: each answered, the second read with the first as its context ("…and what's their stack").
      // The second is the one marked as such when there is one ("what's a virtualenv and why one per project. also venv vs uv").
      const q1 = asking[0];
      const q2part = asks.slice(1).find((p) => p.second) ?? asks[1];
      const q2 = q2part?.text;
      // "orm suggestions? anything except django's": a part that only rules names out asks nothing of its own;
      // it qualifies the other, and the message is one question.
      const onlyRulesOut = (q: string) => {
        const r = parser.read(q);
        return r.kind === 'recommend' && !r.need.length && r.exclude.length > 0;
      };
      if (q1 && q2 && (onlyRulesOut(q1) || onlyRulesOut(q2))) return respond(parser.read(text), seed, text);
      // "…we end up with duplicate bookings. what's the principle we're violating, and how do people handle it?": in a
      // message with sentences of context, a second question that names nothing and says little ("what's the catch",
      // "what does it cost us") asks the first from another side: one question.
      if (q1 && q2 && parts.length > 2 && ASKS.test(q1) && vague(q2)) return inContext(parts, q1, text, seed);
      if (q1 && q2) {
        let first = respond(parser.read(q1), seed, q1);
        // "…leadership floated 'microservices'. what does that mean and what will it cost us?": a first
        // question that finds nothing alone, or points back and names nothing, is read with the sentences around it.
        const around = parts.filter((p) => !asking.includes(p)).join('. ');
        const pointsBack = /\b(?:that|this|it)\b/.test(q1) && !reader.named(q1, true).length;
        if (around && (!CONFIDENT.has(first.intent) || pointsBack)) {
          const set = respond(parser.read(q1, around, { borrowTopic: false, message: text }), seed, text);
          if (CONFIDENT.has(set.intent)) first = set;
        }
        // The second part may lean on the first as a thread follow-up does ("…? and for gcp?").
        const second = distinct(first, secondPart(q2, q1, seed), q2, q1, seed);
        // "what's a webhook, and how do we avoid processing the same one twice": a second question that says nothing
        // new read with the first, yet read as one question with the first as its context it finds something else,
        // is both (two sentences only: in a longer message the first is as often the setting).
        if (!second && parts.length === 2 && CONFIDENT.has(first.intent)) {
          const withFirst = inContext(parts, q2, text, seed);
          if (CONFIDENT.has(withFirst.intent) && withFirst.subjects[0]?.id !== first.subjects[0]?.id)
            return { ...overruled(first, q1, seed), also: withFirst };
        }
        if (second && CONFIDENT.has(first.intent) && CONFIDENT.has(second.intent)) {
          // "need global hotkeys. leaning pyautogui, would pynput fit better?": a comparison holding the other part's subject answers both.
          const holds = (a: Answer, b: Answer) =>
            a.intent === 'compare' && a.subjects.some((x) => x.id === b.subjects[0]?.id);
          if (!q2part?.led && holds(second, first)) return second;
          if (!q2part?.led && holds(first, second)) return first;
          // "what is opencv used for? and pillow?": a name alone, led in after a question from an angle, is asked the same.
          const angle = first.intent === 'library' ? first.focus : undefined;
          const bareId = second.intent === 'library' ? second.subjects[0]?.id : undefined;
          const bareEntry = bareId === undefined ? undefined : kb.entries.get(bareId);
          // ("what is starlette? and litestar?": what the first is, asked of the second too, two cards.)
          const whatIs = angle === 'overview' && WHAT_IS_NAME.test(q1);
          if (q2part?.led && bare(q2) && angle && (angle !== 'overview' || whatIs) && bareEntry?.type === 'package')
            return {
              ...first,
              also: cardOf(bareEntry, seed, angle),
            };
          // "requests? httpx?": a part that is only a name joins the other in one comparison.
          const all = parser.read(text);
          const about = [first.subjects[0]?.id, second.subjects[0]?.id];
          if (
            (bare(q1) || bare(q2)) &&
            all.kind === 'compare' &&
            about.every((id) => all.items.some((e) => e.id === id))
          )
            return respond(all, seed);
          // Each part, read by itself, may give way to the ranker as a whole message does (cross-validated: +8;
          // reading the second with the first, -33).
          return { ...overruled(first, q1, seed), also: overruled(second, q2, seed) };
        }
      }
      return inContext(parts, asking[asking.length - 1] as string, text, seed);
    }
    // "two things: what is alembic, and celery vs rq?": one sentence, read without the words that lead it in.
    const one =
      marked.length === 1 && marked[0]?.led && marked[0].text && /^[^:]{1,24}:\s/.test(text)
        ? marked[0].text
        : // ("dumb q but what's a venv": one sentence, read without the words that excuse it.)
          marked.length === 1 && PREAMBLE.test(text)
          ? text.replace(PREAMBLE, '')
          : text;
    const single = respond(parser.read(one), seed, one);
    return (
      guessedAt(one, single, seed) ??
      againstBuiltIn(one, single, seed) ??
      joined(one, single, seed) ??
      eachOne(one, single, seed) ??
      bothShown(one, single, seed) ??
      single
    );
  }

  /**
   * "what do we use to talk to postgres from python, psycopg right?", "what's the thing that checks type hints,
   * mypy?": a question for a tool that ends with a guess at one. The question's picks with the guess first, when it
   * is of their kind, else the guess's card.
   */
  function guessedAt(text: string, single: Answer, seed: number): Answer | undefined {
    const tail = GUESS_TAIL.exec(text);
    if (!tail) return undefined;
    const head = text.slice(0, tail.index).trim();
    // (Only a name: "…, not django", "…, redis already running" add to the question, they guess nothing.)
    const id = kb.names.get(normKey((tail[1] ?? '').trim()));
    const guessed = id === undefined ? undefined : kb.entries.get(id);
    if (guessed?.type !== 'package' || !asksByItself(head)) return undefined;
    // ("compare django and flask, fastapi": a list of names of one kind guesses nothing.)
    const kindNamed = parser.named(head).some((n) => {
      const e = kb.entries.get(n);
      return e?.type === 'package' && e.category === guessed.category;
    });
    if (kindNamed) return undefined;
    const asked = respond(parser.read(head), seed, head);
    const picks = asked.intent === 'recommend' ? asked.subjects.map((x) => kb.entries.get(x.id)) : [];
    const first = picks[0];
    if (first?.type === 'package' && first.category === guessed.category)
      return respond(
        picked([guessed, ...picks.filter((e): e is PackageEntry => e?.type === 'package' && e.id !== guessed.id)]),
        seed,
      );
    return single.intent === 'library' && single.subjects[0]?.id === guessed.id ? single : cardOf(guessed, seed);
  }

  /** What ships with Python for a package's job (logging for loguru, unittest for pytest), if anything does. */
  function builtInFor(p: PackageEntry): PackageEntry | undefined {
    return kb.packages.find((s) => s.kind === 'stdlib' && s.category === p.category && s.id !== p.id);
  }

  /** "pytest or the built-in one?", "loguru vs the stdlib one": one package set against what ships with Python for its job. */
  function againstBuiltIn(text: string, single: Answer, seed: number): Answer | undefined {
    if (single.intent === 'compare' || !BUILT_IN_ONE.test(text) || !SET_AGAINST.test(text)) return undefined;
    const named = onlyNamed(text);
    const builtIn = named ? builtInFor(named) : undefined;
    return named && builtIn
      ? respond({ kind: 'compare', items: [named, builtIn], unknown: [], purpose: [] }, seed)
      : undefined;
  }

  /** One question with sentences of context around it: the question decides, the context is its setting and purpose. */
  function inContext(parts: string[], asked1: string, text: string, seed: number): Answer {
    const context = parts.filter((p) => p !== asked1).join('. ');
    // "someone mentioned ruff in standup. what is it": a question of what "it" is or does is about the one
    // package its context names, and is read with that name in its place. (Only that question: "it" in
    // "will it help" or "is it safe" is as often the situation the context tells.)
    const meant = WHAT_IS_IT.test(asked1) ? onlyNamed(context) : undefined;
    const question = meant ? asked1.replace(/\b(?:it|that one|this one)\b/, meant.name.toLowerCase()) : asked1;
    // First with the question's own topic (the context only ranks), then borrowing the context's words.
    // The entry ranker reads the question twice beside its context, so a long setting ("…the weekly KPI pdf…")
    // does not outweigh what is asked ("…run it on a schedule?").
    const weighed = [...Array<string>(QUESTION_WEIGHT).fill(question), context].join('. ');
    const own = respond(parser.read(question, context, { borrowTopic: false, message: text }), seed, weighed);
    const read = CONFIDENT.has(own.intent)
      ? own
      : respond(parser.read(question, context, { message: text }), seed, text);
    // Names spread over sentences ("django vs flask. which for a small api?") are one comparison.
    const whole = parser.read(text);
    // …when the question itself names one of them ("leaning pyautogui, would pynput be a better fit?"), or found nothing else.
    // "…the team is split between httpx and aiohttp. how do they compare?": "they" are the two the nearest
    // sentence names, not every name of the message.
    const inQuestion = parser.named(question);
    const they = !inQuestion.length && THEY.test(question) ? lastNamed(parts.filter((p) => p !== question)) : [];
    if (whole.kind === 'compare' && read.intent !== 'compare') {
      // (A question that names one and weighs it: "In plain terms, what is DRF?" after DRF, Django and FastAPI
      // were named looks up the one it names; "which python driver for mysql" asks for a driver.)
      const weighsNamed =
        whole.items.some((e) => inQuestion.includes(e.id)) &&
        (WEIGH.test(question) || SET_AGAINST.test(question) || STRONG_COMPARE.test(question) || bare(question));
      // (A question naming a concept of its own, "what's the difference between wsgi and asgi", weighs that.)
      const namesNothing = !parser.named(question, true).length;
      // ("the report page runs a slow postgres query, we'd cache it in redis. what are the trade-offs?": names only
      // mentioned, set against nothing, are no comparison the question weighs. Cross-validated +4 with the above.)
      const setAgainst =
        THEY.test(question) ||
        parts.some(
          (p) =>
            /\b(?:vs|versus|or|between|against|compared?|over|instead)\b|\//.test(p) && parser.named(p).length >= 2,
        );
      if (!CONFIDENT.has(read.intent) || weighsNamed || (namesNothing && WEIGH.test(question) && setAgainst))
        return respond(they.length >= 2 ? { ...whole, items: they } : whole, seed);
    }
    if (read.intent === 'compare' && they.length >= 2 && they.length < read.subjects.length)
      return respond({ kind: 'compare', items: they, unknown: [], purpose: [] }, seed);
    if (CONFIDENT.has(read.intent)) return read;
    const all = respond(whole, seed, text);
    if (CONFIDENT.has(all.intent)) return all;
    // Nothing known: the reading that names what it did not recognise says more.
    return all.unrecognised?.length && !read.unrecognised?.length ? all : read;
  }

  /**
   * "what's the ML stack per the bot, and the LLM app stack?", "show me the data science stack and the
   * machine learning stack": two stacks, checklists or concepts named under one ask, with nothing that
   * weighs them, are both shown.
   */
  function bothShown(text: string, single: Answer, seed: number): Answer | undefined {
    const shown = single.subjects[0]?.id;
    if (single.also || !SHOWN.has(single.intent) || single.subjects.length !== 1 || !shown) return undefined;
    if (!/\band\b|\+/.test(text) || COMPARE_CUE.test(text.replace(/,/g, ' ')) || WEIGH.test(text)) return undefined;
    if (/\b(?:diff\w*|betw\w*|or)\b/.test(text)) return undefined;
    const named = parser.named(text, true).filter((id) => SHOWN.has(kb.entries.get(id)?.type ?? 'package'));
    const other = kb.entries.get(named.find((id) => id !== shown) ?? '');
    if (named.length !== 2 || !named.includes(shown) || !other) return undefined;
    return {
      ...single,
      also: cardOf(other, seed),
    };
  }

  /**
   * "what's the kubernetes python client and the docker sdk", "networkx and sympy — what are they, in one
   * line each?": two names joined by "and" under a question of what they are, with nothing that weighs
   * them, are two look-ups, each answered with its card.
   */
  function eachOne(text: string, single: Answer, seed: number): Answer | undefined {
    if (single.intent !== 'compare' || single.subjects.length !== 2) return undefined;
    if (!LOOK_UP_EACH.test(text) || COMPARE_CUE.test(text.replace(/,/g, ' ')) || WEIGH.test(text)) return undefined;
    // ("whats the diffrence betwen flask and fastapi" weighs them, typed fast.)
    if (!/\band\b/.test(text) || /\b(?:diff\w*|betw\w*)\b/.test(text)) return undefined;
    const [a, b] = single.subjects.map((x) => kb.entries.get(x.id));
    if (!a || !b) return undefined;
    // Each from the angle the question asks ("what's factory_boy for, and faker?": the uses of both).
    const focus = FOCUS_CUES.find(([, re]) => re.test(text))?.[0] ?? 'overview';
    const card = (entry: Entry) => cardOf(entry, seed, entry.type === 'package' ? focus : 'overview');
    return { ...card(a), also: card(b) };
  }

  /**
   * Two questions joined inside one sentence ("whats opencv, and pillow vs opencv for resizing",
   * "explain RAG pls, also llamaindex or langchain"): both halves ask, each answers on its own with
   * something the other does not, so both are answered. A list of names ("django, flask, and
   * fastapi") has a half that does not ask, and stays one question.
   */
  function joined(text: string, single: Answer, seed: number): Answer | undefined {
    const at = JOIN.exec(text);
    if (!at || !CONFIDENT.has(single.intent)) return undefined;
    // ("quick q's: what's a message broker, and …": the words before a colon lead the left half in.)
    const before = text.slice(0, at.index).trim();
    const lead = COLON_LEAD.exec(before);
    const left = lead ? before.slice(lead.index + lead[0].length) : before;
    const right = text.slice(at.index + at[0].length).trim();
    // The right half may lean on the left as a follow-up does ("…, and the security one too").
    if (!asksByItself(left) || !(asksByItself(right) || ONE_THING.test(right))) return undefined;
    // "what's better for a nightly ETL — airflow or prefect": a left half that weighs and names nothing weighs the right's names.
    // (Not one that weighs two things of its own: "what's the difference between etl and elt, and airflow vs prefect".)
    if (WEIGH.test(left) && !parser.named(left).length && !OWN_PAIR.test(left)) return undefined;
    const first = respond(parser.read(left), seed, left);
    const second = secondPart(right, left, seed);
    if (!CONFIDENT.has(first.intent) || !CONFIDENT.has(second.intent)) return undefined;
    const key = (a: Answer) => `${a.intent} ${a.subjects.map((x) => x.id).join(' ')}`;
    if (key(first) === key(second)) return undefined;
    return { ...overruled(first, left, seed), also: overruled(second, right, seed) };
  }

  /**
   * A question that names nothing, asks for no tool and holds at most one word of its own ("what's the catch",
   * "how do people handle it").
   */
  function vague(q: string): boolean {
    if (reader.named(q, true).length || ASKS_FOR_TOOL.test(q) || /\b(?:which|one for|ones for)\b/.test(q)) return false;
    const own = q.split(' ').filter((w) => /^[a-z]/.test(w) && !COMMON_WORDS.has(w) && !CUE_WORDS.has(w));
    return own.length <= VAGUE_WORDS;
  }

  /** A part that asks by itself: a question word, a weighing of names, an angle, or a request to explain. */
  function asksByItself(part: string): boolean {
    return (
      ASKS.test(part) ||
      NEED.test(part) ||
      EXPLAIN.test(part) ||
      VERSUS.test(part) ||
      (/\bor\b/.test(part) && parser.named(part).length >= 2) ||
      FOCUS_CUES.some(([, re]) => re.test(part))
    );
  }

  /**
   * "…one query per row. what's this called and how do we avoid it?", "what's that called again" in a
   * thread: the entry the described words (and the thread's question) point to, a package when the
   * phrase asks for a tool, else a concept; nothing when the words point nowhere clearly.
   */
  function named(text: string, previous?: string): Answer | undefined {
    const asked = NAMING.exec(text);
    if (!asked) return undefined;
    const described = `${previous ?? ''} ${text.replace(NAMING, ' ')}`.replace(/\s+/g, ' ').trim();
    // "what's that lib called": the package the words describe.
    const tool = /\b(?:library|lib|package|tool|module|framework)\b/.test(asked[0]);
    return rankedAnswer(kb, ranker, described, tool ? 'recommend' : 'concept', new Set());
  }

  /**
   * "mysql driver that plays nice with asyncio", "async http client for python": picks for a message that asks for
   * async (or to run things concurrently), the async ones first; for one that asks for sync or says nothing is async,
   * the others first (clients and drivers; frameworks' descriptions do not say which are async).
   */
  function asyncFirst(a: Answer, text: string, seed: number): Answer {
    if (a.intent !== 'recommend' || a.also) return a;
    const notAsync = NOT_ASYNC.test(text);
    const asyncAsked = !notAsync && (ASYNC_WANTED.test(text) || CONCURRENT.test(text));
    const syncAsked = notAsync || (!asyncAsked && SYNC_SAID.test(text));
    // (Both, as in "our sync flask view … we want them concurrent, which async client", say nothing clear.)
    if (asyncAsked ? SYNC_WANTED.test(text) : !syncAsked) return a;
    const picks = a.subjects.map((x) => kb.entries.get(x.id));
    if (!picks.every((p): p is PackageEntry => p?.type === 'package' && p.kind !== 'framework')) return a;
    // ("what's the non-async postgres driver", "plain mysql, nothing async anywhere": those that are not, first;
    // cross-validated +3, tuning +1.)
    const wanted = (p: PackageEntry) => isAsync(p) !== syncAsked;
    const first = [...picks.filter(wanted), ...picks.filter((p) => !wanted(p))];
    if (!wanted(first[0] as PackageEntry) || first[0] === picks[0]) return a;
    return { ...respond(picked(first), seed), title: a.title };
  }

  /**
   * "<celery docs> are a maze. is there a simpler job queue?", "airflow feels heavy. lighter option?":
   * picks asked for instead of a name the message gives leave that name out, and say so.
   */
  function lighter(a: Answer, text: string, seed: number): Answer {
    if (a.intent !== 'recommend' || !(OTHER_ONE.test(text) || MOVE_ON.test(text))) return a;
    const had = new Set(parser.named(text));
    const left = a.subjects.filter((x) => had.has(x.id));
    const keep = a.subjects.flatMap((x) => (had.has(x.id) ? [] : [kb.entries.get(x.id) as Entry]));
    if (!keep.length || !left.length) return a;
    const r = respond(picked(keep), seed);
    return withNote({ ...r, title: a.title }, `Leaving out ${joinAnd(left.map((x) => x.name))}, the one you have.`);
  }

  return {
    knowledge: kb,
    answer(input, options = {}) {
      const seed = options.tipSeed ?? 0;
      forgetSearches(index);
      readings.clear();
      namings.clear();
      guesses.clear();
      const typed = typeof input === 'string' ? input : '';
      // Courtesy is read from the normalised text, so a button that re-asks it gets the same answer.
      const cleaned = cleanText(typed);
      python = SAYS_PYTHON.test(cleaned);
      if (THANKS_ONLY.test(cleaned) || courtesy(normalize(typed), cleaned.includes('?')))
        return respond({ kind: 'thanks' }, seed);
      // Everything below reads the normalised text, so a button that carries it re-asks the same question.
      // A pasted install command names the package it installs ("`pip install djangorestframework`").
      const text = normalize(installsNamed(typed, kb));
      // "thanks! unrelated but does anyone know the wifi password": a message that says it leaves the thread's
      // subject is read on its own.
      if (options.previous && UNRELATED.test(text)) options = { ...options, previous: undefined };
      // "we're on github enterprise", "she mostly wants to build an API": a remark in a thread that asks
      // nothing adds to the thread's question, which is answered again with it and remembered with it.
      const remark =
        options.previous &&
        !cleaned.includes('?') &&
        !ASKS.test(text) &&
        !ASKS_ANYWHERE.test(text) &&
        !FOLLOW_UP.test(text) &&
        !/^(?:btw|random|separately)\b/.test(text) &&
        (REMARK_START.test(text) || text.split(' ').length > REMARK_WORDS);
      // "what is alembic, and celery vs rq?" in a thread (or the local console, which keeps its last question): two
      // questions of their own, pointing back at nothing, are both answered as they would be alone (read with the
      // thread they were one comparison of three). Unchanged on every labelled part, whose threads hold few such messages.
      // (Only a message with somewhere to split is read whole as well: most follow-ups are not.)
      const endsAsking = /\?[^a-z0-9]*$/.test(cleaned);
      const both =
        options.previous &&
        MAY_HOLD_TWO.test(text) &&
        !FOLLOW_UP.test(text) &&
        !PRONOUN.test(text) &&
        !/^(?:vs|versus|or)\b/.test(text)
          ? whole(text, seed, endsAsking)
          : undefined;
      const direct =
        (both?.also && CONFIDENT.has(both.intent) && CONFIDENT.has(both.also.intent) ? both : undefined) ??
        named(text, options.previous) ??
        (options.previous
          ? inThread(text, options.previous, seed, true)
          : FOLLOW_UP.test(text)
            ? orphan(text, seed)
            : whole(text, seed, endsAsking));
      // Read as context before the thread's question, as a long message is ("…the files are old .xls. which library?"),
      // where read with the thread it finds no answer.
      const combined = remark && !CONFIDENT.has(direct.intent) ? `${text}. ${options.previous}` : undefined;
      const again = combined ? whole(normalize(combined), seed, true) : undefined;
      // A remark answered on its own still adds to the thread's question, which the thread keeps asking.
      const answered =
        combined && again && CONFIDENT.has(again.intent)
          ? { ...again, asked: combined }
          : // (So does a message in a thread it cannot answer: "looks nice for the rate lookup scripts" after "what is
            // typer" leaves typer the thread's subject for "vs click?". Tuning +5, cross-validated +3.)
            (remark || (options.previous && direct.intent === 'unknown')) && !direct.asked
            ? { ...direct, asked: `${options.previous}. ${text}` }
            : direct;
      // The words the ranker weighs: a follow-up's with its thread's.
      const overall = overruled(answered, options.previous ? `${options.previous} ${text}` : text, seed, text);
      const answer = options.previous ? ownPick(overall, text, seed) : linkedCard(overall, typed, text, seed);
      // "is celery juice actually good for you", "black or navy for the new polos?": a message whose names are all
      // everyday words, which the classifier reads as out of scope, means the everyday things.
      if (!options.previous && CONFIDENT.has(answer.intent)) {
        // (The classifier's read first: it is at hand, and linking the names again is not.)
        const g = guess?.(text);
        if (g?.label === 'unknown' && g.p >= EVERYDAY_SENSE && reader.onlyEverydayNames(text))
          // (Saying the names it did not know beside them: "celery vs sidekiq for the payout jobs?" does not know
          // "sidekiq". Cross-validated +2, none lost.)
          return { ...respond({ kind: 'unknown', unrecognised: answer.unrecognised ?? [], words: [] }, seed), version };
        if (everydaySense(text, answer))
          return { ...respond({ kind: 'unknown', unrecognised: [], words: [] }, seed), version };
      }
      const long = stripSlackMarkup(typed).trim().length > MAX_QUERY_CHARS;
      const picks = options.previous
        ? answer
        : asyncFirst(lighter(besideUnknown(answer, text), text, seed), text, seed);
      const out = long
        ? withNote(picks, `That was a long message; I read its first ${MAX_QUERY_CHARS} characters.`)
        : picks;
      return { ...out, version };
    },
  };
}

/**
 * After ? ! . or ;, at " + " (not inside tools weighed together: "celery + rabbitmq vs celery + redis", "ruff vs black +
 * flake8"; cross-validated +3 with a name said on every side left out, none lost), before ", and which …" / "then tell
 * me …" (a second question), after a comma before a word that only ever opens another question (", and separately,
 * merge…", ", and also for…"), and before ", what's X" ending the message, maybe with "again" or "anyway" ("brain's
 * fried, what's pep8 again": cross-validated +1).
 */
const SENTENCE_BREAK =
  /(?<=[?!.])\s+(?=\S)|;\s*|\s+(?=[+&]\s+(?:what|whats|which|how|is|are|should|can|do|does|where|who|why|any)\b)|\s+[+&]\s+(?<!(?:^|\bbetween\s+)\S+\s+[+&]\s+(?=\S+\s+(?:vs|versus)\b))(?<!\b(?:vs|versus)\s+\S+\s+[+&]\s+)|\s+(?=\d[.)]\s+)|,?\s+(?=(?:one more|another one|unrelated|btw|also)\s*:)|,\s+(?=(?:so |wait |ok |but )?(?:what(?:'s|s| is| are| even is)|wtf is)\s+(?!(?:it|that|this|they|those|these|them)\b)\S+(?:\s+(?:again|anyway|exactly|even|actually|then|lol|tho|though|now))?\s*\??$)|,?\s+(?:—\s+)?(?=(?:and|also|plus|oh and|then|and then|and unrelated|and separately)\b,?\s+(?:also,?\s+|separately,?\s+|unrelated,?\s+)?(?:what|whats|which|how|is|are|should|can|do|does|where|when|who|why|tell|give|show|got|any)\b)|(?:,|\s+—)\s+(?=(?:and separately|and also|and unrelated|oh and|separately|unrelated)\b,?\s+\S)/i;

/** "…, and another for", "+ one for", "and something to": a second tool asked for, for a job of its own. */
const SECOND_TOOL =
  /(?:,\s*|\s+)(?:and|plus|\+|&)\s+(?:also\s+)?(?:another(?: one)?|one|something(?: else)?|(?:a |an(?:other)? )?(?:lib|library|package|tool))\s+(?=(?:for|to|that|which)\b)/;
/** Where a message may join two questions: a comma, a mark, a question mark inside it, "and", "also". */
const MAY_HOLD_TWO = /[,;:+&?]|\b(?:and|also|plus|btw|separately)\b|\s[—–]\s/;
/** Two things weighed by a phrase of their own ("between etl and elt", "etl vs elt"). */
const OWN_PAIR = /\bbetween \S+ and \S+|\S \b(?:vs|versus)\b \S/;
/** A colon before a question word: the words before it lead the question in ("for the intern plan: what…"). */
const COLON_LEAD = /:\s+(?=(?:what|whats|what's|which|how|is|are|should|can|could|do|does|where|when|who|why)\b)/;

/**
 * The sentences of a normalised message. "for our intern plan: what skills should a junior have, and what's the
 * learning path?": a sentence led in by words and a colon, before a part joined as another question, is its setting
 * and its first question apart (the setting alone left the first question unasked). Not when the words before the
 * colon only mark the question ("two things:", "q1:"), nor before a sentence of its own ("…main topic: how X differs
 * from Y. What's the distinction?", where the colon's words are the question's setting). (Cross-validated +15.)
 */
function sentences(text: string): string[] {
  const all = text
    .split(SENTENCE_BREAK)
    .map((s) => s.trim())
    .filter(Boolean);
  return all.flatMap((s, i) => {
    const at = COLON_LEAD.exec(s);
    if (!at || !LEAD_IN.test(all[i + 1] ?? '')) return [s];
    const lead = s.slice(0, at.index);
    if (!`${lead}: `.replace(LEAD_IN, '').trim()) return [s];
    return [lead, s.slice(at.index + at[0].length)];
  });
}

/**
 * A reading whose picks are already known (a service's clients, a concept's packages), titled by `need`
 * (["async", "http clients"]: "For async http clients").
 */
const picked = (picks: Entry[], need: string[] = [], title?: string): Query => ({
  kind: 'recommend',
  need,
  context: [],
  exclude: [],
  purpose: [],
  picks,
  ...(title ? { title } : {}),
});

/** Whether a reading names something of its own (an entry, names to compare, a command, names not known). */
function namesSomething(q: Query): boolean {
  return (
    q.kind === 'entry' ||
    q.kind === 'compare' ||
    q.kind === 'pick' ||
    q.kind === 'help' ||
    q.kind === 'thanks' ||
    (q.kind === 'unknown' && q.unrecognised.length > 0)
  );
}

/** The kind of answer a reading asks for, for a follow-up that asks the same of something else. */
function preferOf(q: Query): Prefer | undefined {
  if (q.kind === 'recommend') return 'recommend';
  if (q.kind === 'search') return q.prefer;
  if (q.kind === 'entry' && q.entry.type !== 'package' && q.entry.type !== 'tip') return q.entry.type;
  if (q.kind === 'pick') return q.type;
  return undefined;
}
