/**
 * Property tests for the renderers alone: for any Answer (every section type, oversized, hostile
 * text from knowledge that was never meant to hold it), renderBlocks with the buttons a door adds
 * stays within Block Kit limits, escapes every "<" except links to the answer's own sources, never
 * splits a surrogate pair, and the terminal and JSON renderers never throw.
 *
 * fast-check prints the seed and path of a failure; replay with fc.assert(property, { seed, path }).
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { Answer } from '../../src/answer/types.js';
import { withActions } from '../../src/render/actions.js';
import { renderBlocks } from '../../src/render/blocks.js';
import { renderJson } from '../../src/render/json.js';
import { renderTerminal } from '../../src/render/terminal.js';
import { slackMessage } from '../../src/slack/context.js';
import { blockKitProblems } from '../helpers/blockkit.js';
import { answers, runs, userId, wellFormedText, PROPERTY_TIMEOUT_MS } from './arbitraries.js';
import { messageProblems } from './doors.js';

vi.setConfig({ testTimeout: PROPERTY_TIMEOUT_MS });

describe('renderers on any answer', () => {
  it('give a safe Slack message within Block Kit limits, and terminal and JSON text', () => {
    fc.assert(
      fc.property(
        answers(),
        wellFormedText(),
        fc.option(userId, { nil: undefined }),
        fc.boolean(),
        fc.integer({ min: -10, max: 400 }),
        (answer: Answer, question, sharedBy, share, width) => {
          const urls = new Set(answer.sources.flatMap((s) => (s.url ? [s.url] : [])));
          const message = slackMessage(withActions(renderBlocks(answer), answer, { question, sharedBy, share }));
          const posted = { door: 'render', answer, question, message, ...(sharedBy ? { mayPing: sharedBy } : {}) };
          expect(messageProblems(posted, urls)).toEqual([]);
          expect(renderTerminal(answer, { width }).endsWith('\n')).toBe(true);
          expect(blockKitProblems(renderJson(answer))).toEqual([]);
        },
      ),
      runs(1000),
    );
  });
});
