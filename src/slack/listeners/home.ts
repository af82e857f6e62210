/**
 * App Home: the Home tab published when a person opens it (with the maintainers' section for
 * workspace admins and owners, or ADMIN_USERS), and the one-time welcome when they first open the
 * Messages tab.
 */
import type { Routes } from '../routes.js';
import type { WebClient } from '@slack/web-api';
import { homeView, knowledgeStats } from '../../render/home.js';
import { buildReport } from '../../report.js';
import { MemoryGaps } from '../../state/gaps.js';
import type { SlackContext } from '../context.js';
import { welcomeOnce } from './events.js';

/** users.info is asked at most once per person per this long. */
const ADMIN_CACHE_MS = 10 * 60 * 1000;

export function adminCheck(ctx: SlackContext) {
  const known = new Map<string, { admin: boolean; at: number }>();
  return async (client: WebClient, user: string): Promise<boolean> => {
    if (ctx.adminUsers.has(user)) return true;
    const hit = known.get(user);
    if (hit && Date.now() - hit.at < ADMIN_CACHE_MS) return hit.admin;
    const admin = await client.users.info({ user }).then(
      (r) => Boolean(r.user?.is_admin || r.user?.is_owner),
      (err: unknown) => {
        ctx.log.warn({ err, door: 'home' }, 'users.info failed; admin section left out');
        return false;
      },
    );
    if (known.size > 10_000) known.clear();
    known.set(user, { admin, at: Date.now() });
    return admin;
  };
}

interface HomeOpened {
  event: { tab?: string; user: string; channel: string };
  client: WebClient;
  body: { team_id?: string };
}

export const onHomeOpened = (ctx: SlackContext) => {
  const isAdmin = adminCheck(ctx);
  return async ({ event, client, body }: HomeOpened) => {
    if (event.tab === 'messages') {
      await welcomeOnce(client, ctx, { team: body.team_id, user: event.user, channel: event.channel });
      return;
    }
    if (event.tab !== 'home') return;
    try {
      const admin = (await isAdmin(client, event.user))
        ? await buildReport(
            { gaps: ctx.gaps ?? new MemoryGaps(), feedback: ctx.feedback, corrections: ctx.corrections },
            ctx.engine.knowledge,
          ).catch((err: unknown) => {
            ctx.log.warn({ err, door: 'home' }, 'report unavailable; admin section left out');
            return undefined;
          })
        : undefined;
      const view = homeView(knowledgeStats(ctx.engine.knowledge), { admin });
      await client.views.publish({ user_id: event.user, view: view as never });
      ctx.log.info({ door: 'home', admin: Boolean(admin) }, 'home published');
    } catch (err) {
      ctx.log.error({ err, door: 'home' }, 'home not published');
    }
  };
};

export function registerHome(app: Routes, ctx: SlackContext): void {
  const handler = onHomeOpened(ctx);
  app.event('app_home_opened', (args) => handler(args as unknown as HomeOpened));
}
