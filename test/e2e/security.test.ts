import { SignJWT, importJWK, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSigningJwks } from '../../simulators/idp/keys.js';
import { MijnOverzichtDocument } from '../../schema/generated/graphql.js';
import { postGraphQL, startStack, type Stack } from '../helpers/stack.js';

const SMARTCARD = 'urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard';

describe('identity and zero trust', () => {
  let stack: Stack;
  let idpKey: JWK;
  beforeAll(async () => {
    stack = await startStack();
    idpKey = stack.idp.keys.keys[0] as JWK;
  });
  afterAll(async () => {
    await stack?.[Symbol.asyncDispose]();
  });

  /** A token like the IdP's, signed with its own key, with some claims changed. */
  async function forge(changes: {
    claims?: Record<string, unknown>;
    key?: JWK;
    expiresIn?: number;
    issuer?: string;
    audience?: string;
  }) {
    const key = changes.key ?? idpKey;
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ bsn: '999993653', acr: SMARTCARD, ...changes.claims })
      .setProtectedHeader({ alg: 'RS256', kid: key.kid ?? 'k', typ: 'at+jwt' })
      .setIssuer(changes.issuer ?? stack.idp.issuer)
      .setAudience(changes.audience ?? stack.idp.audience)
      .setIssuedAt(now - 120)
      .setExpirationTime(now + (changes.expiresIn ?? 600))
      .sign(await importJWK(key, 'RS256'));
  }

  it('accepts a token signed with the IdP key (so the refusals below are about the change alone)', async () => {
    const { status, body } = await stack.query('{ me { soort } }', { token: await forge({}) });
    expect(status).toBe(200);
    expect(body.data).toEqual({ me: { soort: 'INWONER' } });
  });

  it('without a token: me is null with one UNAUTHENTICATED error, public fields still answer', async () => {
    const { status, body } = await stack.query(
      `{ overlap { gemeente regels { soort eigenaar } }
         me { id persoonsgegevens { bron { status } } zaken { totaal } berichten { ongelezen } voorkeuren { taal } } }`,
    );
    expect(status).toBe(200);
    expect(body.data?.['me']).toBeNull();
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]).toMatchObject({ path: ['me'], extensions: { code: 'UNAUTHENTICATED' } });
    expect(body.errors?.[0]?.message).toMatch(/niet ingelogd/);
    const overlap = body.data?.['overlap'] as { regels: Array<{ soort: string; eigenaar: string }> };
    expect(overlap.regels.find((r) => r.soort === 'persoonsgegevens')?.eigenaar).toBe('GEMEENTE');
  });

  const refused: Array<[string, () => Promise<string>]> = [
    ['an expired token', () => forge({ expiresIn: -60 })],
    ['a token of another issuer', () => forge({ issuer: 'https://evil.example' })],
    ['a token for another audience', () => forge({ audience: 'another-api' })],
    ['a token signed by an unknown key', async () => forge({ key: generateSigningJwks().keys[0] as JWK })],
    [
      'an unsigned token (alg none)',
      async () => {
        const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
        const [, payload] = (await forge({})).split('.');
        return `${header}.${payload}.`;
      },
    ],
    [
      'a token HMAC-signed with the public key',
      async () => {
        const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = idpKey;
        const now = Math.floor(Date.now() / 1000);
        return new SignJWT({ bsn: '999993653', acr: SMARTCARD })
          .setProtectedHeader({ alg: 'HS256', kid: idpKey.kid ?? 'k' })
          .setIssuer(stack.idp.issuer)
          .setAudience(stack.idp.audience)
          .setIssuedAt(now)
          .setExpirationTime(now + 600)
          .sign(new TextEncoder().encode(JSON.stringify(publicJwk)));
      },
    ],
    ['a token whose BSN fails the elfproef', () => forge({ claims: { bsn: '123456789' } })],
    ['a token without an assurance level', () => forge({ claims: { acr: undefined } })],
    ['something that is not a JWT', async () => 'not-a-jwt'],
  ];

  it.each(refused)('refuses %s with HTTP 401 and UNAUTHENTICATED, saying nothing about why', async (_label, make) => {
    const response = await stack.query(MijnOverzichtDocument, { token: await make() });
    expect(response.status).toBe(401);
    expect(response.body.data).toBeUndefined();
    expect(response.body.errors).toEqual([
      {
        message: 'U bent niet ingelogd. Log opnieuw in met DigiD of eHerkenning.',
        extensions: { code: 'UNAUTHENTICATED' },
      },
    ]);
  });

  it('a subgraph called directly without an internal token answers 401 and no data, _entities included', async () => {
    for (const url of Object.values(stack.subgraphUrls)) {
      for (const query of [
        '{ me { id } }',
        '{ _service { sdl } }',
        '{ _entities(representations: [{ __typename: "Gebruiker", id: "x" }]) { __typename } }',
      ]) {
        const response = await postGraphQL(url, query);
        expect(response.status).toBe(401);
        expect(response.body.data).toBeUndefined();
        expect(response.body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
      }
    }
  });

  it('a subgraph refuses the resident OIDC token and an internal token minted for another subgraph', async () => {
    const oidcToken = await stack.login({ bsn: '999993653' });
    const person = {
      kind: 'person' as const,
      requestId: 'test-request-1',
      gebruikerId: 'pseudo',
      identity: { soort: 'INWONER' as const, middel: 'DIGID' as const, niveau: 'HOOG' as const, bsn: '999993653' },
    };
    const forZaken = await stack.internalSigner.sign('zaken', person);
    for (const token of [oidcToken, forZaken]) {
      const response = await postGraphQL(
        stack.subgraphUrls.brp,
        '{ me { persoonsgegevens { naam { volledigeNaam } } } }',
        { token },
      );
      expect(response.status).toBe(401);
      expect(response.body.data).toBeUndefined();
    }
    const forBrp = await stack.internalSigner.sign('brp', person);
    const ok = await postGraphQL(stack.subgraphUrls.brp, '{ me { persoonsgegevens { naam { volledigeNaam } } } }', {
      token: forBrp,
    });
    expect(ok.body.data).toEqual({ me: { persoonsgegevens: { naam: { volledigeNaam: 'Suzanne Moulin' } } } });
  });

  it("an entity representation of another person's id is refused (FORBIDDEN)", async () => {
    const token = await stack.internalSigner.sign('brp', {
      kind: 'person',
      requestId: 'test-request-2',
      gebruikerId: 'mijn-eigen-id',
      identity: { soort: 'INWONER', middel: 'DIGID', niveau: 'HOOG', bsn: '999993653' },
    });
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Gebruiker { id persoonsgegevens { naam { volledigeNaam } } } } }`;
    const other = await postGraphQL(stack.subgraphUrls.brp, query, {
      token,
      variables: { r: [{ __typename: 'Gebruiker', id: 'iemand-anders' }] },
    });
    expect(other.body.data).toEqual({ _entities: [null] });
    expect(other.body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const own = await postGraphQL(stack.subgraphUrls.brp, query, {
      token,
      variables: { r: [{ __typename: 'Gebruiker', id: 'mijn-eigen-id' }] },
    });
    expect(own.body.data).toEqual({
      _entities: [{ id: 'mijn-eigen-id', persoonsgegevens: { naam: { volledigeNaam: 'Suzanne Moulin' } } }],
    });
  });

  it('a change of preferences needs DigiD Midden: Basis gets NIVEAU_TE_LAAG with the level needed', async () => {
    const mutation =
      'mutation { wijzigVoorkeuren(input: { kanalen: [{ kanaal: EMAIL, aan: true }] }) { kanalen { kanaal aan } zelfGekozen } }';
    const basis = await stack.query(mutation, { token: await stack.login({ bsn: '999970008', niveau: 'basis' }) });
    expect(basis.body.errors?.[0]?.extensions).toEqual({ code: 'NIVEAU_TE_LAAG', vereistNiveau: 'MIDDEN' });
    const token = await stack.login({ bsn: '999970008', niveau: 'midden' });
    const midden = await stack.query(mutation, { token });
    expect(midden.body.errors).toBeUndefined();
    const after = await stack.query('{ me { voorkeuren { zelfGekozen kanalen { kanaal aan } } } }', { token });
    expect(after.body.data).toEqual({
      me: {
        voorkeuren: {
          zelfGekozen: true,
          kanalen: [
            { kanaal: 'EMAIL', aan: true },
            { kanaal: 'SMS', aan: false },
            { kanaal: 'MIJN_OVERHEID', aan: true },
          ],
        },
      },
    });
  });

  it('in production defaults, a wrong field gets no suggestion and introspection is off', async () => {
    const { body } = await stack.query('{ mee { id } }');
    expect(body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors?.[0]?.message).not.toMatch(/Did you mean/);
    const introspection = await stack.query('{ __schema { types { name } } }');
    expect(introspection.body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
