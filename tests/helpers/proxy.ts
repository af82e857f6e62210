/**
 * A round-robin HTTP proxy on loopback, standing for the load balancer in front of several
 * replicas: each request goes to the next upstream in turn; an upstream that refuses the
 * connection (a killed replica) is skipped for the next one, as a load balancer's health check
 * would. Records which upstream served each request.
 *
 * @example
 * const lb = await startProxy([a.url, b.url, c.url]); // POST `${lb.url}/slack/events`
 */
import { createServer, type IncomingMessage, request } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Proxy {
  url: string;
  /** The upstream index that served each request, in order. */
  served: number[];
  close(): Promise<void>;
}

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

function forward(upstream: string, req: IncomingMessage, body: Buffer) {
  return new Promise<{ status: number; headers: Record<string, string>; body: Buffer }>((resolve, reject) => {
    const u = new URL(req.url ?? '/', upstream);
    const out = request(u, { method: req.method, headers: { ...req.headers, host: u.host } }, async (res) => {
      const data = await readAll(res);
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(res.headers))
        if (typeof v === 'string' && k !== 'connection' && k !== 'transfer-encoding') headers[k] = v;
      resolve({ status: res.statusCode ?? 502, headers, body: data });
    });
    out.on('error', reject);
    out.end(body);
  });
}

export async function startProxy(upstreams: string[]): Promise<Proxy> {
  let next = 0;
  const served: number[] = [];
  const server = createServer(async (req, res) => {
    const body = await readAll(req);
    for (let tries = 0; tries < upstreams.length; tries++) {
      const i = next++ % upstreams.length;
      try {
        const r = await forward(upstreams[i] as string, req, body);
        served.push(i);
        res.writeHead(r.status, r.headers);
        res.end(r.body);
        return;
      } catch {
        // refused or reset: try the next replica
      }
    }
    res.writeHead(502);
    res.end('no replica answered');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
