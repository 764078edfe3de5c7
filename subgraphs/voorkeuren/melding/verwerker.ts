import { z } from 'zod';
import { pseudonymFor } from '../../../lib/identity/index.js';
import type { Logger } from '../../../lib/logging.js';
import type { ZgwClient, ZgwStatusWijziging } from '../../../lib/zgw/index.js';
import { DatabaseUnavailableError } from '../store/sql.js';
import type { TaalCode, VoorkeurenStore } from '../store/store.js';
import { beslis, onderwerpVan } from './beslissing.js';
import type { MeldingenStore, NieuweBeslissing } from './meldingen-store.js';

/** A ZGW Notificaties API 1.0 `Message`, the fields we read. */
export const notificatieSchema = z.object({
  kanaal: z.string(),
  hoofdObject: z.string().optional(),
  resource: z.string(),
  resourceUrl: z.string(),
  actie: z.string(),
  aanmaakdatum: z.string().optional(),
  kenmerken: z.record(z.string(), z.unknown()).optional(),
});
export type Notificatie = z.infer<typeof notificatieSchema>;

/** True for the messages meldingen are about: a new status of a zaak. Others (the test message) are ignored. */
export function isStatusWijziging(notificatie: Notificatie): boolean {
  return notificatie.kanaal === 'zaken' && notificatie.resource === 'status' && notificatie.actie === 'create';
}

/** The dedup key of an event: one status is created once, so its URL identifies the change. */
export function eventSleutel(notificatie: Notificatie): string {
  return `${notificatie.kanaal}|${notificatie.actie}|${notificatie.resourceUrl}`;
}

/** Template ids of the zaak-status messages, per language (`NOTIFYNL_TEMPLATES`). */
export interface MeldingTemplates {
  readonly nl: { readonly 'zaak-status-email': string; readonly 'zaak-status-sms': string };
  readonly en?: { readonly 'zaak-status-email'?: string; readonly 'zaak-status-sms'?: string };
}

export interface MeldingVerwerkerOptions {
  meldingen: MeldingenStore;
  voorkeuren: Pick<VoorkeurenStore, 'voorkeuren' | 'bruikbareContactgegevens'>;
  /** The zaaksystemen, through the shared ZGW client (same visibility rules as the zaken list). */
  bronnen: readonly ZgwClient[];
  /** True when MijnOverheid announces changes of zaken of this zaaktype (the overlap map). */
  mijnOverheidMeldt(zaaktype: string | null): boolean;
  /** The keyed hash the gateway uses for `Gebruiker.id` (`PSEUDONYM_KEY`). */
  pseudonymKey: string;
  templates: MeldingTemplates;
  /** Where a resident sees their zaken; the link in the message. */
  portaalUrl: string;
  now: () => Date;
  logger?: Logger;
  /** Attempts (ZGW unavailable) before an event is given up. */
  maxPogingen?: number;
}

export interface MeldingVerwerker {
  /** Decides on up to `max` stored events; returns how many outbox rows were added. */
  verwerk(max?: number): Promise<number>;
}

const NAAM: Record<TaalCode, string> = { nl: 'inwoner', en: 'resident' };

/**
 * Turns stored ZGW events into decisions and outbox rows: looks up the status, zaak and who may
 * see it in the zaaksysteem, finds each resident by pseudonym, and applies {@link beslis}.
 * Idempotent: decisions are unique per (resident, zaak, status, channel), so an event handled
 * twice (two replicas, a crash before it was marked) adds nothing the second time.
 */
export function createMeldingVerwerker(options: MeldingVerwerkerOptions): MeldingVerwerker {
  const { meldingen, logger } = options;
  const maxPogingen = options.maxPogingen ?? 10;

  const zoek = async (statusUrl: string): Promise<ZgwStatusWijziging | null> => {
    for (const bron of options.bronnen) {
      const wijziging = await bron.statusWijziging(statusUrl);
      if (wijziging) return wijziging;
    }
    return null;
  };

  const beslissingenVoor = async (statusUrl: string, w: ZgwStatusWijziging): Promise<NieuweBeslissing[]> => {
    const zaaktype = w.zaak._expand?.zaaktype?.identificatie ?? null;
    const wijziging = {
      zaaktype,
      informeren: w.statustype.informeren ?? false,
      eersteStatus: w.eersteStatus,
      eindstatus: w.eindstatus,
    };
    const onderwerp = onderwerpVan(wijziging);
    const result: NieuweBeslissing[] = [];
    for (const inwoner of w.inwoners) {
      const gebruikerId = pseudonymFor(inwoner, options.pseudonymKey);
      const [voorkeuren, contact] = await Promise.all([
        options.voorkeuren.voorkeuren(gebruikerId),
        options.voorkeuren.bruikbareContactgegevens(gebruikerId),
      ]);
      const taal: TaalCode = voorkeuren?.taal ?? 'nl';
      const basis = {
        gebruikerId,
        zaakSleutel: `${w.zaak.bronorganisatie}|${w.zaak.identificatie}`,
        zaakIdentificatie: w.zaak.identificatie,
        zaaktype,
        statusUrl,
        onderwerp,
      };
      for (const b of beslis({
        wijziging,
        voorkeuren,
        contact,
        mijnOverheidMeldt: options.mijnOverheidMeldt(zaaktype),
      })) {
        if (!b.versturen) {
          result.push({ ...basis, kanaal: b.kanaal, versturen: false, reden: b.reden });
          continue;
        }
        const doel = b.kanaal === 'EMAIL' ? 'zaak-status-email' : 'zaak-status-sms';
        result.push({
          ...basis,
          kanaal: b.kanaal,
          versturen: true,
          contactId: b.contactId,
          taal,
          template: (taal === 'en' ? options.templates.en?.[doel] : undefined) ?? options.templates.nl[doel],
          personalisatie: {
            naam: NAAM[taal],
            zaak: w.zaak.identificatie,
            status: w.statustype.statustekst || w.statustype.omschrijving,
            url: `${options.portaalUrl}/zaken/${encodeURIComponent(w.zaak.identificatie)}`,
          },
        });
      }
    }
    return result;
  };

  return {
    async verwerk(max = 100) {
      let nieuw = 0;
      for (const event of await meldingen.openEvents(max)) {
        const parsed = notificatieSchema.safeParse(event.bericht);
        try {
          if (parsed.success && isStatusWijziging(parsed.data)) {
            const statusUrl = parsed.data.resourceUrl;
            const wijziging = await zoek(statusUrl);
            if (wijziging)
              nieuw += await meldingen.besluit(await beslissingenVoor(statusUrl, wijziging), options.now());
            else logger?.info({ event: event.sleutel }, 'status of no configured zaaksysteem: ignored');
          }
          await meldingen.eventVerwerkt(event.sleutel, options.now());
        } catch (error) {
          // Our own database down is no fault of the event: stop this pass without counting an
          // attempt (it could not be counted anyway), so the event is not given up over an outage.
          if (error instanceof DatabaseUnavailableError) throw error;
          const opgegeven = event.pogingen + 1 >= maxPogingen;
          const fout = error instanceof Error ? error.name : 'unknown';
          // Only our key and the error's name: the zaak holds BSNs, the upstream body may too.
          logger?.warn({ event: event.sleutel, fout, opgegeven }, 'ZGW event not processed');
          if (opgegeven) await meldingen.eventVerwerkt(event.sleutel, options.now());
          else await meldingen.eventVerwerkt(event.sleutel, options.now(), fout);
        }
      }
      return nieuw;
    },
  };
}
