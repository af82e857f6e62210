/** Routes: many listeners registered, one Bolt listener per kind installed, dispatching by type or id. */
import type { App } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { Routes } from '../../src/slack/routes.js';

type Installed = { kind: string; pattern: RegExp; run: (args: unknown) => Promise<void> };

function fakeApp(): { app: App; installed: Installed[] } {
  const installed: Installed[] = [];
  const add = (kind: string) => (pattern: RegExp, run: (args: unknown) => Promise<void>) =>
    installed.push({ kind, pattern, run });
  return { app: { event: add('event'), action: add('action'), view: add('view') } as unknown as App, installed };
}

describe('routes', () => {
  it('installs one Bolt listener per kind, whose pattern matches every route and nothing else', () => {
    const routes = new Routes();
    const noop = async () => {};
    routes.event('app_mention', noop);
    routes.event('message', noop);
    routes.action('share_in_channel', noop);
    routes.action(/^ask(?:_\d+)?$/, noop);
    routes.view('correction', noop);
    const { app, installed } = fakeApp();
    routes.install(app);
    expect(installed.map((i) => i.kind)).toEqual(['event', 'action', 'view']);
    const [events, actions, views] = installed as [Installed, Installed, Installed];
    for (const t of ['app_mention', 'message']) expect(events.pattern.test(t), t).toBe(true);
    for (const t of ['app_home_opened', 'message_changed', 'xapp_mention'])
      expect(events.pattern.test(t), t).toBe(false);
    for (const a of ['share_in_channel', 'ask', 'ask_2']) expect(actions.pattern.test(a), a).toBe(true);
    for (const a of ['share_in_channelx', 'task', 'ask_x']) expect(actions.pattern.test(a), a).toBe(false);
    expect(views.pattern.test('correction')).toBe(true);
    expect(views.pattern.test('compare')).toBe(false);
  });

  it('runs only the routes whose type or id the payload carries', async () => {
    const routes = new Routes();
    const ran: string[] = [];
    routes.event('app_mention', async () => void ran.push('mention'));
    routes.event('message', async () => void ran.push('dm'));
    routes.action('share_in_channel', async () => void ran.push('share'));
    routes.action(/^ask(?:_\d+)?$/, async () => void ran.push('ask'));
    const { app, installed } = fakeApp();
    routes.install(app);
    const [events, actions] = installed as [Installed, Installed];
    await events.run({ event: { type: 'message' } });
    await actions.run({ action: { action_id: 'ask_3' } });
    await actions.run({ action: { action_id: 'share_in_channel' } });
    expect(ran).toEqual(['dm', 'ask', 'share']);
  });

  it('installs nothing for a kind with no routes', () => {
    const { app, installed } = fakeApp();
    new Routes().install(app);
    expect(installed).toEqual([]);
  });
});
