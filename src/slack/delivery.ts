/**
 * How pystack talks to the Slack Web API when Slack misbehaves. A write is retried only when
 * Slack certainly did not act on it (429, 5xx, connection refused). When the request went out
 * and no answer came back (a timeout, a connection cut mid-request), Slack may already have
 * posted the message, so retrying could post it twice: those writes are not retried, and the
 * caller logs the delivery as unconfirmed.
 *
 * @example
 * new WebClient(token, webApiOptions({ apiUrl, timeoutMs: 10_000 }));
 * if (deliveryUnconfirmed(err)) log.error({ err }, 'answer not confirmed; not retried');
 */

/** Network errors that mean the request may have reached Slack. */
const UNCONFIRMED_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_ABORTED']);

function causes(err: unknown): unknown[] {
  const out: unknown[] = [];
  for (let e = err, i = 0; e && typeof e === 'object' && i < 5; i++) {
    out.push(e);
    const next = (e as { original?: unknown; cause?: unknown }).original ?? (e as { cause?: unknown }).cause;
    if (next === e) break;
    e = next;
  }
  return out;
}

/** True when the request may have been carried out by Slack although no answer came back. */
export function deliveryUnconfirmed(err: unknown): boolean {
  return causes(err).some((e) => {
    const { name, code } = e as { name?: unknown; code?: unknown };
    return name === 'TimeoutError' || (typeof code === 'string' && UNCONFIRMED_CODES.has(code));
  });
}

/** Web API client options: base URL, request timeout, and retries for failures Slack did not act on. */
export function webApiOptions({
  apiUrl,
  timeoutMs,
  retries = 3,
}: {
  apiUrl?: string;
  timeoutMs: number;
  retries?: number;
}) {
  const slackApiUrl = apiUrl && !apiUrl.endsWith('/') ? `${apiUrl}/` : apiUrl;
  return {
    slackApiUrl,
    timeout: timeoutMs,
    // A 429 is handed back to us (ChannelPacer) instead of pausing every caller's queue.
    rejectRateLimitedCalls: true,
    retryConfig: {
      retries,
      factor: 2,
      minTimeout: 250,
      maxTimeout: 2_000,
      randomize: true,
      // p-retry stops retrying when this throws: never repeat a write Slack may have done.
      onFailedAttempt: (err: Error) => {
        if (deliveryUnconfirmed(err)) throw err;
      },
    },
  };
}

/** A Retry-After longer than this is not waited for in full. */
export const RETRY_AFTER_CAP_MS = 30_000;
/** A rate-limited answer is retried for about this long before the user gets an apology. */
export const RATE_LIMIT_GIVE_UP_MS = 60_000;

/** Seconds Slack asked us to wait, when the error is a 429 (the client rejects rate-limited calls). */
export function rateLimitedFor(err: unknown): number | undefined {
  const e = err as { code?: unknown; retryAfter?: unknown };
  if (e?.code !== 'slack_webapi_rate_limited_error') return undefined;
  const s = Number(e.retryAfter);
  return Number.isFinite(s) && s >= 0 ? s : 1;
}

/**
 * Paces Web API writes per channel: a 429 holds back later writes to that channel only, for its
 * Retry-After (capped), and the write is tried again until about a minute has passed. Writes to
 * other channels go on meanwhile (the client itself never pauses: `rejectRateLimitedCalls`).
 *
 * @example
 * await pacer.send('C1', () => client.chat.postMessage({ channel: 'C1', text }));
 */
export class ChannelPacer {
  private readonly until = new Map<string, number>();

  constructor(
    private readonly o: {
      capMs?: number;
      giveUpMs?: number;
      now?: () => number;
      sleep?: (ms: number) => Promise<void>;
      onWait?: (channel: string, ms: number) => void;
    } = {},
  ) {}

  async send<T>(channel: string, call: () => Promise<T>): Promise<T> {
    const now = this.o.now ?? Date.now;
    const sleep = this.o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
    const start = now();
    for (;;) {
      const wait = (this.until.get(channel) ?? 0) - now();
      if (wait > 0) {
        if (now() + wait - start > (this.o.giveUpMs ?? RATE_LIMIT_GIVE_UP_MS))
          throw Object.assign(new Error(`rate limited in ${channel} for over a minute`), {
            code: 'pystack_rate_limited',
          });
        this.o.onWait?.(channel, wait);
        await sleep(wait);
      }
      try {
        return await call();
      } catch (err) {
        const seconds = rateLimitedFor(err);
        if (seconds === undefined) throw err;
        const delay = Math.min(Math.max(seconds * 1000, 250), this.o.capMs ?? RETRY_AFTER_CAP_MS);
        this.until.set(channel, Math.max(this.until.get(channel) ?? 0, now() + delay));
        if (this.until.size > 10_000) this.until.clear();
      }
    }
  }
}
