import { SignJWT, importJWK, type CryptoKey } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  InternalTokenError,
  SERVICE,
  createInternalTokenSigner,
  createInternalTokenVerifier,
  generateInternalKeyPair,
  type Caller,
} from '../../lib/internal-token.js';

const person: Caller = {
  kind: 'person',
  requestId: 'req-12345678',
  gebruikerId: 'pseudo-1',
  identity: { soort: 'INWONER', middel: 'DIGID', niveau: 'SUBSTANTIEEL', bsn: '999993653' },
};

describe('internal tokens between gateway and subgraphs', async () => {
  const { privateJwk, publicJwks } = await generateInternalKeyPair('test-key');
  const signer = await createInternalTokenSigner(privateJwk);

  it('carries the caller to the subgraph it was minted for', async () => {
    const verifier = createInternalTokenVerifier(publicJwks, 'brp');
    await expect(verifier.verify(await signer.sign('brp', person), person.requestId)).resolves.toEqual(person);
    await expect(
      verifier.verify(await signer.sign('brp', { kind: 'anonymous', requestId: 'r-123456' }), 'r-123456'),
    ).resolves.toEqual({
      kind: 'anonymous',
      requestId: 'r-123456',
    });
  });

  it('is refused by another subgraph', async () => {
    const verifier = createInternalTokenVerifier(publicJwks, 'zaken');
    await expect(verifier.verify(await signer.sign('brp', person))).rejects.toThrow(InternalTokenError);
  });

  it('expires after about a minute, with iat in seconds', async () => {
    let now = Date.parse('2026-11-28T10:00:00Z');
    const clockSigner = await createInternalTokenSigner(privateJwk, { now: () => now });
    const token = await clockSigner.sign('brp', person);
    const payload = JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString()) as Record<
      string,
      number
    >;
    expect(payload['iat']).toBe(now / 1000);
    expect(payload['exp']).toBe(now / 1000 + 60);
    now += 66_000;
    const verifier = createInternalTokenVerifier(publicJwks, 'brp', { now: () => now });
    await expect(verifier.verify(token)).rejects.toThrow(InternalTokenError);
  });

  it('refuses a token signed by another key, a tampered token and an unsigned one', async () => {
    const other = await generateInternalKeyPair('test-key');
    const verifier = createInternalTokenVerifier(publicJwks, 'brp');
    const foreign = await (await createInternalTokenSigner(other.privateJwk)).sign('brp', person);
    await expect(verifier.verify(foreign)).rejects.toThrow(InternalTokenError);

    const [header, , signature] = (await signer.sign('brp', person)).split('.');
    const forgedPayload = Buffer.from(
      JSON.stringify({
        iss: 'profielservice-gateway',
        aud: 'brp',
        sub: 'x',
        idn: { ...person.identity, bsn: '999970008' },
      }),
    ).toString('base64url');
    await expect(verifier.verify(`${header}.${forgedPayload}.${signature}`)).rejects.toThrow(InternalTokenError);

    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${forgedPayload}.`;
    await expect(verifier.verify(none)).rejects.toThrow(InternalTokenError);
  });

  it('refuses a validly signed token without an identity for a person', async () => {
    const key = (await importJWK(privateJwk, 'ES256')) as CryptoKey;
    const token = await new SignJWT({ rid: 'r' })
      .setProtectedHeader({ alg: 'ES256', kid: 'test-key' })
      .setIssuer('profielservice-gateway')
      .setAudience('brp')
      .setSubject('pseudo-1')
      .setIssuedAt()
      .setExpirationTime('1m')
      .sign(key);
    await expect(createInternalTokenVerifier(publicJwks, 'brp').verify(token)).rejects.toThrow(InternalTokenError);
  });

  it('names the gateway itself with a service token, which carries no identity and no pseudonym', async () => {
    const verifier = createInternalTokenVerifier(publicJwks, 'voorkeuren');
    const token = await signer.sign('voorkeuren', { kind: 'service', requestId: 'levering-1' });
    await expect(verifier.verify(token, 'levering-1')).resolves.toEqual({ kind: 'service', requestId: 'levering-1' });
    const payload = JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString()) as Record<
      string,
      unknown
    >;
    expect(payload['sub']).toBe(SERVICE);
    expect(payload['idn']).toBeUndefined();
    // For one subgraph only, like every internal token.
    await expect(createInternalTokenVerifier(publicJwks, 'brp').verify(token)).rejects.toThrow(InternalTokenError);
  });

  it('refuses a service token that also carries an identity: the gateway never mints one', async () => {
    const key = (await importJWK(privateJwk, 'ES256')) as CryptoKey;
    const token = await new SignJWT({ rid: 'r-1', idn: person.identity })
      .setProtectedHeader({ alg: 'ES256', kid: 'test-key' })
      .setIssuer('profielservice-gateway')
      .setAudience('voorkeuren')
      .setSubject(SERVICE)
      .setIssuedAt()
      .setExpirationTime('1m')
      .sign(key);
    await expect(createInternalTokenVerifier(publicJwks, 'voorkeuren').verify(token)).rejects.toThrow(
      /service token carries an identity/,
    );
  });

  it('names who asks, not which request: one token serves a caller for 40 s, the request id travels beside it', async () => {
    let now = Date.parse('2026-12-04T09:00:00Z');
    const clockSigner = await createInternalTokenSigner(privateJwk, { now: () => now });
    const verifier = createInternalTokenVerifier(publicJwks, 'brp', { now: () => now });
    const first = await clockSigner.sign('brp', person);
    const payload = JSON.parse(Buffer.from(first.split('.')[1] as string, 'base64url').toString()) as Record<
      string,
      unknown
    >;
    expect(payload['rid']).toBeUndefined();
    // The next page of the same resident: the same token, its own request id.
    now += 39_000;
    const again = await clockSigner.sign('brp', { ...person, requestId: 'req-volgende' });
    expect(again).toBe(first);
    await expect(verifier.verify(again, 'req-volgende')).resolves.toEqual({ ...person, requestId: 'req-volgende' });
    // Another subgraph or another resident never gets it.
    expect(await clockSigner.sign('zaken', person)).not.toBe(first);
    expect(await clockSigner.sign('brp', { ...person, gebruikerId: 'pseudo-2' })).not.toBe(first);
    // With less than 20 s to live, a fresh one: a request never outlives its token.
    now += 1_000;
    expect(await clockSigner.sign('brp', person)).not.toBe(first);
  });

  it('gives a call without a well-formed request id one of its own', async () => {
    const verifier = createInternalTokenVerifier(publicJwks, 'brp');
    const token = await signer.sign('brp', person);
    for (const header of [undefined, '', 'kort', 'met spatie erin', 'x'.repeat(65)]) {
      const caller = await verifier.verify(token, header);
      expect(caller.requestId).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect((await verifier.verify(token, ['req-eerste-1', 'req-tweede-2'])).requestId).toBe('req-eerste-1');
  });

  it('checks a token once, until it expires', async () => {
    let now = Date.parse('2026-12-04T09:00:00Z');
    const clockSigner = await createInternalTokenSigner(privateJwk, { now: () => now });
    const verifier = createInternalTokenVerifier(publicJwks, 'brp', { now: () => now });
    const token = await clockSigner.sign('brp', person);
    await expect(verifier.verify(token, 'req-12345678')).resolves.toMatchObject({ kind: 'person' });
    now += 66_000; // past exp and the five seconds of tolerance
    await expect(verifier.verify(token, 'req-12345678')).rejects.toThrow(InternalTokenError);
  });
});
