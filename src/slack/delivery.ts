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
