/**
 * Modals: "Wrong or outdated?" (what is wrong with an answer) and "Compare…" (pick 2 to 4
 * entries with typeahead). Block Kit limits for modals live here: title 24, callback_id and
 * private_metadata 3000 characters.
 *
 * @example
 * await client.views.open({ trigger_id, view: correctionModal({ q: 'lib httpx', channel: 'C1', ts: '1.2' }) });
 */
import { clip, escapeMrkdwn } from './mrkdwn.js';
import type { Block } from './blocks.js';

export const MODALS = {
  correction: 'pystack_correction',
  compare: 'pystack_compare',
} as const;

export const MODAL_LIMITS = { title: 24, privateMetadata: 3000, input: 3000 } as const;

/** Ids of the input blocks and elements, shared by the modal and its submission handler. */
export const INPUTS = {
  correction: { block: 'what_is_wrong', action: 'text' },
  compare: { block: 'compare_items', action: 'compare_pick' },
} as const;

/** What the correction modal carries to its submission: the question and where the answer is. */
export interface CorrectionMeta {
  q: string;
  seed?: number;
  channel?: string;
  ts?: string;
}

export function encodeMeta(meta: CorrectionMeta): string {
  let m = meta;
  for (let room = 1500; JSON.stringify(m).length > MODAL_LIMITS.privateMetadata; room -= 200)
    m = { ...meta, q: clip(meta.q, room) };
  return JSON.stringify(m);
}

const plain = (text: string) => ({ type: 'plain_text', text: clip(text, MODAL_LIMITS.title), emoji: true });

export function correctionModal(meta: CorrectionMeta, about: string): { type: 'modal'; [k: string]: unknown } {
  const blocks: Block[] = [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: clip(`What is wrong or outdated in the answer about *${escapeMrkdwn(about)}*?`, 3000),
      },
    },
    {
      type: 'input',
      block_id: INPUTS.correction.block,
      label: { type: 'plain_text', text: 'What should it say?' },
      element: {
        type: 'plain_text_input',
        action_id: INPUTS.correction.action,
        multiline: true,
        min_length: 3,
        max_length: MODAL_LIMITS.input,
        placeholder: { type: 'plain_text', text: 'e.g. HTTPX supports HTTP/2; the card says it does not.' },
      },
    },
    {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: "The knowledge's maintainers read these and fix the entries." }],
    },
  ];
  return {
    type: 'modal',
    callback_id: MODALS.correction,
    private_metadata: encodeMeta(meta),
    title: plain('Wrong or outdated?'),
    submit: plain('Send'),
    close: plain('Cancel'),
    blocks,
  };
}

/** At most this many entries are compared at once. */
export const MAX_COMPARED = 4;

export function compareModal(): { type: 'modal'; [k: string]: unknown } {
  return {
    type: 'modal',
    callback_id: MODALS.compare,
    title: plain('Compare'),
    submit: plain('Compare'),
    close: plain('Cancel'),
    blocks: [
      {
        type: 'input',
        block_id: INPUTS.compare.block,
        label: { type: 'plain_text', text: `Pick 2 to ${MAX_COMPARED} libraries, frameworks or tools` },
        element: {
          type: 'multi_external_select',
          action_id: INPUTS.compare.action,
          min_query_length: 1,
          max_selected_items: MAX_COMPARED,
          placeholder: { type: 'plain_text', text: 'Start typing: django, httpx, celery…' },
        },
      },
      {
        type: 'context',
        elements: [{ type: 'mrkdwn', text: 'The comparison arrives in your DM with pystack.' }],
      },
    ],
  };
}
