import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { parse, print } from 'graphql';
import { describe, expect, it } from 'vitest';
import { SubgraphSource } from '../../gateway/datasources/subgraph-source.js';
import { listen } from '../../lib/http/listen.js';
import { createInternalTokenSigner, generateInternalKeyPair, type Caller } from '../../lib/internal-token.js';
import { silentLogger } from '../../lib/logging.js';
import { SignalWatchingAgent } from '../helpers/signal-watching-agent.js';

const PERSON: Caller = {
  kind: 'person',
  requestId: 'test-request-1',
  gebruikerId: 'pseudoniem-1',
  identity: { soort: 'INWONER', middel: 'DIGID', niveau: 'MIDDEN', bsn: '999993653' },
};

/** The gateway's connection to a stand-in zaken subgraph listening at `base`. */
async function zakenSource(
  base: string,
  options: Partial<ConstructorParameters<typeof SubgraphSource>[0]> = {},
): Promise<SubgraphSource> {
  const { privateJwk } = await generateInternalKeyPair('test');
  return new SubgraphSource({
    name: 'zaken',
    url: `${base}/graphql`,
    signer: await createInternalTokenSigner(privateJwk),
    timeoutMs: 2_000,
    breaker: { failureThreshold: 5, openMs: 1_000 },
    logger: silentLogger,
    ...options,
  });
}

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
    const source = await zakenSource(listening.url);
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

/**
 * A stand-in subgraph that answers after a short wait with the subject of the internal token it
 * got, so a test sees both how many calls arrived and whose answer each request received.
 */
async function standInSubgraph() {
  const calls: string[] = [];
  const server = createServer((req, res) => {
    req.resume();
    const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    const subject = (JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { sub: string }).sub;
    calls.push(subject);
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: { me: { id: subject, zaken: { totaal: 3 } } } }));
    }, 50);
  });
  const listening = await listen(server, { port: 0 });
  const source = await zakenSource(listening.url);
  const ask = (caller: Caller, operation: 'query' | 'mutation' = 'query') => {
    const document = parse(`${operation} { me { id zaken { totaal } } }`);
    return source.process({
      kind: 'incoming operation',
      request: { query: print(document), variables: {} },
      context: { caller, deadline: Date.now() + 2_000 },
      incomingRequestContext: { operation: document.definitions[0] },
      document,
    } as unknown as Parameters<SubgraphSource['process']>[0]);
  };
  return { calls, ask, [Symbol.asyncDispose]: () => listening[Symbol.asyncDispose]() };
}

const OTHER: Caller = { ...PERSON, requestId: 'test-request-3', gebruikerId: 'pseudoniem-2' };

describe('the same resident asking the same at the same moment', () => {
  it('gets one call to the subgraph, and each request its own copy of the answer', async () => {
    await using subgraph = await standInSubgraph();
    const { calls, ask } = subgraph;
    const [first, second] = await Promise.all([ask(PERSON), ask({ ...PERSON, requestId: 'test-request-2' })]);
    expect(calls).toEqual(['pseudoniem-1']);
    expect(first.data).toEqual({ me: { id: 'pseudoniem-1', zaken: { totaal: 3 } } });
    expect(second.data).toEqual(first.data);
    // The gateway merges answers into its result in place: one request's changes stay its own.
    expect(second.data).not.toBe(first.data);
    // Once answered, a later request is a new call.
    await ask(PERSON);
    expect(calls).toEqual(['pseudoniem-1', 'pseudoniem-1']);
  });

  it('never shares a call between two residents', async () => {
    await using subgraph = await standInSubgraph();
    const { calls, ask } = subgraph;
    const [mine, theirs] = await Promise.all([ask(PERSON), ask(OTHER)]);
    expect(calls.sort()).toEqual(['pseudoniem-1', 'pseudoniem-2']);
    expect(mine.data).toEqual({ me: { id: 'pseudoniem-1', zaken: { totaal: 3 } } });
    expect(theirs.data).toEqual({ me: { id: 'pseudoniem-2', zaken: { totaal: 3 } } });
  });

  it('never shares a mutation, nor the same resident logged in at another level', async () => {
    await using subgraph = await standInSubgraph();
    const { calls, ask } = subgraph;
    await Promise.all([ask(PERSON, 'mutation'), ask(PERSON, 'mutation')]);
    expect(calls).toHaveLength(2);
    const higher: Caller = { ...PERSON, identity: { ...PERSON.identity, niveau: 'SUBSTANTIEEL' } } as Caller;
    await Promise.all([ask(PERSON), ask(higher)]);
    expect(calls).toHaveLength(4);
  });
});

/**
 * A stand-in subgraph that keeps query texts by their SHA-256, as Apollo Server's automatic
 * persisted queries do (or, with `takesHashes: false`, refuses hashes as a server without them).
 */
async function persistedQuerySubgraph(options: { takesHashes: boolean }) {
  const bodies: { query?: string; hash?: string }[] = [];
  const known = new Map<string, string>();
  const server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      const body = JSON.parse(raw) as {
        query?: string;
        extensions?: { persistedQuery?: { version: number; sha256Hash: string } };
      };
      const hash = body.extensions?.persistedQuery?.sha256Hash;
      bodies.push({ ...(body.query ? { query: body.query } : {}), ...(hash ? { hash } : {}) });
      const answer = (payload: object) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(payload));
      };
      const refuse = (code: string) => answer({ errors: [{ message: code, extensions: { code } }] });
      if (hash && !options.takesHashes) return refuse('PERSISTED_QUERY_NOT_SUPPORTED');
      if (hash && body.query) {
        if (createHash('sha256').update(body.query).digest('hex') !== hash) return refuse('BAD_REQUEST');
        known.set(hash, body.query);
      }
      const query = body.query ?? (hash ? known.get(hash) : undefined);
      if (!query) return refuse('PERSISTED_QUERY_NOT_FOUND');
      answer({ data: { me: { id: 'pseudoniem-1', zaken: { totaal: query.includes('totaal') ? 3 : 0 } } } });
    });
  });
  const listening = await listen(server, { port: 0 });
  const source = await zakenSource(listening.url);
  const document = parse('{ me { id zaken { totaal } } }');
  const query = print(document);
  const ask = () =>
    source.process({
      kind: 'incoming operation',
      request: { query, variables: {} },
      context: { caller: PERSON, deadline: Date.now() + 2_000 },
      incomingRequestContext: { operation: document.definitions[0] },
      document,
    } as unknown as Parameters<SubgraphSource['process']>[0]);
  const hash = createHash('sha256').update(query).digest('hex');
  return {
    bodies,
    ask,
    hash,
    query,
    forget: () => known.clear(),
    [Symbol.asyncDispose]: () => listening[Symbol.asyncDispose](),
  };
}

describe('a query sent to a subgraph as its hash', () => {
  const ANSWER = { me: { id: 'pseudoniem-1', zaken: { totaal: 3 } } };

  it('goes with its text the first time and as the hash alone after, also to a subgraph that forgot it', async () => {
    await using subgraph = await persistedQuerySubgraph({ takesHashes: true });
    const { bodies, ask, hash, query } = subgraph;
    expect((await ask()).data).toEqual(ANSWER);
    expect((await ask()).data).toEqual(ANSWER);
    expect(bodies).toEqual([{ query, hash }, { hash }]);

    // A subgraph that restarted has forgotten it: the text goes once more, and the page is whole.
    subgraph.forget();
    const again = await ask();
    expect(again.data).toEqual(ANSWER);
    expect(again.errors).toBeUndefined();
    expect((await ask()).data).toEqual(ANSWER);
    expect(bodies.slice(2)).toEqual([{ hash }, { query, hash }, { hash }]);
  });

  it('goes as the text from then on to a subgraph that takes no hashes', async () => {
    await using subgraph = await persistedQuerySubgraph({ takesHashes: false });
    const { bodies, ask, hash, query } = subgraph;
    expect((await ask()).data).toEqual(ANSWER);
    expect((await ask()).data).toEqual(ANSWER);
    expect(bodies).toEqual([{ query, hash }, { query }, { query }]);
  });
});

describe('the timeout of a call to a subgraph', () => {
  it('is stood down once the answer is in: nothing aborts the call later, and a slow subgraph is still cut off', async () => {
    let delayMs = 0;
    const server = createServer((req, res) => {
      req.resume();
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ data: { me: { id: 'pseudoniem-1', zaken: { totaal: 3 } } } }));
      }, delayMs).unref();
    });
    await using listening = await listen(server, { port: 0 });
    const watching = new SignalWatchingAgent();
    const { signals } = watching;
    const source = await zakenSource(listening.url, { timeoutMs: 100, dispatcher: watching });
    const document = parse('{ me { id zaken { totaal } } }');
    const ask = () =>
      source.process({
        kind: 'incoming operation',
        request: { query: print(document), variables: {} },
        context: { caller: PERSON, deadline: Date.now() + 2_000 },
        incomingRequestContext: { operation: document.definitions[0] },
        document,
      } as unknown as Parameters<SubgraphSource['process']>[0]);
    try {
      expect((await ask()).data).toEqual({ me: { id: 'pseudoniem-1', zaken: { totaal: 3 } } });
      await new Promise((resolve) => setTimeout(resolve, 250));
      expect(signals.map((signal) => signal.aborted)).toEqual([false]);

      delayMs = 1_000;
      const slow = await ask();
      expect(slow.data).toEqual({ me: { id: 'pseudoniem-1', zaken: null } });
      expect(slow.errors?.map((error) => error.extensions?.['code'])).toEqual(['BRON_NIET_BESCHIKBAAR']);
      expect(signals[1]?.aborted).toBe(true);
    } finally {
      await watching.close();
    }
  });
});
