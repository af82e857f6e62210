/**
 * Cue words: the phrases that say what kind of answer a message wants, independent of what it is
 * about. Each cue is one regular expression over normalised text, named for the slot it fills.
 *
 * @example
 * FOCUS_CUES.find(([, re]) => re.test('can i run tornado in production'))?.[0] // 'production'
 */

import type { Focus } from './types.js';

export type { Focus };

/** The angle on one named thing, first match wins (alternatives before worth: "is X worth it over Y"). */
export const FOCUS_CUES: [Exclude<Focus, 'overview'>, RegExp][] = [
  // Good for whom, not for what: "is fastapi good for beginners", "scikit-learn ok for a newbie" ask whether it is worth it.
  [
    'worth',
    /\b(?:good|ok|okay|fine|right|suitable|friendly) (?:for|to) (?:a |an |total |complete )?(?:beginners?|newbies?|noobs?|juniors?|students?|learners?|someone new|newcomers?|first-timers?|learning)\b|\bbeginner[- ]friendly\b/,
  ],
  // "what are the downsides of django", "when should i not use pandas": what speaks against it, which the worth card
  // weighs (when to pick it, its alternatives). "what are the downsides of django" was picks for the Django ORM.
  // (Cross-validated unchanged.)
  [
    'worth',
    /\b(?:(?:downsides?|drawbacks?|cons|weaknesses|weak spots?|limitations?|gotchas?|pitfalls?) (?:of|with|to) |(?:its|their) (?:downsides?|drawbacks?|cons|weaknesses|weak spots?|limitations?|gotchas?|pitfalls?)\b|when (?:should|would|do) (?:i|we|you|one|people) (?:not|never|avoid) (?:use|pick|choose)\b|what(?:'s|s| is) (?:wrong|bad) (?:with|about) )/,
  ],
  // "is it worth switching from the stdlib logging", "worth the move from flask?": whether the one asked about is
  // worth the change, though "switching from" alone asks for alternatives.
  [
    'worth',
    /\bworth (?:it )?(?:switching|moving|migrating|changing|the switch|the move|the migration)(?: over)?(?: to (?:it|this|that))?(?: from)?\b/,
  ],
  // Uses beyond the one the asker knows ("what's it good for besides caching", "what else is it used for")
  // ask its uses, though "besides" and "what else" usually ask for alternatives; so does when to use one
  // thing instead of another ("when would I use starlette directly instead of fastapi").
  [
    'uses',
    /\b(?:(?:(?:used|good) |use (?:\S+ ){0,2})for (?:\S+ ){0,2}(?:besides|apart from|other than|beyond|except)|(?:used|useful) (?:\S+ ){0,2}(?:besides|apart from|beyond) |what else (?:is|are|can|does|do) (?:it|they|\S+) (?:be )?(?:used|good|useful|do)\b|when (?:would|should|do|does|to) (?:i |you |we |one )?(?:use|reach for|pick|choose|go (?:for|with)) \S+ (?:\S+ )?(?:instead of|rather than|over)\b)/,
  ],
  // "requests is blocking my event loop": what the named thing does wrong asks for one that does not (it was picks of
  // async database drivers); "a driver that won't block the event loop" asks for a kind. (Cross-validated unchanged.)
  [
    'alternatives',
    /\b(?<!(?:without|won'?t|wont|doesn'?t|doesnt|don'?t|dont|not|never|no|can'?t|cannot|shouldn'?t) )(?:blocks|blocking|block|stalls|stalling|freezes|freezing) (?:the |my |our |your )?(?:whole )?(?:event loop|async code|asyncio loop)\b/,
  ],
  [
    'alternatives',
    /\b(?:alternatives?|alts?(?= to| for|\b\s*\??$)|alternative to|instead of|replacements?|replace|replacing|substitutes?|similar to|something like|anything like|things like|like \S+ but|competitors?|other options|options besides|swap(?:ping)? out|switch(?:ing)? (?:away )?from|mov(?:e|ing) (?:away )?(?:off|from)|migrat(?:e|ing) (?:away )?from|outgrow(?:n|ing)?|ditch(?:ing)?|equivalent|what else|what are the options|other options|options besides|besides|(?:any|what|which|are there|there) others|other ones|(?:lighter|faster|simpler|easier|nicer|better|newer|modern|leaner|smaller) than|less \S+ than|(?:lighter|simpler|modern|newer|faster) (?:replacement|alternative|option)s?|if not \S+ then|anything else like|something (?:simpler|lighter|easier|faster) (?:exist|out there)|(?:is there|are there|there'?s|know of|got) (?:something|anything|smth) (?:else|better|nicer|simpler|lighter|easier|newer)(?=\s*$| out there| instead| (?:we|i) (?:could|can|should) use| to use)|(?:move|moving|switch|go) to when|compet(?:e|es|ing) with|swaps? for|(?:want|wanna|get|getting) off)\b/,
  ],
  [
    'production',
    /\b(?:production|prod|at scale|scales?|scalable|scaling|mature|maturity|battle[- ]tested|enterprise|reliable|reliability|stable enough|heavy (?:traffic|load)|high (?:traffic|load)|real[- ]world|large (?:apps?|projects?|codebases?|teams?)|big (?:apps?|projects?|companies)|hold up|handle (?:the )?(?:load|traffic)|\d+k? (?:users|requests|rps)|(?:take|handle|survive) (?:\S+ ){0,3}(?:traffic|load|spikes?)|will it (?:explode|blow up|fall over|melt|fall apart)|(?:in )?(?:a )?real (?:products?|projects?|systems?|deployments?)|hobby (?:only|stuff|projects?)|(?:just )?(?:a )?toy)\b/,
  ],
  [
    'uses',
    /\b(?:used for|use cases?|what (?:would|could|can|do|does|should|did) (?:i|we|you|people|folks|one|they|teams) (?:\S+ )?use (?:it|them|this|that|\S+) for\b|(?<!any )good for|(?:is|are) \S+ (?:fine|ok|okay|suitable|decent|solid|a good fit|the right (?:tool|choice|pick)) (?:for|as)|what (?:is|are|does|do) (?:\S+ ){1,3}(?:for|do)$|what (?:can|could) (?:i|you|we|one) (?:do|build|make) with|when (?:does|do|is|would) \S+ (?:make sense|help|fit|shine)|when would (?:i|we|you) need|when (?:would|should|do|to) (?:i |you |we |one )?(?:use|reach for|pick|choose)|purpose of|point of|what.{0,40}\bfor\b$|why would (?:i|you|we|anyone) use|what problems? does|what does \S+ solve|can (?:we|i|you) use (?:it|this|that) (?:for|on|in|to)|in what (?:situations?|cases?|scenarios?)|when(?:'s| is| are) (?:it|\S+) (?:the )?(?:right|best|better|good) (?:pick|choice|tool|call|option)|when (?:do|would) (?:you|people|we|i|folks) (?:ever |actually )?(?:use|need|reach for)|^uses? (?:for|of)\b|where does (?:it|\S+) fit|what (?:can|could|does|would) (?:it|this|that|\S+) (?:actually |really )?do for|what(?:'s|s| is| are) (?:\S+ ){1,2}for (?:nowadays|these days|now|today|anymore))\b/,
  ],
  [
    'worth',
    /\b(?:worth|still (?:used|relevant|alive|maintained|a thing|popular|good|around)|outdated|obsolete|these days|nowadays|in 20\d\d|who (?:uses|picks|still uses)|anyone (?:still )?(?:use|using)|should (?:i|we) (?:learn|adopt|bother|invest)|popular|hyped?|overrated|adopt(?:ing)?|bet (?:\S+ ){0,3}on|future[- ]proof|(?:is|are|isn.t|looks?|seems?) (?:\S+ )?(?:dying|dead)|dead (?:project|library|lib)|still (?:use|using)|good (?:move|idea|call|choice|bet|investment)|roll(?:ing)? (?:\S+ )?out|waste of time|moved on|any good|bother|is (?:it|\S+) (?:still )?maintained|is (?:it|this|that|\S+) overkill|abandoned|switch (?:the |our )?(?:whole )?(?:team|company|org) (?:over )?to|(?:still|people) (?:pick|choose)s?|(?<!(?:when|what|where|which|how) )do (?:i|we|you) (?:even|really|actually) need|need (?:it|\S+) at all|or nah|or not$|y\/n|yay or nay|(?:right|smart|safe|sane) (?:call|choice|pick|move|bet)|^(?:is|are) \S+ (?:nice|legit|decent|solid)$)\b/,
  ],
];

/** Two or more names joined by one of these are being compared. */
export const CONNECTORS = new Set(['vs', 'versus', 'v', 'or', ',', '/', '&', 'and', 'over', '—', '?']);
/** Words that set an unknown name against a known one ("is marshmallow better than pydantic"). */
export const AGAINST = new Set(['than', 'or', '/']);
/** Two-word links that set an unknown name against a known one ("sqlmodel instead of sqlalchemy", "compared with"). */
export const AGAINST_PAIRS = new Set([
  'instead of',
  'compared with',
  'compared to',
  'rather than',
  'better than',
  'over to',
]);
/** Connectors strong enough to make an unknown word an item ("numpy vs julia", "java vs kotlin"). */
export const STRONG_CONNECTORS = new Set(['vs', 'versus', 'v']);

/** "is micropython the same thing as circuitpython": asked whether two are one, which weighs them (cross-validated +2, none lost). */
const SAME_AS = String.raw`(?:the )?same (?:thing |library |tool |package )?as`;
/** Words that ask for a comparison outright: every name then counts, even one in a "to X" / "from X" slot. */
export const STRONG_COMPARE = new RegExp(
  String.raw`\b(?:vs|versus|compare|compared|comparing|comparison|differences?|diffs?|differ|different|differs|pros and cons|trade-?offs?|side by side|stacks? up (?:against|to)|against|${SAME_AS})\b`,
);

export const COMPARE_CUE = new RegExp(
  String.raw`\b(?:vs|versus|compare|compared|comparing|comparison|differences?|diffs?|differ|different|better|worse|which|pick between|choose between|choosing between|deciding between|torn between|or|prefer|preferable|over|pros and cons|trade-?offs?|stacks? up|stacking up|holds? up against|fares?|faring|measures? up|against|head[- ]to[- ]head|${SAME_AS})\b|,`,
);

/** A message that asks what the bot is. */
export const HELP_CUE =
  /^(?:help|usage|commands|menu|start|\?+)$|\b(?:what (?:can|do) (?:you|u|i) (?:do|answer|know|help with|ask)|what should (?:i|we) ask(?: you| u| pystack| the bot| it)?$|what should (?:i|we) do (?:here|with (?:this|you|u|it|pystack|the bot))\b|what should (?:you|u) (?:do|answer|know|help with)|what are you(?: for)?|who are you|how (?:do|can|should) (?:i|we) (?:use|talk to) (?:this|you|pystack|the bot|this bot|it)|what kind of (?:questions|things)|list (?:of )?(?:your )?commands|show (?:me )?(?:the |your )?commands|how does this (?:bot )?work|what is pystack|what'?s pystack|(?:what|who) (?:is|are|r) (?:this bot|you|u|pystack)(?: even| for| about)?|how does (?:pystack|this bot|the bot) work|what (?:stuff|things|topics) (?:do|can) (?:you|u) (?:know|answer|cover)(?: about)?|what (?:are|r) (?:you|u) for)\b/;

/** A message that is only thanks or a greeting (read before courtesies are stripped). */
export const THANKS_ONLY =
  /^(?:(?:thanks?|thank (?:you|u)|thx|thnx|ty|tysm|tyvm|cheers|much appreciated|appreciated?|appreciate (?:it|that)|great|awesome|nice|perfect|cool|got it|makes sense|ok|okay|kk|hi|hey|hello|yo|sup|good (?:morning|afternoon|evening)|gm|lovely|brilliant|legend|you rock|nice one|helpful|that helps|that helped|super|useful|super useful|very useful|very helpful|really helpful|amazing|neat|sweet|exactly what i needed|that's it|thats it|that works|works for me|good stuff|great stuff|top|wonderful|fantastic|lifesaver)[\s!.,]*)+(?:so much|a lot|a ton|again|mate|man|pystack|bot|buddy|everyone|all)?[\s!.,]*$/;

/**
 * What a role is paid ("a fair salary for a senior python developer", "what should we pay a junior django dev", "how
 * much does a data engineer make", "is 90k a good offer for a backend role"): pay, never the stack. With PAY_ROLE.
 */
export const PAY_ASKED =
  /\b(?:salary|salaries|compensation|wages?|pay ?(?:band|scale|range|grade)s?|payscale|(?:day|daily|hourly|going|market) rates?|\d+ ?k (?:offer|salary|a year|per year|base)|(?:pay|paying|paid) (?:a|an|our|the|them|him|her|for a|for an)\b|(?:how much|what) (?:do|does|did|would|will|can|should|could) (?:\S+ ){1,5}(?:make|earn|charge|get paid)(?! of)|budget (?:for|to hire)|\d+ ?k (?:fair|good|enough|reasonable|low|high|ok|okay|decent|competitive)|\d+ ?k\b.{0,20}\boffer)\b/;
/** …said of a role, a person hired for work. */
export const PAY_ROLE =
  /\b(?:devs?|developers?|engineers?|scientists?|analysts?|contractors?|freelancers?|freelance|consultants?|roles?|positions?|hires?|hiring|juniors?|seniors?|interns?|programmers?|coders?|sres?|architects?|leads?)\b/;

/** A request for a tip. */
export const TIP_CUE =
  /\b(?:tips?|til|today i learned|(?:anything|something) (?:new|useful|cool|interesting|fun) to (?:learn|know|read)|(?:anything|something) (?:new|useful|cool|interesting|fun)(?: to \S+)? today|learn (?:something )?today|daily (?:nugget|tip|fact)|random (?:fact|tip)|surprise me|teach me something|fun fact|nugget)\b/;

/**
 * A request to name what the message describes ("what's this called", "is there a name for it",
 * "what do people call that"): the concept (or, with a tool word, the package) its words describe.
 */
export const NAMING =
  /\b(?:what(?:'s| is| are)|whats) (?:it|this|that|these|those)(?: \S+)? called\b|\bis there a (?:name|term|word) for (?:it|this|that)\b|\bwhat do (?:you|people|we|they|folks) call (?:it|this|that)\b|\bwhat(?:'s| is) the (?:name|term) for (?:it|this|that)\b/;

/** Phrases that ask for a short explanation: they mark a definition ("RAG in one line"), then are dropped. */
export const EXPLAIN =
  /\b(?:what'?s up with|what'?s the (?:deal|story|hype) (?:with|around|about)|in (?:one|a|a single|1|a few|two) (?:line|lines|sentence|sentences|word|words|paragraph)|in a nutshell|in plain (?:english|words|terms)|in simple (?:terms|words)|simply put|explained$|tl;?dr|(?:the )?gist(?: of)?|eli5|explain like i'?m (?:new|five|5)|like i'?m (?:new|five|5|a beginner|a junior)|for dummies|remind me what|what(?:'s| is| are) (?:that|this|it|those|these)|what does (?:that|it) (?:mean|do))\b/;

/** Words for what ships with Python ("stdlib", "the standard library", "built-in"). */
export const STDLIB_WORDS = String.raw`(?:stdlib|std ?lib|standard library|built[- ]?in)`;
/** One word for what ships with Python ("stdlib", "std", "builtin"): never a tool's name. */
export const STDLIB_WORD = new RegExp(`^(?:std|${STDLIB_WORDS})$`);
/** What ships with Python, ruled out ("isn't the stdlib logging module", "not the built-in one"). */
export const NOT_STDLIB = new RegExp(
  String.raw`\b(?:not|isn'?t|aren'?t|other than|besides|except|rather than|instead of|beyond|no) (?:the |a |an |just )?${STDLIB_WORDS}\b`,
);
/** What ships with Python, pointed at ("the built-in one", "the stdlib module"). */
export const BUILT_IN_ONE = new RegExp(
  String.raw`\b(?:${STDLIB_WORDS}|standard) (?:one|module|version|lib|library|option|way|thing)\b`,
);

/** "idk what asgi is", "no idea what a venv is": a request for a definition, said sideways. */
export const IDK_WHAT = /\b(?:idk|i don'?t know|i dunno|dunno|no idea|not sure) what (.+?) (?:is|are|means?|does)$/;

/** Phrases that make a message casual without changing what it asks. */
export const CASUAL = new RegExp(
  `${EXPLAIN.source}|\\b(?:real quick|quickly|briefly|even|exactly|actually|honestly|basically|again|lol|lmao|pls|plz|please|asking for a friend|any (?:thoughts|opinions|ideas)|thoughts|opinions|help me out|sanity check|quick one|plays? (?:well|nicely|nice)|works? (?:well|nicely))\\b`,
  'g',
);

/** How an alternative must differ from the name it replaces: "faster than", "but simpler", "a lighter replacement". */
const BETTER_WORD =
  '(?:faster|quicker|simpler|lighter(?:[- ]weight)?|easier|nicer|newer|leaner|smaller|cleaner|better|cheaper|saner|friendlier|safer|stricter|prettier|smoother|sleeker|higher[- ]level|more (?!than\\b)\\w+|less (?!than\\b)\\w+)';
/** Words before a comparison that name no kind ("something similar but lighter", "scrapy feels like overkill"). */
export const SIMILAR = new Set(['similar', 'like', 'alternative', 'alternatives', 'replacement', 'feels', 'overkill']);
export const COMPARATIVE = new RegExp(
  `\\b(?:${BETTER_WORD} than|but ${BETTER_WORD}|${BETTER_WORD} (?:replacement|alternative|option|substitute|version)s?)\\b`,
);
/** The plain forms of a comparison's words ("faster than" -> fast, "easier" -> easy, "nicer" -> nice), which facts use. */
export function positive(comparison: string): string[] {
  return comparison
    .split(' ')
    .filter((w) => /er$/.test(w) && w !== 'than')
    .flatMap((w) => (/ier$/.test(w) ? [w.replace(/ier$/, 'y')] : [w.slice(0, -2), w.slice(0, -1)]));
}

export type Prefer = 'recommend' | 'checklist' | 'stack' | 'concept';

/** What kind of entry a message without a name most likely wants. First match wins. */
export const PREFER_CUES: [Prefer, RegExp][] = [
  // (A "toolbox", "toolset", "starter kit" is a stack too: cross-validated +2.)
  [
    'stack',
    /\b(?:stack(?! up\b)|toolkit|tool ?kit|tooling|setup|toolbox|tool ?box|toolset|tool ?set|starter kit|standard kit|set of (?:libs|libraries|tools|packages)|layer by layer|end to end|what (?:tools|libs|libraries|packages|stack|software) (?:does|do|should|would) (?:a|an|the|my|our)? ?(?:\S+ ){0,3}(?:engineers?|developers?|devs?|scientists?|analysts?|people|folks|teams?)|what (?:does|do|should|would) (?:a|an|the|my|our)? ?(?:\S+ ){0,3}(?:engineers?|developers?|devs?|scientists?|analysts?) (?:\S+ )?(?:use|install|run|work with)|tools (?:for|of) (?:a|an) \S+|essentials for)\b/,
  ],
  [
    'checklist',
    /\b(?:checklists?|steps?|signs|signals?|habits|things to (?:check|know|learn|watch)|what to (?:check|look for|learn|watch)|red flags|warning signs|mistakes|pitfalls|best practices|roadmap|learning path|path|skills|differentiators?|separates?|before (?:shipping|going live|launch|deploying|going to production|\S+ (?:\S+ )?goes live)|goes live|go live|ready for|readiness|how (?:do|should|can|would) (?:i|we|you|one) (?:\S+ ){0,2}(?:vet|choos|pick|evaluat|prepar|start|debug|get started|become|tell|know|improve|make)\w*|how to (?:vet|choos|pick|evaluat|prepar|get started|become)\w*|in good shape|what should (?:a|an) \S+ (?:\S+ )?know|general checklist|where (?:do|should) (?:i|we) start|what should (?:i|we) learn|types of|kinds of|list of)\b/,
  ],
  [
    'concept',
    // "what is X", "explain X", and yes/no questions (which the articles' FAQs answer), but not "what's a good X".
    /^(?:(?:what(?:'s| is| are| does)|whats)(?! (?:a|an|the|some) (?:good|best|decent|solid|right|go-to|recommended|standard|simplest|easiest|fastest|popular|nice|lightweight|lighter)\b)|explain|define|meaning of|why|(?:is|are|do|does|can|could|will|should) (?!there\b|anyone\b|any\b|you\b))|\b(?:mean|means|meaning|definition|concept|explain|difference between|why is)\b/,
  ],
  [
    'recommend',
    /\b(?:what (?:should|can|could|do|would) (?:i|we|you) use|which (?:\S+ )?(?:library|package|tool|one|lib|module)|best|recommend|suggest|need (?:a|an|some)|looking for|go-to|(?:a|an|any) (?:good )?(?:library|package|tool|lib|module)|is there (?:a|an|any)|how (?:do|can|should) (?:i|we) |how to |^which\b|(?:good|best|decent|solid|nice|recommended|favou?rite) (?:python )?(?:library|libraries|package|packages|lib|libs|tool|tools|module|framework|option)|recs|recommendations?|something to|what lib|which lib|need to)\b/,
  ],
];

/** Words right before a name that exclude it. */
export const NEGATION = new Set([
  'not',
  "isn't",
  'isnt',
  "aren't",
  'except',
  'without',
  'avoid',
  'avoiding',
  'excluding',
  'no',
  "don't",
  'dont',
  'but',
  'skip',
  'skipping',
  'ditch',
  'minus',
  'sans',
]);
/** Two-word exclusions ("other than X", "apart from X", "instead of X" when a need is named). */
export const NEGATION_PAIRS = new Set([
  'other than',
  'apart from',
  'rather than',
  'instead of',
  'anything but',
  'except for',
]);

/** A message that continues the thread's previous question. */
export const FOLLOW_UP =
  /^(?:and|also|or|but|plus|what about|how about|and what about|and how about|what if|same (?:for|with|but)|ok and|okay and|then|ok what about|and if)\b/;

/** A question that weighs names the sentences before it gave ("what's the difference?", "who's right"). */
export const WEIGH =
  /\b(?:differences?|differ|different|which one|which is|which of (?:the two|them|these|those|both)|which (?:would|do|should) (?:you|we|i) (?:pick|choose|go with|use)|who'?s right|better|worse|easier|simpler|pros and cons|trade-?offs?|compare|comparison|same thing|consolidate)\b/;
