/**
 * The one registry of intents: each intent's command words, example, description and whether
 * its answers are worth sharing in a channel. Help text, App Home, the command router and the
 * Slack door's share rule all read this table.
 *
 * @example
 * commandIntent('lib') // 'library'
 * INTENT_SPECS.filter((s) => s.example).map((s) => s.example) // ['compare django fastapi', ...]
 */

export const INTENTS = [
  'compare',
  'library',
  'recommend',
  'checklist',
  'stack',
  'concept',
  'search',
  'tip',
  'help',
  'about',
  'thanks',
  'unknown',
] as const;
export type Intent = (typeof INTENTS)[number];

export interface IntentSpec {
  intent: Intent;
  /** Words that start an explicit command ("/pystack lib httpx"). */
  words: string[];
  /** A command to show in help, without the door's prefix. */
  example?: string;
  /** What the answer is, for help. */
  what: string;
  /** Offer "Share in channel" under an ephemeral answer of this intent. */
  shareable: boolean;
}

export const INTENT_SPECS: readonly IntentSpec[] = [
  {
    intent: 'compare',
    words: ['compare'],
    example: 'compare django fastapi',
    what: 'side-by-side comparison of 2 to 4 things, with a verdict',
    shareable: true,
  },
  {
    intent: 'library',
    words: ['lib', 'library', 'pkg', 'package', 'info'],
    example: 'lib httpx',
    what: 'a library card: what it is, why people pick it, alternatives',
    shareable: true,
  },
  {
    intent: 'recommend',
    words: ['find', 'search', 'recommend', 'suggest'],
    example: 'find background jobs',
    what: 'what to use for a need',
    shareable: true,
  },
  {
    intent: 'checklist',
    words: ['checklist', 'checklists'],
    example: 'checklist production',
    what: 'a checklist (production, security, choosing a library...)',
    shareable: true,
  },
  {
    intent: 'stack',
    words: ['stack', 'stacks'],
    example: 'stack backend',
    what: 'the stack for a role (backend, automation, data, full-stack)',
    shareable: true,
  },
  {
    intent: 'concept',
    words: [],
    example: 'what is idempotency',
    what: 'a concept or a common question',
    shareable: true,
  },
  { intent: 'search', words: [], what: 'entries that match the words', shareable: true },
  { intent: 'tip', words: ['tip', 'tips'], example: 'tip', what: 'a short Python stack tip', shareable: true },
  {
    intent: 'help',
    words: ['help', 'usage', 'commands'],
    example: 'help',
    what: 'what I can answer',
    shareable: false,
  },
  {
    intent: 'about',
    words: ['about', 'version'],
    example: 'about',
    what: "the knowledge's sources, counts and version, and your team's standards",
    shareable: false,
  },
  { intent: 'thanks', words: [], what: 'a short reply to thanks', shareable: false },
  { intent: 'unknown', words: [], what: 'an honest "I don\'t know"', shareable: false },
];

const BY_WORD = new Map(INTENT_SPECS.flatMap((s) => s.words.map((w) => [w, s.intent] as const)));
const BY_INTENT = new Map(INTENT_SPECS.map((s) => [s.intent, s]));

/** The intent a command word starts, if it is one. */
export function commandIntent(word: string): Intent | undefined {
  return BY_WORD.get(word);
}

/** Whether answers of this intent may be shared into a channel. */
export function isShareable(intent: Intent): boolean {
  return BY_INTENT.get(intent)?.shareable ?? false;
}

/** The examples help shows, in registry order. */
export function helpExamples(): { command: string; what: string }[] {
  return INTENT_SPECS.flatMap((s) => (s.example && s.intent !== 'help' ? [{ command: s.example, what: s.what }] : []));
}
