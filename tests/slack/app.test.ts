/** The Bolt app as main.ts builds it: Bolt holds no listeners of its own, so none runs per request. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/answer/engine.js';
import { loadConfig } from '../../src/config.js';
import { openKnowledge } from '../../src/knowledge/open.js';
import { createLogger } from '../../src/log.js';
import { createSlackApp } from '../../src/slack/app.js';
import { embeddedStores } from '../../src/state/stores.js';

describe('the Bolt app', () => {
  it('registers one global middleware and no Bolt listeners: every route is dispatched from it', () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-1-2-test',
      SLACK_SIGNING_SECRET: '8f742231b10e8888abcd99edabcd00d1',
      SLACK_API_URL: 'http://127.0.0.1:9/api/',
    });
    const stores = embeddedStores(mkdtempSync(join(tmpdir(), 'pystack-app-')), () => {});
    const log = createLogger({ level: 'silent' });
    const { app } = createSlackApp({ config, engine: createEngine(openKnowledge()), log, stores });
    const bolt = app as unknown as { listeners: unknown[]; middleware: unknown[] };
    expect(bolt.listeners).toEqual([]);
    // Bolt's own ignoreSelf, then the claim-and-dispatch middleware.
    expect(bolt.middleware).toHaveLength(2);
  });
});
