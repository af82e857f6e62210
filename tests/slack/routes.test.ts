/** Routes: every listener registered by kind and name, dispatched from one place by what the payload carries. */
import { describe, expect, it } from 'vitest';
import { routeOf, Routes } from '../../src/slack/routes.js';

describe('routes', () => {
  it('reads a payload as Bolt does: its kind and the name, type or id it is routed by', () => {
    expect(routeOf({ command: '/pystack', text: 'tip' })).toEqual({ kind: 'command', key: '/pystack' });
    expect(routeOf({ type: 'event_callback', event: { type: 'app_mention' } })).toEqual({
      kind: 'event',
      key: 'app_mention',
    });
    expect(routeOf({ type: 'block_actions', actions: [{ action_id: 'share' }, { action_id: 'x' }] })).toEqual({
      kind: 'action',
      key: 'share',
    });
    expect(routeOf({ type: 'view_submission', view: { callback_id: 'correction' } })).toEqual({
      kind: 'view',
      key: 'correction',
    });
    expect(routeOf({ type: 'message_action', callback_id: 'ask_pystack' })).toEqual({
      kind: 'shortcut',
      key: 'ask_pystack',
    });
    expect(routeOf({ type: 'block_suggestion', action_id: 'compare_pick' })).toEqual({
      kind: 'options',
      key: 'compare_pick',
    });
    // A closed modal, a global shortcut, and bodies that are not payloads at all go nowhere.
    for (const body of [{ type: 'view_closed', view: { callback_id: 'correction' } }, { type: 'shortcut' }, null, 3])
      expect(routeOf(body), JSON.stringify(body)).toBeUndefined();
    // Fields of the wrong type never throw; they match no route.
    expect(routeOf({ type: 'block_actions', actions: 'share' })).toEqual({ kind: 'action', key: '' });
    expect(routeOf({ type: 'event_callback', event: { type: 7 } })).toEqual({ kind: 'event', key: '' });
  });

  it('runs only the routes whose kind and type, name or id the payload carries, with its arguments', async () => {
    const routes = new Routes();
    const ran: string[] = [];
    const note = (what: string) => async (args: { body: unknown }) => void ran.push(`${what}:${typeof args.body}`);
    routes.command(/^\/pystack/, note('command'));
    routes.event('app_mention', note('mention'));
    routes.event('message', note('dm'));
    routes.action('share_in_channel', note('share'));
    routes.action(/^ask(?:_\d+)?$/, note('ask'));
    routes.view('correction', note('correction'));
    routes.shortcut('ask_pystack', note('shortcut'));
    routes.options('compare_pick', note('options'));
    const sent = [
      { type: 'event_callback', event: { type: 'message' } },
      { type: 'block_actions', actions: [{ action_id: 'ask_3' }] },
      { type: 'block_actions', actions: [{ action_id: 'share_in_channel' }] },
      { command: '/pystack-dev' },
      { type: 'view_submission', view: { callback_id: 'correction' } },
      { type: 'message_action', callback_id: 'ask_pystack' },
      { type: 'block_suggestion', action_id: 'compare_pick' },
    ];
    for (const body of sent) expect(await routes.dispatch({ body }), JSON.stringify(body)).toBe(true);
    expect(ran).toEqual([
      'dm:object',
      'ask:object',
      'share:object',
      'command:object',
      'correction:object',
      'shortcut:object',
      'options:object',
    ]);
    // Near misses run nothing: an anchored id, another kind's name, an unknown event.
    ran.length = 0;
    for (const body of [
      { type: 'block_actions', actions: [{ action_id: 'share_in_channelx' }] },
      { type: 'block_actions', actions: [{ action_id: 'task' }] },
      { type: 'event_callback', event: { type: 'app_home_opened' } },
      { type: 'view_submission', view: { callback_id: 'compare' } },
      { type: 'block_suggestion', action_id: 'correction' },
      { command: '/other' },
    ])
      expect(await routes.dispatch({ body }), JSON.stringify(body)).toBe(false);
    expect(ran).toEqual([]);
  });
});
