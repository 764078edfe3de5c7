import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throw-away PKI for mutual-TLS tests, made with the `openssl` command (no keys in the
 * repository): a CA standing in for PKIoverheid, a server certificate for 127.0.0.1 and a client
 * certificate, the client key also encrypted with a passphrase.
 */
export interface TestPki extends Disposable {
  readonly caFile: string;
  readonly serverCertFile: string;
  readonly serverKeyFile: string;
  readonly clientCertFile: string;
  readonly clientKeyFile: string;
  readonly encryptedClientKeyFile: string;
  readonly passphrase: string;
  /** A second CA that signed nothing we use: trusting only it must fail. */
  readonly otherCaFile: string;
}

export function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function createTestPki(): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'brp-pki-'));
  const file = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'ignore' });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  const ca = (name: string, cn: string) =>
    openssl(
      'req',
      '-x509',
      ...ec,
      '-keyout',
      file(`${name}.key`),
      '-out',
      file(`${name}.pem`),
      '-subj',
      `/CN=${cn}`,
      '-days',
      '2',
    );
  ca('ca', 'Test Staat der Nederlanden Private Root');
  ca('other-ca', 'Een andere CA');
  const issue = (name: string, cn: string, extensions: string) => {
    writeFileSync(file(`${name}.ext`), extensions);
    openssl('req', ...ec, '-keyout', file(`${name}.key`), '-out', file(`${name}.csr`), '-subj', `/CN=${cn}`);
    openssl(
      'x509',
      '-req',
      '-in',
      file(`${name}.csr`),
      '-CA',
      file('ca.pem'),
      '-CAkey',
      file('ca.key'),
      '-CAcreateserial',
      '-out',
      file(`${name}.pem`),
      '-days',
      '2',
      '-extfile',
      file(`${name}.ext`),
    );
  };
  issue('server', 'brp.test', 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
  issue('client', 'Profielservice test-OIN 00000001002564440000', 'extendedKeyUsage=clientAuth\n');
  const passphrase = 'pkio-test-wachtwoord';
  openssl(
    'pkcs8',
    '-topk8',
    '-in',
    file('client.key'),
    '-out',
    file('client-enc.key'),
    '-passout',
    `pass:${passphrase}`,
  );
  return {
    caFile: file('ca.pem'),
    serverCertFile: file('server.pem'),
    serverKeyFile: file('server.key'),
    clientCertFile: file('client.pem'),
    clientKeyFile: file('client.key'),
    encryptedClientKeyFile: file('client-enc.key'),
    passphrase,
    otherCaFile: file('other-ca.pem'),
    [Symbol.dispose]: () => rmSync(dir, { recursive: true, force: true }),
  };
}
