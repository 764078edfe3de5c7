import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A server that is listening, with the URL it can be reached at. */
export interface Listening extends AsyncDisposable {
  readonly url: string;
  readonly port: number;
  /**
   * Stops accepting connections and resolves when every connection is closed. Requests under
   * way may finish for `graceMs` (default 0: cut at once, for tests); idle keep-alive
   * connections are closed straight away, busy ones as soon as their answer is sent.
   */
  close(graceMs?: number): Promise<void>;
}

/**
 * Starts `server` on `host:port` (port 0 picks a free one) and resolves once it accepts
 * connections. Only the `index.ts` of a process and the tests call this: building a server
 * never listens.
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
  const close = (graceMs = 0): Promise<void> => {
    closing ??= new Promise<void>((resolve, reject) => {
      const done = (error?: Error) => (error ? reject(error) : resolve());
      if (graceMs <= 0) {
        server.close(done);
        // Keep-alive sockets would hold close() open until they time out.
        server.closeAllConnections();
        return;
      }
      // A keep-alive connection becomes idle once its answer is sent; close it then, so a client
      // opens its next request elsewhere. What is still busy after the grace period is cut.
      const sweep = setInterval(() => server.closeIdleConnections(), 25);
      const force = setTimeout(() => server.closeAllConnections(), graceMs);
      server.close((error) => {
        clearInterval(sweep);
        clearTimeout(force);
        done(error);
      });
      server.closeIdleConnections();
    });
    return closing;
  };
  return { url, port: address.port, close, [Symbol.asyncDispose]: () => close() };
}

/**
 * Runs `stop` once, on the first SIGTERM or SIGINT. A second Ctrl+C (SIGINT) while stopping ends
 * the process at once; a repeated SIGTERM is ignored. The listeners stay registered: a library
 * that re-raises a signal nobody else listens to (as signal-exit does) would otherwise kill the
 * process in the middle of its graceful stop.
 */
export function onStopSignal(stop: () => Promise<void>): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      if (signal === 'SIGINT') process.exit(130);
      return;
    }
    stopping = true;
    void stop();
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
