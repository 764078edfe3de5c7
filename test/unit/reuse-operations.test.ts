// First, as in gateway/server.ts: Apollo Gateway must load after it.
import { operationReuse } from '../../gateway/execution/reuse-operations.js';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApolloServer } from '@apollo/server';
import { ApolloGateway, type GraphQLDataSource } from '@apollo/gateway';

/**
 * The gateway's answer is shaped by an operation Apollo Gateway builds from the page's query; the
 * gateway builds it once per query and reuses it (gateway/execution/reuse-operations.ts). These
 * tests run the real Apollo Gateway on the committed supergraph with subgraphs that answer from
 * memory, and check that the reuse takes and that what differs per request still does.
 */

/** A subgraph that answers every fetch with one resident's `me`, whatever it was asked. */
const subgraph: GraphQLDataSource = {
  process: () =>
    Promise.resolve({
      data: {
        me: {
          __typename: 'Gebruiker',
          id: 'gebruiker-1',
          soort: 'INWONER',
          authenticatie: { __typename: 'Authenticatie', middel: 'DIGID', niveau: 'SUBSTANTIEEL' },
        },
      },
    }),
};

const QUERY = `query Wie($metAuthenticatie: Boolean!, $zonderSoort: Boolean!) {
  me { id soort @skip(if: $zonderSoort) authenticatie @include(if: $metAuthenticatie) { ...Middel } }
}
fragment Middel on Authenticatie { middel niveau }`;

describe('one operation per query in the gateway', () => {
  let server: ApolloServer;
  beforeAll(async () => {
    const gateway = new ApolloGateway({
      supergraphSdl: readFileSync('schema/supergraph.graphql', 'utf8'),
      buildService: () => subgraph,
    });
    server = new ApolloServer({ gateway });
    await server.start();
  });
  afterAll(async () => {
    await server?.stop();
  });

  const ask = async (variables: Record<string, boolean>) => {
    const response = await server.executeOperation({ query: QUERY, variables });
    if (response.body.kind !== 'single') throw new Error('expected one answer');
    return response.body.singleResult;
  };

  it('builds it for the first request and reuses it for the next ones', async () => {
    const before = operationReuse();
    await ask({ metAuthenticatie: true, zonderSoort: false });
    await ask({ metAuthenticatie: true, zonderSoort: false });
    await ask({ metAuthenticatie: true, zonderSoort: false });
    const after = operationReuse();
    expect(after.built - before.built).toBeLessThanOrEqual(1);
    expect(after.reused - before.reused).toBeGreaterThanOrEqual(2);
  });

  it('still shapes each answer by its own variables', async () => {
    const met = await ask({ metAuthenticatie: true, zonderSoort: false });
    const zonder = await ask({ metAuthenticatie: false, zonderSoort: true });
    const weerMet = await ask({ metAuthenticatie: true, zonderSoort: false });
    expect(met.errors).toBeUndefined();
    expect(met.data).toEqual({
      me: { id: 'gebruiker-1', soort: 'INWONER', authenticatie: { middel: 'DIGID', niveau: 'SUBSTANTIEEL' } },
    });
    expect(zonder.errors).toBeUndefined();
    expect(zonder.data).toEqual({ me: { id: 'gebruiker-1' } });
    expect(weerMet.data).toEqual(met.data);
  });
});
