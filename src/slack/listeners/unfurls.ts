/**
 * Link unfurls: a `pypi.org/project/X` link to a package in the knowledge gets a compact card
 * (`chat.unfurl`); links to anything else are left alone. (GitHub links would need repository
 * facts, which the articles do not carry.)
 */
import type { Routes } from '../routes.js';
import type { SlackContext } from '../context.js';
import { composeUnfurl } from '../reply.js';

interface LinkShared {
  channel?: string;
  message_ts?: string;
  unfurl_id?: string;
  source?: string;
  links?: { url?: unknown }[];
}

export const onLinkShared =
  (ctx: SlackContext) =>
  async ({ event, client }: { event: LinkShared; client: { chat: { unfurl: (args: never) => Promise<unknown> } } }) => {
    const unfurls: Record<string, { blocks: unknown[] }> = {};
    const ids: string[] = [];
    for (const l of Array.isArray(event.links) ? event.links : []) {
      if (typeof l?.url !== 'string') continue;
      const card = composeUnfurl(ctx, l.url);
      if (!card) continue;
      unfurls[l.url] = { blocks: card.blocks };
      ids.push(card.id);
    }
    if (!ids.length) return;
    const where =
      event.unfurl_id && event.source
        ? { unfurl_id: event.unfurl_id, source: event.source }
        : { channel: event.channel, ts: event.message_ts };
    try {
      await client.chat.unfurl({ ...where, unfurls } as never);
      ctx.log.info({ door: 'unfurl', subjects: ids, channel: event.channel }, 'unfurled');
    } catch (err) {
      ctx.log.error({ err, door: 'unfurl', subjects: ids }, 'unfurl not delivered');
    }
  };

export function registerUnfurls(app: Routes, ctx: SlackContext): void {
  app.event('link_shared', (args) => onLinkShared(ctx)(args as never));
}
