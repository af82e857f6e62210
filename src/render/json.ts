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
  subjects: Subject[];
  sources: { id: string; title: string }[];
  text: string;
  blocks: Block[];
}

export function renderJson(a: Answer): AnswerJson {
  const { text, blocks } = renderBlocks(a);
  return {
    intent: a.intent,
    subjects: a.subjects,
    sources: a.sources.map(({ id, title }) => ({ id, title })),
    text,
    blocks,
  };
}
