import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * What the proxy does with connections:
 * - `forward`: passes bytes both ways (optionally after `delayMs`);
 * - `reset`: accepts and destroys each connection at once, as a process that died would;
 * - `blackhole`: accepts and never answers, as a stopped process or a dropped route would.
 * Switching mode also ends the connections that are open, so a kept-alive socket does not keep
 * the old behaviour.
 */
export type ProxyMode = 'forward' | 'reset' | 'blackhole';

/** A TCP proxy on 127.0.0.1 port 0 in front of one target, whose behaviour a test switches. */
export interface TcpProxy extends AsyncDisposable {
  readonly host: string;
  readonly port: number;
  /** `host:port`, for URLs. */
  readonly address: string;
  setMode(mode: ProxyMode, options?: { delayMs?: number }): void;
  close(): Promise<void>;
}

/** Starts a {@link TcpProxy} in front of `target` (`{ host, port }`), forwarding. */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let mode: ProxyMode = 'forward';
  let delayMs = 0;
  const open = new Set<Socket>();

  const server: Server = createServer((client) => {
    open.add(client);
    client.on('close', () => open.delete(client));
    client.on('error', () => undefined);
    if (mode === 'reset') {
      client.resetAndDestroy();
      return;
    }
    if (mode === 'blackhole') return; // read nothing, answer nothing, until switched or closed
    const pipe = () => {
      if (client.destroyed) return;
      const upstream = connect(target.port, target.host);
      open.add(upstream);
      upstream.on('close', () => {
        open.delete(upstream);
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
      for (const socket of open) socket.destroy();
    },
    close,
    [Symbol.asyncDispose]: close,
  };
}
