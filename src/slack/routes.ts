/**
 * Listeners gathered by kind of payload, then installed in Bolt as one listener per kind (events,
 * actions, views): Bolt runs the middleware chain of every listener on every request, so a slash
 * command paid for a dozen listeners that could never match it. Each route is registered as it
 * would be with Bolt (`routes.event('app_mention', …)`); the one installed listener dispatches to it.
 *
 * @example
 * const routes = new Routes();
 * registerEvents(routes, ctx);
 * routes.install(app);
 */
import type { App } from '@slack/bolt';

// Each module reads what it needs from Bolt's arguments (and casts them itself, as before).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Handler = (args: any) => Promise<void>;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** One pattern matching what any of the routes match. */
const anyOf = (ids: readonly (string | RegExp)[]) =>
  new RegExp(ids.map((id) => `(?:${typeof id === 'string' ? `^${escape(id)}$` : id.source})`).join('|'));
const matches = (id: string | RegExp, value: string) => (typeof id === 'string' ? id === value : id.test(value));

export class Routes {
  private readonly events: [string, Handler][] = [];
  private readonly actions: [string | RegExp, Handler][] = [];
  private readonly views: [string, Handler][] = [];

  event(type: string, handler: Handler): void {
    this.events.push([type, handler]);
  }

  action(id: string | RegExp, handler: Handler): void {
    this.actions.push([id, handler]);
  }

  view(callbackId: string, handler: Handler): void {
    this.views.push([callbackId, handler]);
  }

  /** One Bolt listener per kind that has routes, running the routes whose type or id matches. */
  install(app: App): void {
    const run = async (routes: [string | RegExp, Handler][], value: string, args: unknown) => {
      for (const [id, handler] of routes) if (matches(id, value)) await handler(args);
    };
    if (this.events.length)
      app.event(anyOf(this.events.map(([t]) => t)), (args) => run(this.events, args.event.type, args));
    if (this.actions.length)
      app.action(anyOf(this.actions.map(([id]) => id)), (args) =>
        run(this.actions, (args.action as { action_id?: string }).action_id ?? '', args),
      );
    if (this.views.length)
      app.view(anyOf(this.views.map(([id]) => id)), (args) => run(this.views, args.view.callback_id, args));
  }
}
