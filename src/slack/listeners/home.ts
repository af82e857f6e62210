/**
 * The App Home tab, published when a user opens it.
 */
import type { App, types } from '@slack/bolt';

type HomeView = types.HomeView;

import { homeView, knowledgeStats } from '../../render/home.js';
import type { SlackContext } from '../context.js';

export function registerHome(app: App, ctx: SlackContext): void {
  const view = homeView(knowledgeStats(ctx.engine.knowledge));
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    try {
      await client.views.publish({ user_id: event.user, view: view as unknown as HomeView });
      ctx.log.info({ door: 'home', user: event.user }, 'home published');
    } catch (err) {
      ctx.log.error({ err, door: 'home' }, 'home not published');
    }
  });
}
