/**
 * The answers about the bot itself: help, a reply to thanks, and an honest "I don't know" that
 * names what it did not recognise.
 *
 * @example
 * unknownAnswer({ unrecognised: ['kotlin'], suggestions: [] }).intent // 'unknown'
 */
import type { Entry } from '../knowledge/model.js';
import { entryName } from '../knowledge/model.js';
import { helpExamples } from './intents.js';
import type { Answer } from './types.js';
import { joinAnd } from './util.js';

/** Usage with examples; `lead` replaces the first line when help answers a malformed request. */
export function helpAnswer(lead?: string): Answer {
  const examples = helpExamples();
  return {
    intent: 'help',
    title: 'pystack: answers about the Python stack',
    subjects: [],
    sections: [
      {
        type: 'text',
        text:
          lead ??
          'Ask me about Python frameworks, libraries, databases, checklists and role stacks, in plain words. Every answer cites its source article.',
      },
      { type: 'list', title: 'Things to try', items: examples.map((e) => e.what), ordered: false },
      {
        type: 'note',
        text: 'Plain questions work too: "celery or rq for a side project?", "alternatives to flask", "an ORM that works with async". In a thread, follow up with "and for async?".',
      },
    ],
    sources: [],
    hints: examples.map((e) => ({ label: e.what, command: e.command })),
  };
}

/** A one-line reply to thanks or a greeting. */
export function thanksAnswer(): Answer {
  return {
    intent: 'thanks',
    title: 'Happy to help',
    subjects: [],
    sections: [{ type: 'text', text: 'Any time. Ask me about any part of the Python stack.' }],
    sources: [],
  };
}

export interface UnknownOptions {
  /** Names in the question that the knowledge does not have. */
  unrecognised?: string[];
  /** Entries whose names are close to what was typed (at most 3 are shown). */
  suggestions?: Entry[];
  /** A follow-up with no earlier question to read it with. */
  orphan?: boolean;
}

const MAX_SUGGESTIONS = 3;

/** An honest "I don't know", naming what was not recognised, with at most three near suggestions. */
export function unknownAnswer(o: UnknownOptions = {}): Answer {
  const names = (o.unrecognised ?? []).map((n) => `"${n}"`);
  const text = o.orphan
    ? 'That reads like a follow-up, but I have no earlier question in this thread to go on. Ask it in full, or reply in the thread where you asked me first.'
    : names.length
      ? `I don't know ${joinAnd(names)}: that is outside the Python stack I know (Python frameworks, libraries, databases, tools, checklists and role stacks).`
      : 'That is outside the Python stack I know: I answer about Python frameworks, libraries, databases, tools, checklists and role stacks.';
  const suggestions = (o.suggestions ?? []).slice(0, MAX_SUGGESTIONS);
  const sections: Answer['sections'] = [{ type: 'text', text }];
  if (suggestions.length) sections.push({ type: 'text', text: `Did you mean ${joinAnd(suggestions.map(entryName))}?` });
  return {
    intent: 'unknown',
    title: o.orphan ? 'Which question does this follow?' : 'Not something I know',
    subjects: [],
    sections,
    sources: [],
    ...(o.unrecognised?.length ? { unrecognised: o.unrecognised } : {}),
    hints: [{ label: 'What I can answer', command: 'help' }],
  };
}
