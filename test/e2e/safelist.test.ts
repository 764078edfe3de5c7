import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES } from '../../lib/errors.js';
import { MijnOverzichtDocument } from '../../schema/generated/graphql.js';
import { stackForTests } from '../helpers/stack.js';

/**
 * The production gateway runs in safelist mode: only the operations of the committed manifest
 * (`schema/operations/`, written by `npm run codegen`) are answered, asked for by `documentId`.
 * Anything else is refused before the gateway plans it, so no subgraph and no upstream is asked.
 */
describe('safelist mode on the whole stack', () => {
  const world = stackForTests({ gateway: { safelist: true } });
  const documentId = (MijnOverzichtDocument as unknown as { __meta__: { hash: string } }).__meta__.hash;

  const post = async (body: unknown) => {
    const response = await fetch(world.stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${world.token}` },
      body: JSON.stringify(body),
    });
    return {
      status: response.status,
      body: (await response.json()) as { data?: { me?: Record<string, unknown> }; errors?: unknown[] },
    };
  };

  it('answers MijnOverzicht by its documentId from the typed documents', async () => {
    const { status, body } = await post({ documentId });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data?.me).toMatchObject({
      id: expect.any(String),
      persoonsgegevens: { naam: { volledigeNaam: expect.any(String) } },
      zaken: { items: expect.any(Array) },
    });
  });

  it('refuses an ad-hoc query with VRAAG_NIET_TOEGESTAAN, and asks no source', async () => {
    world.stack.simulators.brp.journal.clear();
    const { status, body } = await post({ query: '{ me { id persoonsgegevens { naam { volledigeNaam } } } }' });
    expect(status).toBe(400);
    expect(body).toEqual({
      errors: [
        {
          message: ERROR_MESSAGES.VRAAG_NIET_TOEGESTAAN,
          extensions: { code: 'VRAAG_NIET_TOEGESTAAN', detail: expect.any(String) },
        },
      ],
    });
    expect(world.stack.simulators.brp.journal.entries()).toEqual([]);
  });

  it('refuses an unknown documentId in plain words', async () => {
    const { status, body } = await post({ documentId: `sha256:${'0'.repeat(64)}` });
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: ERROR_MESSAGES.PERSISTED_QUERY_NOT_FOUND,
        extensions: expect.objectContaining({ code: 'PERSISTED_QUERY_NOT_FOUND' }),
      }),
    ]);
  });
});
