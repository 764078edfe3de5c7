import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * What the proxy does with connections:
 * - `forward`: passes bytes both ways (optionally after `delayMs`);
 * - `reset`: accepts and destroys each connection at once, as a process that died would;
 * - `blackhole`: accepts and never answers, as a stopped process or a dropped route would.
 * Switching mode also ends the connections that are open, so a kept-alive socket does not keep
 * the old behaviour; except with `existing: 'stall'`, which leaves them open but passing nothing.
 */
export type ProxyMode = 'forward' | 'reset' | 'blackhole';

/** A TCP proxy on 127.0.0.1 port 0 in front of one target, whose behaviour a test switches. */
export interface TcpProxy extends AsyncDisposable {
  readonly host: string;
  readonly port: number;
  /** `host:port`, for URLs. */
  readonly address: string;
  /**
   * `existing`: what happens to the connections that are open: `close` (default) ends them;
   * `stall` keeps them open and stops passing bytes either way, as a route that starts dropping
   * packets would (a client with a pooled or kept-alive connection then waits for an answer that
   * never comes). Stalled connections end at the next switch or on close.
   */
  setMode(mode: ProxyMode, options?: { delayMs?: number; existing?: 'close' | 'stall' }): void;
  close(): Promise<void>;
}

/** Starts a {@link TcpProxy} in front of `target` (`{ host, port }`), forwarding. */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let mode: ProxyMode = 'forward';
  let delayMs = 0;
  // Bumped on every switch: a delayed connection does not start forwarding under a newer mode.
  let epoch = 0;
  const open = new Set<Socket>();
  const pipes = new Set<{ client: Socket; upstream: Socket }>();

  const server: Server = createServer((client) => {
    open.add(client);
    client.on('close', () => open.delete(client));
    client.on('error', () => undefined);
    if (mode === 'reset') {
      client.resetAndDestroy();
      return;
    }
    if (mode === 'blackhole') return; // read nothing, answer nothing, until switched or closed
    const acceptedIn = epoch;
    const pipe = () => {
      if (client.destroyed || acceptedIn !== epoch) return;
      const upstream = connect(target.port, target.host);
      const pair = { client, upstream };
      open.add(upstream);
      pipes.add(pair);
      upstream.on('close', () => {
        open.delete(upstream);
        pipes.delete(pair);
        client.destroy();
      });
      upstream.on('error', () => client.destroy());
      client.on('close', () => upstream.destroy());
      client.pipe(upstream).pipe(client);
    };
    if (delayMs > 0) {
      client.pause();
      setTimeout(() => {
        client.resume();
        pipe();
      }, delayMs);
    } else pipe();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('proxy has no address');

  const close = async () => {
    for (const socket of open) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return {
    host: '127.0.0.1',
    port: address.port,
    address: `127.0.0.1:${address.port}`,
    setMode(next, options = {}) {
      mode = next;
      delayMs = options.delayMs ?? 0;
      epoch += 1;
      if (options.existing === 'stall') {
        for (const { client, upstream } of pipes) {
          client.unpipe(upstream);
          upstream.unpipe(client);
          client.pause();
          upstream.pause();
        }
        pipes.clear();
        return;
      }
      pipes.clear();
      for (const socket of open) socket.destroy();
    },
    close,
    [Symbol.asyncDispose]: close,
  };
}
