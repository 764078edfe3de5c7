import { createServer } from 'node:http';
import { parse, print } from 'graphql';
import { describe, expect, it } from 'vitest';
import { SubgraphSource } from '../../gateway/datasources/subgraph-source.js';
import { listen } from '../../lib/http/listen.js';
import { createInternalTokenSigner, generateInternalKeyPair, type Caller } from '../../lib/internal-token.js';
import { silentLogger } from '../../lib/logging.js';

const PERSON: Caller = {
  kind: 'person',
  requestId: 'test-request-1',
  gebruikerId: 'pseudoniem-1',
  identity: { soort: 'INWONER', middel: 'DIGID', niveau: 'MIDDEN', bsn: '999993653' },
};

/**
 * The gateway's connection to one subgraph, against a stand-in subgraph that answers 200 with
 * `data: null`, as one whose schema is not yet deployed does during a rolling update.
 */
describe('a subgraph that answers but loses all its data', () => {
  it('costs only its own sections: identity fields from the token, the section null with a coded error', async () => {
    const server = createServer((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          data: null,
          errors: [{ message: 'Cannot query field "zaken"', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }],
        }),
      );
    });
    await using listening = await listen(server, { port: 0 });
    const { privateJwk } = await generateInternalKeyPair('test');
    const source = new SubgraphSource({
      name: 'zaken',
      url: `${listening.url}/graphql`,
      signer: await createInternalTokenSigner(privateJwk),
      timeoutMs: 2_000,
      breaker: { failureThreshold: 5, openMs: 1_000 },
      logger: silentLogger,
    });
    const document = parse('{ me { id soort authenticatie { niveau } zaken { totaal } } }');
    const result = await source.process({
      kind: 'incoming operation',
      request: { query: print(document), variables: {} },
      context: { caller: PERSON, deadline: Date.now() + 2_000 },
      incomingRequestContext: {},
      document,
    } as unknown as Parameters<SubgraphSource['process']>[0]);
    expect(result.data).toEqual({
      me: { id: 'pseudoniem-1', soort: 'INWONER', authenticatie: { niveau: 'MIDDEN' }, zaken: null },
    });
    expect(result.errors).toEqual([
      {
        message: 'We kunnen uw zaken nu niet ophalen. Probeer het later opnieuw.',
        path: ['me', 'zaken'],
        extensions: { code: 'BRON_NIET_BESCHIKBAAR', bron: 'Zaaksystemen', sectie: 'zaken' },
      },
    ]);
  });
});
