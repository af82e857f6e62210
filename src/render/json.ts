/**
 * The JSON form of an answer (`pystack ask --json`): intent, subjects, sources, and the Slack
 * message it renders to.
 *
 * @example
 * JSON.stringify(renderJson(answer)) // {"intent":"compare","subjects":[...],"sources":[...],"text":"...","blocks":[...]}
 */
import type { Answer, Intent, Subject } from '../answer/types.js';
import { type Block, renderBlocks } from './blocks.js';

export interface AnswerJson {
  intent: Intent;
  focus?: Answer['focus'];
  subjects: Subject[];
  unrecognised?: string[];
  /** The second question of a two-question message: its intent and subjects. */
  also?: { intent: Intent; subjects: Subject[] };
  sources: { id: string; title: string }[];
  /** The knowledge's version: a short content hash and the day of its newest change. */
  version?: { hash: string; date?: string };
  text: string;
  blocks: Block[];
}

export function renderJson(a: Answer): AnswerJson {
  const { text, blocks } = renderBlocks(a);
  return {
    intent: a.intent,
    ...(a.focus ? { focus: a.focus } : {}),
    subjects: a.subjects,
    ...(a.unrecognised ? { unrecognised: a.unrecognised } : {}),
    ...(a.also ? { also: { intent: a.also.intent, subjects: a.also.subjects } } : {}),
    sources: a.sources.map(({ id, title }) => ({ id, title })),
    ...(a.version ? { version: a.version } : {}),
    text,
    blocks,
  };
}
