import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { listen } from '../../lib/http/listen.js';
import { readRunningStack, tokenTarget, type StackFile } from '../../scripts/stack-file.js';
import { cliRedirectUri } from '../../simulators/idp/cli-callback.js';
import { createDevIdentityProvider } from '../../simulators/idp/provider.js';
import { parseTokenArgs, runTokenCli, TOKEN_USAGE, UsageError } from '../../simulators/idp/token-cli.js';
import { startIdp, TEST_AUDIENCE } from './harness.js';

/** Collects what the CLI writes. */
function output() {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    io: (env: Record<string, string | undefined> = {}) => ({
      env,
      stdout: { write: (text: string) => stdout.push(text) },
      stderr: { write: (text: string) => stderr.push(text) },
    }),
  };
}

describe('token CLI: arguments', () => {
  it('defaults to Suzanne Moulin at niveau substantieel on the local IdP', () => {
    expect(parseTokenArgs([], {})).toEqual({
      issuer: 'http://localhost:4010',
      clientId: 'mijn-omgeving-dev',
      redirectUri: 'http://localhost:4010/cli/callback',
      niveau: 'substantieel',
      identity: { bsn: '999993653' },
    });
  });

  it('reads OIDC_ISSUER and IDP_CLIENT_ID, and flags over them', () => {
    const env = { OIDC_ISSUER: 'http://127.0.0.1:5000/', IDP_CLIENT_ID: 'portaal' };
    expect(parseTokenArgs(['--kvk', '68750110', '--vestiging', '000038509504', '--niveau', 'hoog'], env)).toEqual({
      issuer: 'http://127.0.0.1:5000',
      clientId: 'portaal',
      redirectUri: 'http://127.0.0.1:5000/cli/callback',
      niveau: 'hoog',
      identity: { kvk: '68750110', vestiging: '000038509504' },
    });
    expect(parseTokenArgs(['--issuer', 'http://localhost:9999'], env)).toMatchObject({
      issuer: 'http://localhost:9999',
    });
  });

  it.each([
    [['--niveau', 'extreem'], /--niveau moet een van basis, midden, substantieel, hoog zijn/],
    [['--bsn', '123456789'], /elfproef/],
    [['--kvk', '123'], /8 cijfers/],
    [['--vestiging', '000038509504'], /alleen samen met --kvk/],
    [['--bsn', '999993653', '--kvk', '69599084'], /niet allebei/],
    [['--onbekend'], /onbekend/],
    [['--issuer', 'ftp://idp'], /http\(s\)-URL/],
  ])('rejects %j with a clear message', (argv, message) => {
    expect(() => parseTokenArgs(argv, {})).toThrow(UsageError);
    expect(() => parseTokenArgs(argv, {})).toThrow(message);
  });

  it('exits with 2 and the usage for a bad --niveau', async () => {
    const { stdout, stderr, io } = output();
    expect(await runTokenCli(['--niveau', 'extreem'], io())).toBe(2);
    expect(stdout).toEqual([]);
    expect(stderr.join('')).toContain(TOKEN_USAGE);
  });
});

describe('token CLI: run', () => {
  it('prints a verifiable access token alone on the last line', async () => {
    await using idp = await startIdp();
    const { stdout, stderr, io } = output();

    const code = await runTokenCli(
      ['--bsn', '999970008', '--niveau', 'hoog', '--issuer', idp.issuer],
      io({
        IDP_CLIENT_ID: idp.clientId,
      }),
    );

    expect(code).toBe(0);
    const lines = stdout.join('').trimEnd().split('\n');
    const token = lines.at(-1) ?? '';
    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const { payload } = await jwtVerify(token, createRemoteJWKSet(new URL(`${idp.issuer}/jwks`)), {
      issuer: idp.issuer,
      audience: idp.audience,
    });
    expect(payload['bsn']).toBe('999970008');
    // The hint goes to stderr, so `$(npm run --silent token)` captures the token only.
    expect(stderr.join('')).toContain('Authorization: Bearer');
    expect(stderr.join('')).not.toContain(token);
  });

  it('asks whether npm start is running when the IdP cannot be reached', async () => {
    const issuer = await (async () => {
      await using idp = await startIdp();
      return idp.issuer;
    })();
    const { stdout, stderr, io } = output();
    expect(await runTokenCli(['--issuer', issuer], io())).toBe(1);
    expect(stdout).toEqual([]);
    expect(stderr.join('')).toContain('Is `npm start` running?');
  });

  it('passes the login page message on when the IdP refuses the client', async () => {
    await using idp = await startIdp();
    const { stderr, io } = output();
    expect(await runTokenCli(['--issuer', idp.issuer], io({ IDP_CLIENT_ID: 'onbekend' }))).toBe(1);
    expect(stderr.join('')).toMatch(/Inloggen mislukt \(AUTHORIZATION_FAILED\)/);
  });
});

/**
 * `npm run token` as the user runs it (the compiled script), in an environment without the stack's
 * variables. Asynchronous: the IdP it logs in at runs in this test process.
 */
async function npmRunToken(args: string[], environment: Record<string, string>) {
  const env = { ...process.env };
  for (const name of ['OIDC_ISSUER', 'IDP_PORT', 'GATEWAY_PORT', 'IDP_CLIENT_ID', 'PROFIELSERVICE_DATA_DIR'])
    delete env[name];
  const child = spawn(process.execPath, ['dist/scripts/token.js', ...args], { env: { ...env, ...environment } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const status = await new Promise<number | null>((resolve) => child.once('close', resolve));
  return { status, stdout, stderr };
}

/** A data folder of its own, so no stack.json of a real `npm start` on this machine is read. */
function withDataDir<T>(use: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'profielservice-token-'));
  return use(dir).finally(() => rmSync(dir, { recursive: true, force: true }));
}

async function verifiedBsn(token: string, issuer: string): Promise<unknown> {
  const { payload } = await jwtVerify(token, createRemoteJWKSet(new URL(`${issuer}/jwks`)), {
    issuer,
    audience: TEST_AUDIENCE,
  });
  return payload['bsn'];
}

describe('npm run token: finding the running stack', () => {
  it('prints its usage with every option for --help', async () => {
    const { status, stdout } = await npmRunToken(['--help'], {});
    expect(status).toBe(0);
    for (const option of ['--bsn', '--kvk', '--vestiging', '--niveau', '--issuer']) expect(stdout).toContain(option);
  });

  it('logs in at the IdP on IDP_PORT, as `npm start` runs it there, without --issuer', async () => {
    // The IdP as `npm start` runs it: issuer http://localhost:<IDP_PORT>, the default client.
    const server = createServer();
    await using listening = await listen(server, { port: 0, host: '127.0.0.1' });
    const issuer = `http://localhost:${listening.port}`;
    await using idp = createDevIdentityProvider({
      issuer,
      audience: TEST_AUDIENCE,
      clients: [{ client_id: 'mijn-omgeving-dev', redirect_uris: [cliRedirectUri(issuer)] }],
    });
    server.on('request', idp.handler);

    await withDataDir(async (dataDir) => {
      const result = await npmRunToken(['--bsn', '999993653'], {
        IDP_PORT: String(listening.port),
        PROFIELSERVICE_DATA_DIR: dataDir,
      });
      expect(result.status, result.stderr).toBe(0);
      expect(await verifiedBsn(result.stdout.trim().split('\n').at(-1) ?? '', issuer)).toBe('999993653');
    });
  });

  it('finds the IdP and the gateway of the running `npm start` through its stack file', async () => {
    await using idp = await startIdp();
    await withDataDir(async (dataDir) => {
      const stack: StackFile = {
        launcherPid: process.pid, // alive: the launcher runs
        issuer: idp.issuer,
        graphql: 'http://localhost:45999/graphql',
        playground: 'http://localhost:45999/',
        logs: join(dataDir, 'logs'),
        processes: {},
      };
      writeFileSync(join(dataDir, 'stack.json'), JSON.stringify(stack));
      const result = await npmRunToken(['--bsn', '999970008'], {
        PROFIELSERVICE_DATA_DIR: dataDir,
        IDP_CLIENT_ID: idp.clientId,
      });
      expect(result.status, result.stderr).toBe(0);
      expect(await verifiedBsn(result.stdout.trim().split('\n').at(-1) ?? '', idp.issuer)).toBe('999970008');
      // The curl line of the hint goes to that stack's gateway.
      expect(result.stderr).toMatch(/curl .* http:\/\/localhost:45999\/graphql\n/);
    });
  });

  it('ignores a stack file left behind by a launcher that no longer runs', async () => {
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    await withDataDir(async (dataDir) => {
      const stack = {
        launcherPid: gone,
        issuer: 'http://localhost:45998',
        graphql: '',
        playground: '',
        logs: '',
        processes: {},
      };
      writeFileSync(join(dataDir, 'stack.json'), JSON.stringify(stack));
      expect(readRunningStack(dataDir)).toBeUndefined();
      writeFileSync(join(dataDir, 'stack.json'), JSON.stringify({ ...stack, launcherPid: process.pid }));
      expect(readRunningStack(dataDir)?.issuer).toBe('http://localhost:45998');
    });
  });

  it('lets OIDC_ISSUER, then IDP_PORT, win over the stack file; GATEWAY_PORT names the gateway', () => {
    const stack: StackFile = {
      launcherPid: process.pid,
      issuer: 'http://localhost:45010',
      graphql: 'http://localhost:45000/graphql',
      playground: 'http://localhost:45000/',
      logs: '',
      processes: {},
    };
    expect(tokenTarget({}, undefined)).toEqual({ env: {}, graphqlUrl: 'http://localhost:4000/graphql' });
    expect(tokenTarget({}, stack)).toEqual({
      env: { OIDC_ISSUER: 'http://localhost:45010' },
      graphqlUrl: 'http://localhost:45000/graphql',
    });
    expect(tokenTarget({ IDP_PORT: '5010', GATEWAY_PORT: '5000' }, stack)).toMatchObject({
      env: { OIDC_ISSUER: 'http://localhost:5010' },
      graphqlUrl: 'http://localhost:5000/graphql',
    });
    expect(tokenTarget({ OIDC_ISSUER: 'http://127.0.0.1:6010', IDP_PORT: '5010' }, stack).env['OIDC_ISSUER']).toBe(
      'http://127.0.0.1:6010',
    );
  });
});
