import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A server that is listening, with the URL it can be reached at. */
export interface Listening extends AsyncDisposable {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Starts `server` on `host:port` (port 0 picks a free one) and resolves once it accepts
 * connections. Only the `index.ts` of a process and the tests call this: building a server
 * never listens (STYLE.md, habit 1).
 */
export async function listen(
  server: Server,
  { port, host = '127.0.0.1' }: { port: number; host?: string },
): Promise<Listening> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  const url = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${address.port}`;
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      // Keep-alive sockets would hold close() open until they time out.
      server.closeAllConnections();
    });
    return closing;
  };
  return { url, port: address.port, close, [Symbol.asyncDispose]: close };
}
