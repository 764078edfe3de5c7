import { createRemoteJWKSet, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { parseTokenArgs, runTokenCli, TOKEN_USAGE, UsageError } from '../../simulators/idp/token-cli.js';
import { startIdp } from './harness.js';

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
