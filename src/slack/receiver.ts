/**
 * The HTTP receiver, built here because Bolt's App does not pass `bodyLimit` or
 * `unhandledRequestTimeoutMillis` on to the receiver it builds itself. On top of Bolt's:
 * - a body whose declared Content-Length is over the limit is refused with 413 before a byte
 *   of it is read;
 * - a body that grows past the limit without declaring its length (chunked) is cut off at the
 *   limit by Bolt (raw-body), and the connection is then closed rather than drained;
 * - slow clients are cut off by the server's header and request timeouts;
 * - a request stamped more than 5 minutes ahead is refused (Bolt refuses only stale ones);
 * - a signed body that is not an object (`null`, `payload=null`, a number) is refused with 400
 *   instead of reaching Bolt, which would throw on it outside any handler and stop the process;
 * - while the process stops, new requests get 503 (Slack then retries them, maybe elsewhere).
 *
 * @example
 * const receiver = httpReceiver({ signingSecret, logger, customRoutes: [healthz] });
 * new App({ token, receiver }); await app.start(port, SERVER_OPTIONS);
 */
import type { IncomingMessage, ServerOptions, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import { type CustomRoute, HTTPModuleFunctions, HTTPReceiver, isValidSlackRequest, type Logger } from '@slack/bolt';

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

/** Slack refuses requests older than this; we also refuse those stamped this far ahead. */
export const MAX_CLOCK_SKEW_SEC = 5 * 60;

/**
 * A form body that may have a `payload` field (interactions do; slash commands never): a key spelled
 * `payload`, or any key with a `%` or `+` in it, which decoding could turn into `payload`.
 */
const HAS_PAYLOAD = /(?:^|&)(?:payload|[^&=]*[%+][^&=]*)=/;

const isForm = (req: IncomingMessage) => req.headers['content-type'] === 'application/x-www-form-urlencoded';

/** A slash command: a form with no payload field. */
const isCommand = (req: IncomingMessage & { rawBody: Buffer }) =>
  isForm(req) && !HAS_PAYLOAD.test(req.rawBody.toString('utf8'));

/**
 * Set in Bolt's context for a slash command over HTTP, whose response is already typed as JSON:
 * its acknowledgement may be JSON text (worked out once for a cached reply) instead of an object
 * Bolt would turn into JSON on every request. Socket Mode never sets it.
 */
export const JSON_ACK = 'jsonAck';
const JSON_ACK_CONTEXT = Object.freeze({ [JSON_ACK]: true });
const NO_CONTEXT = Object.freeze({});

const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Why a request must not reach Bolt, if it must not: its status and a line for the log. */
export function requestProblem(
  req: IncomingMessage & { rawBody: Buffer },
  signingSecret: string,
  { nowMs = Date.now(), command = isCommand(req) }: { nowMs?: number; command?: boolean } = {},
): { status: number; message: string } | undefined {
  const stamp = Number(req.headers['x-slack-request-timestamp']);
  if (Number.isFinite(stamp) && stamp > nowMs / 1000 + MAX_CLOCK_SKEW_SEC)
    return { status: 401, message: 'Request refused: x-slack-request-timestamp is more than 5 minutes ahead' };
  // A slash command carries no payload field: nothing Bolt could throw on, so no second parse of it here.
  if (command) return undefined;
  const body = req.rawBody.toString('utf8');
  // The body's shape first: an object (every request Slack sends) goes on to Bolt, which checks the
  // signature, so the signature is worked out here only for a body Bolt would throw on.
  let parsed: unknown;
  try {
    if (isForm(req)) {
      const { payload } = parseQuery(body);
      if (payload === undefined) return undefined;
      parsed = typeof payload === 'string' ? JSON.parse(payload) : payload;
    } else parsed = JSON.parse(body);
  } catch {
    return undefined; // Bolt answers a body it cannot parse with 400
  }
  if (isObject(parsed)) return undefined;
  const signature = req.headers['x-slack-signature'];
  if (typeof signature !== 'string' || !Number.isFinite(stamp)) return undefined; // Bolt refuses it
  const headers = { 'x-slack-signature': signature, 'x-slack-request-timestamp': stamp };
  // Unsigned, Bolt refuses it (401); signed but not an object, it is refused here.
  if (!isValidSlackRequest({ signingSecret, body, headers, nowMilliseconds: nowMs })) return undefined;
  return { status: 400, message: 'Request refused: the body is not a JSON object' };
}

export function httpReceiver(opts: {
  signingSecret: string;
  logger: Logger;
  customRoutes: CustomRoute[];
  /** True once the process is stopping: new requests get 503. */
  stopping?: () => boolean;
}): HTTPReceiver {
  const { stopping = () => false, ...receiverOptions } = opts;
  const receiver = new HTTPReceiver({
    ...receiverOptions,
    bodyLimit: BODY_LIMIT,
    unhandledRequestTimeoutMillis: UNHANDLED_REQUEST_MS,
    customPropertiesExtractor: (req) => (commands.has(req) ? JSON_ACK_CONTEXT : NO_CONTEXT),
  });
  /** Slash commands on their way to Bolt, their response already typed as JSON. */
  const commands = new WeakSet<IncomingMessage>();
  const bolt = receiver.requestListener;
  const log = opts.logger;
  receiver.requestListener = (req, res) => {
    if (req.method !== 'POST') return bolt(req, res);
    if (stopping()) {
      res.writeHead(503, { connection: 'close', 'content-type': 'text/plain', 'retry-after': '1' });
      res.end('stopping');
      return;
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > BODY_LIMIT) return refuse(res, log, declared);
    res.once('finish', () => {
      // Reading stopped at the limit: close instead of pulling the rest off the wire.
      if (!req.complete) req.socket.end();
    });
    HTTPModuleFunctions.bufferIncomingMessage(req, BODY_LIMIT).then(
      (buffered) => {
        const command = isCommand(buffered);
        const problem = requestProblem(buffered, opts.signingSecret, { command });
        if (!problem) {
          if (command) {
            commands.add(buffered);
            res.setHeader('content-type', 'application/json');
          }
          return bolt(buffered, res);
        }
        log.warn(problem.message);
        res.writeHead(problem.status, { 'content-type': 'text/plain' });
        res.end();
      },
      (err: unknown) => {
        const e = err as { type?: string; statusCode?: number };
        const tooLarge =
          HTTPModuleFunctions.isRawBodyError(err) && (e.type === 'entity.too.large' || e.statusCode === 413);
        log.warn(
          tooLarge
            ? `Request body exceeded the maximum allowed size (limit: ${BODY_LIMIT} bytes)`
            : `Request body not read: ${(err as Error).message}`,
        );
        if (res.headersSent) return;
        res.writeHead(tooLarge ? 413 : 400, { connection: 'close', 'content-type': 'text/plain' });
        res.end();
      },
    );
  };
  return receiver;
}
