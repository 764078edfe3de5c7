import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createGatewayRuntime } from '@graphql-hive/gateway';
import { decodeJwt, decodeProtectedHeader, importJWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen } from '../../lib/http/listen.js';
import { createInternalTokenSigner, generateInternalKeyPair } from '../../lib/internal-token.js';
import type { MijnOverzichtQuery } from '../../schema/generated/graphql.js';
import { withSubgraphUrls } from '../../scripts/bench/peers/token-work.js';
import { meOf, postGraphQL, startStack, type GraphQLResponse, type Stack } from '../helpers/stack.js';

/**
 * Issue 14, "another router": with SUBGRAPH_AUTH=oidc the subgraphs verify the resident's own
 * access token, so a router that does nothing but pass `Authorization` on (here Hive Gateway over
 * the committed supergraph) gives every resident the same `Gebruiker.id` and the same page as the
 * project's gateway, and a token that is not the resident's own gets nothing.
 */

const MIJN_OVERZICHT = readFileSync(new URL('../../schema/operations/MijnOverzicht.graphql', import.meta.url), 'utf8');
const SUPERGRAPH = readFileSync(new URL('../../schema/supergraph.graphql', import.meta.url), 'utf8');

/** Two residents of the DigiD-simulator whose pages have data in every section. */
const SUZANNE = { bsn: '999993653', naam: 'Suzanne Moulin' };
const CAROLIEN = { bsn: '999971116', naam: 'Carolien' };

interface Router extends AsyncDisposable {
  readonly url: string;
}

/**
 * Hive Gateway's runtime (what its CLI serves) over the committed supergraph, configured with
 * nothing but header propagation: the client's `Authorization` goes to every subgraph. No token
 * work of its own. Through `propagateHeaders` the header is part of the key under which Hive
 * merges identical subgraph requests in flight, so two residents never share one answer
 * (scripts/bench/peers/hive.ts explains why).
 */
async function startForwardingRouter(subgraphUrls: Readonly<Record<string, string>>): Promise<Router> {
  const runtime = createGatewayRuntime({
    supergraph: withSubgraphUrls(SUPERGRAPH, subgraphUrls),
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => ({ authorization: request.headers.get('authorization') }),
    },
    logging: false,
  });
  const listening = await listen(createServer(runtime), { port: 0 });
  return {
    url: `${listening.url}/graphql`,
    [Symbol.asyncDispose]: async () => {
      await listening.close();
      await runtime.dispose();
    },
  };
}

type Answer = GraphQLResponse<MijnOverzichtQuery>;

/**
 * Asserts that an answer holds nothing of a resident (no `me`, no name or BSN anywhere in it) and
 * tells the client to log in.
 */
function expectNothingOf(answer: Answer, resident: { bsn: string; naam: string }): void {
  expect(answer.body.data?.me ?? null).toBeNull();
  expect(answer.body.errors?.map((e) => e.extensions?.['code'])).toContain('UNAUTHENTICATED');
  const text = JSON.stringify(answer.body);
  expect(text).not.toContain(resident.bsn);
  expect(text).not.toContain(resident.naam);
}

describe('another router that only forwards Authorization (SUBGRAPH_AUTH=oidc)', () => {
  let stack: Stack;
  let router: Router;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    stack = await startStack({ subgraphAuth: 'oidc' });
    router = await startForwardingRouter(stack.subgraphUrls);
    for (const resident of [SUZANNE, CAROLIEN]) tokens.set(resident.bsn, await stack.login({ bsn: resident.bsn }));
  });
  afterAll(async () => {
    await router?.[Symbol.asyncDispose]();
    await stack?.[Symbol.asyncDispose]();
  });

  const tokenOf = (resident: { bsn: string }) => tokens.get(resident.bsn) ?? '';
  const viaGateway = (token?: string): Promise<Answer> =>
    postGraphQL<MijnOverzichtQuery>(stack.gatewayUrl, MIJN_OVERZICHT, token ? { token } : {});
  const viaRouter = (token?: string): Promise<Answer> =>
    postGraphQL<MijnOverzichtQuery>(router.url, MIJN_OVERZICHT, token ? { token } : {});

  /**
   * The resident's token with its claims changed and signed again with the IdP's own key: a
   * token the IdP could have issued, so only the change itself can make it fail.
   */
  async function reissued(token: string, changes: Record<string, unknown>): Promise<string> {
    const [jwk] = stack.idp.keys.keys;
    if (!jwk) throw new Error('the IdP has no signing key');
    const header = decodeProtectedHeader(token);
    return new SignJWT({ ...decodeJwt(token), ...changes })
      .setProtectedHeader({ alg: 'RS256', typ: header.typ ?? 'at+jwt', ...(jwk.kid ? { kid: jwk.kid } : {}) })
      .sign(await importJWK(jwk, 'RS256'));
  }

  it('gives each resident the same Gebruiker.id and the same page as the project gateway', async () => {
    const ids = new Set<string>();
    for (const resident of [SUZANNE, CAROLIEN]) {
      const ours = await viaGateway(tokenOf(resident));
      const theirs = await viaRouter(tokenOf(resident));
      const me = meOf(ours);
      expect(me.persoonsgegevens.naam?.volledigeNaam).toContain(resident.naam);
      expect(theirs.status).toBe(200);
      expect(theirs.body.errors).toBeUndefined();
      expect(theirs.body.data?.me?.id).toBe(me.id);
      expect(theirs.body.data).toEqual(ours.body.data);
      ids.add(me.id);
    }
    expect(ids.size).toBe(2);
  });

  it('answers two residents asking at the same moment each with their own page', async () => {
    const expected = new Map<string, string>();
    for (const resident of [SUZANNE, CAROLIEN]) {
      expected.set(resident.bsn, meOf(await viaGateway(tokenOf(resident))).id);
    }
    const asks = [SUZANNE, CAROLIEN, SUZANNE, CAROLIEN, SUZANNE, CAROLIEN];
    const answers = await Promise.all(asks.map((resident) => viaRouter(tokenOf(resident))));
    answers.forEach((answer, i) => {
      const resident = asks[i] ?? SUZANNE;
      expect(answer.body.data?.me?.id).toBe(expected.get(resident.bsn));
      expect(answer.body.data?.me?.persoonsgegevens?.naam?.volledigeNaam).toContain(resident.naam);
    });
  });

  it('gives no data without a token, and says to log in', async () => {
    expectNothingOf(await viaGateway(), SUZANNE);
    expectNothingOf(await viaRouter(), SUZANNE);
  });

  it("gives no data for another resident's expired token", async () => {
    const past = Math.floor(Date.now() / 1000) - 3_600;
    const expired = await reissued(tokenOf(SUZANNE), { bsn: CAROLIEN.bsn, iat: past - 600, exp: past });
    const ours = await viaGateway(expired);
    expect(ours.status).toBe(401);
    expectNothingOf(ours, CAROLIEN);
    expectNothingOf(await viaRouter(expired), CAROLIEN);
  });

  it("gives no data for a forged token: a resident's real token with another resident's BSN in it", async () => {
    const [header, payload, signature] = tokenOf(SUZANNE).split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
    const changed = Buffer.from(JSON.stringify({ ...claims, bsn: CAROLIEN.bsn })).toString('base64url');
    const forged = `${header}.${changed}.${signature}`;
    const ours = await viaGateway(forged);
    expect(ours.status).toBe(401);
    expectNothingOf(ours, CAROLIEN);
    expectNothingOf(await viaRouter(forged), CAROLIEN);
  });

  it("refuses, at a subgraph itself, a token that says it is the gateway's but was signed by someone else", async () => {
    const { privateJwk } = await generateInternalKeyPair('test-intern');
    const signer = await createInternalTokenSigner(privateJwk);
    const identity = { soort: 'INWONER', middel: 'DIGID', niveau: 'HOOG', bsn: CAROLIEN.bsn } as const;
    const forged = await signer.sign('brp', { kind: 'person', requestId: 'forged-1', gebruikerId: 'x', identity });
    const query = '{ me { persoonsgegevens { naam { volledigeNaam } } } }';
    const answer = await postGraphQL<MijnOverzichtQuery>(stack.subgraphUrls.brp, query, { token: forged });
    expect(answer.status).toBe(401);
    expectNothingOf(answer, CAROLIEN);
  });

  it('answers NIVEAU_TE_LAAG per section for a login below the level, as the project gateway does', async () => {
    const basis = await stack.login({ bsn: SUZANNE.bsn, niveau: 'basis' });
    const ours = await viaGateway(basis);
    const theirs = await viaRouter(basis);
    const codes = (answer: Answer) =>
      (answer.body.errors ?? []).map((e) => `${(e.path ?? []).join('.')}:${String(e.extensions?.['code'])}`).sort();
    expect(codes(ours)).toEqual([
      'me.berichten:NIVEAU_TE_LAAG',
      'me.persoonsgegevens:NIVEAU_TE_LAAG',
      'me.zaken:NIVEAU_TE_LAAG',
    ]);
    expect(codes(theirs)).toEqual(codes(ours));
    expect(theirs.body.data).toEqual(ours.body.data);
    expect(theirs.body.data?.me?.voorkeuren?.bron.status).toBe('OK');
  });
});
