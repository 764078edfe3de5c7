import { readFileSync } from 'node:fs';
import type { Agent } from 'undici';
import { ConfigError } from '../../../lib/config.js';
import { createUpstreamAgent } from '../../../lib/http/upstream.js';

/**
 * Mutual TLS towards the BRP. The BRP API (and the Diginetwerk gateways in front of it) accept
 * only clients that present a PKIoverheid certificate, and present a server certificate from the
 * PKIoverheid Private Root, which is not in Node's default trust store: configure that root (and
 * its intermediates) as `caFile`. With a `caFile`, only those CAs are trusted for this agent.
 */
export interface BrpTlsFiles {
  /** PEM file with the client certificate (and its intermediate certificates); with `keyFile`. */
  certFile?: string | undefined;
  /** PEM file with the client certificate's private key; with `certFile`. */
  keyFile?: string | undefined;
  /** Passphrase of an encrypted private key. */
  passphrase?: string | undefined;
  /** PEM file with the CA certificates that may sign the BRP's server certificate. */
  caFile?: string | undefined;
}

/** File contents, read once at start-up. */
export interface BrpTlsMaterial {
  cert?: Buffer;
  key?: Buffer;
  passphrase?: string;
  ca?: Buffer;
}

function read(file: string, variable: string, readFile: (path: string) => Buffer): Buffer {
  try {
    return readFile(file);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    throw new ConfigError([`${variable}: cannot read ${file} (${reason})`]);
  }
}

/**
 * Reads the certificate files named in the configuration; throws {@link ConfigError} naming the
 * variable of a file that cannot be read, so the process refuses to start. `undefined` when no
 * file is configured.
 */
export function readBrpTls(
  files: BrpTlsFiles,
  readFile: (path: string) => Buffer = readFileSync,
): BrpTlsMaterial | undefined {
  if (files.certFile === undefined && files.keyFile === undefined && files.caFile === undefined) return undefined;
  return {
    ...(files.certFile !== undefined ? { cert: read(files.certFile, 'BRP_TLS_CERT_FILE', readFile) } : {}),
    ...(files.keyFile !== undefined ? { key: read(files.keyFile, 'BRP_TLS_KEY_FILE', readFile) } : {}),
    ...(files.passphrase !== undefined ? { passphrase: files.passphrase } : {}),
    ...(files.caFile !== undefined ? { ca: read(files.caFile, 'BRP_TLS_CA_FILE', readFile) } : {}),
  };
}

/**
 * The connection pool for BRP calls: the process's usual keep-alive agent, presenting the client
 * certificate and trusting the CAs when configured. Also used for the OAuth token endpoint,
 * which commonly sits behind the same mutual-TLS gateway.
 */
export function createBrpAgent(tls?: BrpTlsMaterial): Agent {
  if (!tls) return createUpstreamAgent();
  return createUpstreamAgent({
    connect: {
      ...(tls.cert !== undefined ? { cert: tls.cert } : {}),
      ...(tls.key !== undefined ? { key: tls.key } : {}),
      ...(tls.passphrase !== undefined ? { passphrase: tls.passphrase } : {}),
      ...(tls.ca !== undefined ? { ca: tls.ca } : {}),
      // Never lower: a BRP answer is personal data.
      minVersion: 'TLSv1.2',
    },
  });
}
