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
    await expect(verifier.verify(await signer.sign('brp', person))).resolves.toEqual(person);
    await expect(
      verifier.verify(await signer.sign('brp', { kind: 'anonymous', requestId: 'r-123456' })),
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
    await expect(verifier.verify(token)).resolves.toEqual({ kind: 'service', requestId: 'levering-1' });
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

  it('refuses a validly signed token that names no request (the gateway always does)', async () => {
    const key = (await importJWK(privateJwk, 'ES256')) as CryptoKey;
    const token = await new SignJWT({ idn: person.identity })
      .setProtectedHeader({ alg: 'ES256', kid: 'test-key' })
      .setIssuer('profielservice-gateway')
      .setAudience('brp')
      .setSubject(person.gebruikerId)
      .setIssuedAt()
      .setExpirationTime('1m')
      .sign(key);
    await expect(createInternalTokenVerifier(publicJwks, 'brp').verify(token)).rejects.toThrow(/no request id/);
  });
});
