/**
 * Every listener, gathered by the kind of payload it answers and dispatched from one place: the
 * app's one global middleware calls `dispatch` (app.ts), so Bolt has no listeners of its own to
 * run. Bolt runs the middleware chain of every listener on every request, so each listener it
 * held cost every request, a slash command paying for shortcut, event, action, view and options
 * listeners that could never match it. Each route is registered as it would be with Bolt
 * (`routes.event('app_mention', …)`) and gets the same arguments Bolt would give it.
 *
 * @example
 * const routes = new Routes();
 * registerEvents(routes, ctx);
 * app.use(async ({ next, ...args }) => routes.dispatch(args));
 */

// Each module reads what it needs from Bolt's arguments (and casts them itself, as before).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Handler = (args: any) => Promise<void>;

export type RouteKind = 'command' | 'shortcut' | 'options' | 'event' | 'action' | 'view';

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/**
 * What a payload is routed by: its kind and the name, type or id its routes are registered under,
 * read as Bolt reads them (an interaction's first action; a view only when submitted; a shortcut
 * on a message). Undefined for a payload no route can take.
 */
export function routeOf(body: unknown): { kind: RouteKind; key: string } | undefined {
  const b = body as {
    command?: unknown;
    type?: unknown;
    event?: { type?: unknown };
    actions?: { action_id?: unknown }[];
    view?: { callback_id?: unknown };
    callback_id?: unknown;
    action_id?: unknown;
  } | null;
  if (typeof b !== 'object' || b === null) return undefined;
  if (typeof b.command === 'string') return { kind: 'command', key: b.command };
  switch (b.type) {
    case 'event_callback':
      return { kind: 'event', key: str(b.event?.type) };
    case 'block_actions':
      return { kind: 'action', key: Array.isArray(b.actions) ? str(b.actions[0]?.action_id) : '' };
    case 'view_submission':
      return { kind: 'view', key: str(b.view?.callback_id) };
    case 'message_action':
      return { kind: 'shortcut', key: str(b.callback_id) };
    case 'block_suggestion':
      return { kind: 'options', key: str(b.action_id) };
    default:
      return undefined;
  }
}

const matches = (id: string | RegExp, value: string) => (typeof id === 'string' ? id === value : id.test(value));

export class Routes {
  private readonly routes: Record<RouteKind, [string | RegExp, Handler][]> = {
    command: [],
    shortcut: [],
    options: [],
    event: [],
    action: [],
    view: [],
  };

  /** A slash command, by its name (`/pystack`) or a pattern. */
  command(name: string | RegExp, handler: Handler): void {
    this.routes.command.push([name, handler]);
  }

  /** A message shortcut, by its callback id. */
  shortcut(callbackId: string, handler: Handler): void {
    this.routes.shortcut.push([callbackId, handler]);
  }

  /** The options of an external select, by its action id. */
  options(actionId: string, handler: Handler): void {
    this.routes.options.push([actionId, handler]);
  }

  event(type: string, handler: Handler): void {
    this.routes.event.push([type, handler]);
  }

  action(id: string | RegExp, handler: Handler): void {
    this.routes.action.push([id, handler]);
  }

  /** A submitted modal, by its callback id. */
  view(callbackId: string, handler: Handler): void {
    this.routes.view.push([callbackId, handler]);
  }

  /** Runs the routes whose kind and name, type or id the payload carries; false when none does. */
  async dispatch(args: { body: unknown }): Promise<boolean> {
    const route = routeOf(args.body);
    if (!route) return false;
    let ran = false;
    for (const [id, handler] of this.routes[route.kind])
      if (matches(id, route.key)) {
        ran = true;
        await handler(args);
      }
    return ran;
  }
}
