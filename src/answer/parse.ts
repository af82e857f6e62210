/**
 * Turns what a person typed (Slack text, a CLI argument) into a Query. Pure text work: it knows
 * the command words and phrasings, not the knowledge; the engine resolves names.
 *
 * @example
 * parse('<@U0BOT> *django* vs flask?') // { kind: 'compare', items: ['django', 'flask'], ... }
 */

export type Query =
  | { kind: 'help'; text: string }
  | { kind: 'tip'; text: string; topic: string }
  | { kind: 'compare'; text: string; items: string[]; explicit: boolean }
  | { kind: 'lookup'; text: string; name: string; explicit: boolean }
  | { kind: 'find'; text: string; need: string }
  | { kind: 'checklist'; text: string; topic: string }
  | { kind: 'stack'; text: string; role: string }
  | { kind: 'ask'; text: string };

/** Longest text we read; the rest of a very long message is ignored. */
export const MAX_QUERY_CHARS = 500;

/**
 * Removes Slack markup: mentions, channel links, special mentions, links, formatting. Angle
 * brackets left over (typed by the user, arriving as &lt; &gt;) become spaces, so nothing
 * downstream can ever form a mention.
 */
export function stripSlackMarkup(text: string): string {
  // [^<>] rather than [^>]: Slack escapes "<" inside markup, and it keeps an unclosed "<@<@<@..." linear.
  return text
    .replace(/<[@#!][^<>]*>/g, ' ')
    .replace(/<((?:https?|mailto):[^|<>]*)\|([^<>]*)>/g, '$2')
    .replace(/<(?:https?|mailto):[^<>]*>/g, ' ')
    .replace(/```([\s\S]*?)```/g, '$1')
    .replace(/(^|[\s(])[*_~`]+([^*_~`]+?)[*_~`]+(?=$|[\s).,!?:;])/g, '$1$2')
    .replace(/[`*~]/g, ' ')
    .replace(/&lt;|&gt;|[<>]/g, ' ')
    .replace(/&amp;/g, '&');
}

/** Half of a surrogate pair on its own (a cut emoji, or a "\ud800" escape in JSON). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Lower-case, markup-free, single-spaced text without leading courtesies or trailing punctuation.
 * Idempotent, so a button that carries the normalised question re-asks the same question: one
 * pass can uncover more to strip ("&amp;lt;" decodes to "&lt;"), so passes repeat until stable.
 */
export function normalize(raw: string): string {
  let t = normalizeOnce(raw);
  for (let pass = 0; pass < 8; pass++) {
    const next = normalizeOnce(t);
    if (next === t) break;
    t = next;
  }
  return t;
}

function normalizeOnce(raw: string): string {
  // NFKC first: it folds look-alikes such as "＜＠Ｕ１２３＞" into "<@U123>", which the stripping then removes.
  let t = stripSlackMarkup(
    raw
      .slice(0, MAX_QUERY_CHARS * 4)
      .replace(LONE_SURROGATE, ' ')
      .normalize('NFKC'),
  )
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g, ' ')
    .replace(/[\u2018\u2019]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_QUERY_CHARS)
    .replace(/[\ud800-\udbff]$/, '');
  for (;;) {
    const next = t
      .replace(/^\/?@?pystack\b[:,]?\s*/, '')
      .replace(/^(?:hey|hi|hello|yo|ok|okay|so|please|pls|quick question|question)\b[,:!]?\s*/, '')
      .replace(/^(?:can|could|would) you (?:please )?(?:tell me |show me |give me )?/, '')
      .replace(/\s*\b(?:please|pls|thanks|thank you|thx)$/, '')
      .replace(/(?<=\S)\s+(?:for|in|with|using) python(?: 3)?$/, '')
      .replace(/[\s?!.,;:]+$/, '')
      .trim();
    if (next === t) return t;
    t = next;
  }
}

const SPLIT =
  /\s*(?:,|\bvs\b\.?|\bv\.?s\.?(?=\s)|\bversus\b|\bor\b|\band\b|\bwith\b|\bcompared (?:to|with)\b|\bagainst\b|\s&\s|\s\/\s)\s*/;

/** Splits "a, b or c" / "a vs b vs c" / "a and b" into its items. */
export function splitItems(text: string): string[] {
  return text
    .split(SPLIT)
    .map((s) => s.trim())
    .filter(Boolean);
}

const LEAD_IN =
  /^(?:should (?:i|we) (?:use|pick|choose|go with|learn|try)|which (?:is|one is|would you say is) (?:better|best|faster)[:,]?|which(?: one)?(?: is better| should (?:i|we) (?:use|pick|choose|go with|learn))?[:,]?|what(?:'s| is) better[:,]?|(?:is|are) there (?:a )?difference between|do you prefer|would you (?:use|pick|choose)|(?:thoughts|opinions) on)\s+/;
const TRAIL =
  /\s*(?:which is better|which one|which is best|what do you think|any thoughts|for (?:my|our|a|an|the) .+)$/;

const LOOKUP =
  /^(?:what(?:'s| is| are)|whats|tell me (?:about|more about)|info (?:on|about|for)|information (?:on|about)|explain|describe|define|details (?:on|about|of)|who (?:made|makes|maintains|wrote)|have you heard of|do you know|what do you know about|show me)\s+(?:the |a |an )?(.+?)(?:\s+(?:library|package|module|framework|lib|tool|in python|for python|about))?$/;
const LOOKUP_DO = /^(?:what|how) (?:does|do|is|are) (?:the |a |an )?(.+?) (?:do|work|used for|good for|for)$/;

const FIND = [
  /^(?:what|which) (?:python )?(?:\w+ )?(?:should|can|could|do|would|to) (?:i |we |you )?(?:use|pick|choose|try)(?: for| to| when| with| in)? (.+)$/,
  /^(?:what(?:'s| is| are)|which is|which are) (?:the |a )?(?:best|good|recommended|top|popular|go-to) (?:python )?(?:\w+ )?(?:for|to) (.+)$/,
  /^(?:what(?:'s| is| are)|which is|which are) (?:the )?(?:best|recommended|top|most popular|go-to) (.+)$/,
  /^(?:the |a )?(?:best|good|recommended|top|popular|go-to) (?:python )?(?:(?:library|libraries|package|packages|tool|tools|framework|frameworks|module|option|way|choice) )?(?:for|to) (.+)$/,
  /^(?:any |a |an |some )?(?:good )?(?:python )?(?:library|libraries|package|packages|tool|tools|module|modules|lib|libs) (?:for|to|that) (.+)$/,
  /^(?:i|we) (?:need|want) (?:a |an |some |to )?(?:python )?(?:(?:library|package|tool) (?:for|to) )?(.+)$/,
  /^(?:looking for|recommend|suggest|recommendations? for|suggestions? for)(?: me)?(?: a| an| some)? (.+)$/,
  /^how (?:do|can|should|would) (?:i|we|you|one) (.+?)(?: (?:in|with) python)?$/,
  /^how to (.+?)(?: (?:in|with) python)?$/,
];

const COMMANDS: Record<string, Query['kind'] | undefined> = {
  compare: 'compare',
  lib: 'lookup',
  library: 'lookup',
  pkg: 'lookup',
  package: 'lookup',
  info: 'lookup',
  find: 'find',
  search: 'find',
  recommend: 'find',
  suggest: 'find',
  checklist: 'checklist',
  checklists: 'checklist',
  stack: 'stack',
  stacks: 'stack',
  tip: 'tip',
  tips: 'tip',
  help: 'help',
  usage: 'help',
  commands: 'help',
};

function fromCommand(kind: Query['kind'], rest: string, text: string): Query | undefined {
  switch (kind) {
    case 'compare':
      return { kind, text, items: splitItems(rest), explicit: true };
    case 'lookup':
      return rest ? { kind, text, name: rest, explicit: true } : { kind: 'help', text };
    case 'find':
      return rest ? { kind, text, need: rest } : { kind: 'help', text };
    case 'checklist':
      return { kind, text, topic: rest.replace(/^(?:for|on|about)\s+/, '') };
    case 'stack':
      return { kind, text, role: rest.replace(/^(?:for|of)\s+(?:an? )?/, '') };
    case 'tip':
      return { kind, text, topic: rest.replace(/^(?:about|on|for)\s+/, '') };
    case 'help':
      return rest ? undefined : { kind, text };
    default:
      return undefined;
  }
}

/** Parses one message into a Query. Never throws. `compare: false` reads it as anything but a comparison. */
export function parse(raw: string, options: { compare?: boolean } = {}): Query {
  const text = normalize(raw);
  const allowCompare = options.compare !== false;
  if (
    !text ||
    /^(?:help|usage|commands|\?|what can you do|how (?:do|can|should) (?:i|we|you) use (?:this|you|pystack|this bot|the bot|it)|what do you do|who are you|menu|start)$/.test(
      text,
    )
  ) {
    return { kind: 'help', text };
  }
  const [first = '', ...restWords] = text.split(' ');
  const command = COMMANDS[first];
  if (command) {
    const q = fromCommand(command, restWords.join(' ').trim(), text);
    if (q && (allowCompare || q.kind !== 'compare')) return q;
  }
  if (/^(?:help me|i need help)(?: with| to| choose| pick)?\s+/.test(text))
    return parse(text.replace(/^(?:help me|i need help)(?: with| to)?\s+/, ''));
  if (
    /^(?:give me |show me |send |share |post )?(?:a |another |one more |random |the )?(?:daily |random |quick |python )?tips?(?: of the day| please)?$/.test(
      text,
    )
  ) {
    return { kind: 'tip', text, topic: '' };
  }
  if (/\bchecklists?\b/.test(text)) {
    return {
      kind: 'checklist',
      text,
      topic: text.replace(/\b(?:a |an |the )?checklists?\b( for| on| about)?/g, ' ').trim(),
    };
  }
  const stack = text.match(
    /^(?:(?:what(?:'s| is) )?(?:the |a |an )?(?:tech )?stack (?:for|of) (?:an? |the )?(.+)|(?:the |a |an )?(.+?) (?:tech )?stack)$/,
  );
  if (stack) return { kind: 'stack', text, role: (stack[1] ?? stack[2] ?? '').trim() };
  const role = text.match(
    /^(?:what )?(?:tools|toolkit|tech|technologies)(?: does| do| should)? (?:for |of )?(?:an? |the )?(.+?) (?:python )?(?:developers?|devs?|engineers?)(?: use| need)?$/,
  );
  if (role?.[1]) return { kind: 'stack', text, role: role[1] };

  const between = text.match(/^(?:what(?:'s| is| are) )?(?:the )?(?:main )?differences? between (.+)$/);
  if (allowCompare && between?.[1]) return { kind: 'compare', text, items: splitItems(between[1]), explicit: false };
  const cmp = text.replace(LEAD_IN, '').replace(TRAIL, '');
  if (allowCompare && /(?:,|\bvs\b|\bversus\b|\bor\b|\bcompared (?:to|with)\b|\bagainst\b)/.test(cmp)) {
    const items = splitItems(cmp.replace(/^(?:comparing|comparison of)\s+/, ''));
    if (items.length >= 2) return { kind: 'compare', text, items, explicit: false };
  }
  for (const re of FIND) {
    const m = text.match(re);
    if (m?.[1]) return { kind: 'find', text, need: m[1].trim() };
  }
  const look = text.match(LOOKUP) ?? text.match(LOOKUP_DO);
  if (look?.[1]) return { kind: 'lookup', text, name: look[1].trim(), explicit: false };
  return { kind: 'ask', text };
}
