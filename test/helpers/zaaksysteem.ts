import { expect } from 'vitest';
import { zgwHeaders } from '../../lib/zgw/index.js';
import { ZGW_CLIENT } from './stack.js';

/** A status the zaaksysteem set, with the zaak it belongs to. */
export interface GezetteStatus {
  readonly statusUrl: string;
  readonly zaakUrl: string;
}

/**
 * The simulated zaaksysteem as its own application (a behandelaar's tool, not a resident): sets
 * statuses on seeded zaken, which the simulator then announces to the voorkeuren subgraph as a
 * Notificaties abonnement would.
 */
export function zaaksysteem(baseUrl: string) {
  const zgw = async (path: string, body?: unknown): Promise<Record<string, unknown>> => {
    const headers = await zgwHeaders(
      { clientId: ZGW_CLIENT.id, secret: ZGW_CLIENT.secret },
      { userId: 'behandelaar', userRepresentation: 'Behandelaar' },
      Date.now(),
    );
    const response = await fetch(`${baseUrl}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { ...headers, 'content-type': 'application/json', 'content-crs': 'EPSG:4326' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    expect(response.status, path).toBeLessThan(300);
    return (await response.json()) as Record<string, unknown>;
  };

  return {
    /** Sets the status with this omschrijving on the seeded zaak with this identificatie. */
    async zetStatus(identificatie: string, statustype: string): Promise<GezetteStatus> {
      const [zaak] = (await zgw(`/zaken/api/v1/zaken?identificatie=${identificatie}`))['results'] as Array<{
        url: string;
        zaaktype: string;
      }>;
      if (!zaak) throw new Error(`no zaak ${identificatie}`);
      const typen = (await zgw(`/catalogi/api/v1/statustypen?zaaktype=${encodeURIComponent(zaak.zaaktype)}`))[
        'results'
      ] as Array<{ url: string; omschrijving: string }>;
      const type = typen.find((t) => t.omschrijving === statustype);
      if (!type) throw new Error(`no statustype ${statustype}`);
      const status = await zgw('/zaken/api/v1/statussen', {
        zaak: zaak.url,
        statustype: type.url,
        datumStatusGezet: new Date().toISOString(),
      });
      return { statusUrl: String(status['url']), zaakUrl: zaak.url };
    },
  };
}
