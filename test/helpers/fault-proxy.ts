import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/**
 * What an HTTP fault proxy does with the requests it receives. Each mimics a way an upstream API
 * fails in practice:
 * - `latency`: forwards at once and passes the answer on after `ms` (a slow source that has
 *   already acted on the request; beyond the timeout, a hanging one);
 * - `reset`: destroys the connection when the request arrives (a process that died);
 * - `blackhole`: reads the request and never answers (a stopped process, a dropped route);
 * - `status`: answers `status` without asking the target, for the next `count` requests (a 5xx
 *   burst; afterwards it forwards again);
 * - `truncate`: forwards, but cuts the answer off halfway through the body;
 * - `malformed`: answers 200 with a body that is not JSON;
 * - `wrongShape`: answers 200 with JSON of another shape than the contract's;
 * - `huge`: answers 200 with a JSON body of `bytes` bytes.
 */
export type HttpFault =
  | { kind: 'none' }
  | { kind: 'latency'; ms: number }
  | { kind: 'reset' }
  | { kind: 'blackhole' }
  | { kind: 'status'; status: number; count: number }
  | { kind: 'truncate' }
  | { kind: 'malformed' }
  | { kind: 'wrongShape' }
  | { kind: 'huge'; bytes: number };

/** An HTTP proxy on 127.0.0.1 port 0 in front of one upstream, whose failures a test chooses. */
export interface FaultProxy extends AsyncDisposable {
  /** `http://127.0.0.1:<port>`: use it in place of the upstream's base URL. */
  readonly url: string;
  setFault(fault: HttpFault): void;
  /** Requests that reached the proxy since the last `setFault`. */
  readonly requests: number;
  close(): Promise<void>;
}

/**
 * Starts a {@link FaultProxy} in front of `target` (`http://host:port`). The Host header is
 * passed on unchanged, so a simulator that builds URLs from it (ZGW resources) keeps pointing at
 * the proxy, and follow-up calls meet the same faults.
 */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target);
  let fault: HttpFault = { kind: 'none' };
  let requests = 0;
  const sockets = new Set<Socket>();

  const forward = (req: IncomingMessage, res: ServerResponse, { cut = false, delayMs = 0 } = {}) => {
    const out = httpRequest(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        if (delayMs > 0) {
          answer.pause();
          setTimeout(() => {
            if (res.destroyed) return;
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          }, delayMs).unref();
          return;
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        if (!cut) {
          answer.pipe(res);
          return;
        }
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          const body = Buffer.concat(chunks);
          res.write(body.subarray(0, Math.floor(body.length / 2)));
          res.socket?.destroy();
        });
      },
    );
    out.on('error', () => res.socket?.destroy());
    req.pipe(out);
  };

  const json = (res: ServerResponse, body: string) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  };

  const server = createServer((req, res) => {
    requests += 1;
    const now = fault;
    switch (now.kind) {
      case 'none':
        return forward(req, res);
      case 'latency':
        return forward(req, res, { delayMs: now.ms });
      case 'reset':
        req.socket.resetAndDestroy();
        return;
      case 'blackhole':
        req.resume();
        return;
      case 'status':
        if (now.count <= 0) return forward(req, res);
        now.count -= 1;
        req.resume();
        res.writeHead(now.status, { 'content-type': 'application/problem+json' });
        res.end(JSON.stringify({ title: 'Storing (fault proxy)', status: now.status }));
        return;
      case 'truncate':
        return forward(req, res, { cut: true });
      case 'malformed':
        req.resume();
        return json(res, '{"personen": [{"naam": ');
      case 'wrongShape':
        req.resume();
        return json(res, JSON.stringify({ onverwacht: true, personen: 'geen lijst', results: { niet: 'een lijst' } }));
      case 'huge': {
        req.resume();
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': now.bytes });
        const chunk = Buffer.alloc(64 * 1024, 'a');
        let left = now.bytes;
        const pump = () => {
          while (left > 0) {
            const part = chunk.subarray(0, Math.min(chunk.length, left));
            left -= part.length;
            if (!res.write(part)) return void res.once('drain', pump);
          }
          res.end();
        };
        pump();
        return;
      }
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('fault proxy has no address');

  const close = async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return {
    url: `http://127.0.0.1:${address.port}`,
    setFault(next) {
      fault = next.kind === 'status' ? { ...next } : next;
      requests = 0;
      // Kept-alive connections carry no old behaviour into the new fault.
      for (const socket of sockets) socket.destroy();
    },
    get requests() {
      return requests;
    },
    close,
    [Symbol.asyncDispose]: close,
  };
}
