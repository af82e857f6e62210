/**
 * The HTTP receiver, built here because Bolt's App does not pass `bodyLimit` or
 * `unhandledRequestTimeoutMillis` on to the receiver it builds itself. On top of Bolt's:
 * - a body whose declared Content-Length is over the limit is refused with 413 before a byte
 *   of it is read;
 * - a body that grows past the limit without declaring its length (chunked) is cut off at the
 *   limit by Bolt (raw-body), and the connection is then closed rather than drained;
 * - slow clients are cut off by the server's header and request timeouts.
 *
 * @example
 * const receiver = httpReceiver({ signingSecret, logger, customRoutes: [healthz] });
 * new App({ token, receiver }); await app.start(port, SERVER_OPTIONS);
 */
import type { ServerOptions, ServerResponse } from 'node:http';
import { type CustomRoute, HTTPReceiver, type Logger } from '@slack/bolt';

/** Largest request body accepted; Slack's own payloads are a few kilobytes. */
export const BODY_LIMIT = 256 * 1024;

/** Bolt answers a request no listener acknowledged after this long (Slack gives up at 3 s). */
export const UNHANDLED_REQUEST_MS = 2_500;

/**
 * Node server timeouts: a client must send its headers within 5 s and its whole request within
 * 10 s (checked every second, instead of Node's default 30 s, so a slow client is cut off on time).
 */
export const SERVER_OPTIONS: ServerOptions = {
  headersTimeout: 5_000,
  requestTimeout: 10_000,
  connectionsCheckingInterval: 1_000,
};

function refuse(res: ServerResponse, log: Logger, declared: number): void {
  log.warn(`Request body of ${declared} bytes refused unread (limit: ${BODY_LIMIT} bytes)`);
  res.writeHead(413, { connection: 'close', 'content-type': 'text/plain' });
  res.end('request body too large'); // Node closes the connection after this response
}

export function httpReceiver(opts: {
  signingSecret: string;
  logger: Logger;
  customRoutes: CustomRoute[];
}): HTTPReceiver {
  const receiver = new HTTPReceiver({
    ...opts,
    bodyLimit: BODY_LIMIT,
    unhandledRequestTimeoutMillis: UNHANDLED_REQUEST_MS,
  });
  const bolt = receiver.requestListener;
  receiver.requestListener = (req, res) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > BODY_LIMIT) return refuse(res, opts.logger, declared);
    res.once('finish', () => {
      // Bolt stopped reading at the limit: close instead of pulling the rest off the wire.
      if (!req.complete) req.socket.end();
    });
    bolt(req, res);
  };
  return receiver;
}
