import { v7 as timeOrderedUuid } from 'uuid';
import type { DocumentNode } from 'graphql';
import type { Caller } from '../../lib/internal-token.js';
import { gevraagdeGegevens } from './gegevens.js';

/**
 * The verwerkingenlog ("Wie heeft mijn gegevens bekeken", docs/security.md): every read of a
 * resident's data from the BRP, the zaaksystemen or MijnOverheid through the gateway becomes one
 * {@link Verwerking} per request and source, keyed by the pseudonym, never the BSN. The gateway
 * builds them here; `batcher.ts` delivers them to the voorkeuren subgraph, which keeps them and
 * shows them as `me.verwerkingen`.
 */

/** The sources whose reads are recorded, as `me.verwerkingen` names them. */
export type VerwerkingBron = 'BRP' | 'ZAKEN' | 'MIJNOVERHEID';

/** Which subgraph reads which source. The voorkeuren subgraph holds the resident's own choices: not recorded. */
export const BRON_VAN_SUBGRAPH: Readonly<Record<string, VerwerkingBron>> = {
  brp: 'BRP',
  zaken: 'ZAKEN',
  berichten: 'MIJNOVERHEID',
};

/**
 * Why the data was read, per source, as the resident reads it (B1). The gateway reads nothing for
 * any other purpose than showing the resident their own data; the text is fixed per source so the
 * purpose recorded is the purpose of the code that read it.
 */
export const DOELEN: Readonly<Record<VerwerkingBron, string>> = {
  BRP: 'Uw gegevens tonen in Mijn Omgeving',
  ZAKEN: 'Uw zaken bij de gemeente tonen in Mijn Omgeving',
  MIJNOVERHEID: 'Uw berichten en lopende zaken uit MijnOverheid tonen in Mijn Omgeving',
};

/** One read of one source for one request of one resident. */
export interface Verwerking {
  /**
   * Ours, one per request and source: delivering the record again (a retry, or grown by a later
   * call of the same request) stores it once. A UUID version 7, which starts with the time it was
   * made, so the store's key index grows at its end like the log itself: with random (version 4)
   * ids every insert lands on a random page of an index that outgrows the cache, and SQLite spent
   * 29-44 µs per row on a log of up to a million rows against 11-13 µs with these.
   */
  readonly id: string;
  /** The pseudonymous `Gebruiker.id`. */
  readonly gebruikerId: string;
  readonly tijdstip: Date;
  readonly bron: VerwerkingBron;
  /** What was read, as dotted paths (`persoonsgegevens.naam`, `zaken.items`). */
  readonly gegevens: readonly string[];
  readonly doel: string;
  /** The request id the gateway answered with (`x-request-id`). */
  readonly verzoekId: string;
  /** How someone acting for the resident logged in (machtiging), null when the resident read. */
  readonly namens: 'DIGID_MACHTIGEN' | 'EHERKENNING_KETENMACHTIGING' | null;
}

/** Where the gateway hands each {@link Verwerking}; must return at once, never wait for storage. */
export interface VerwerkingenRecorder {
  registreer(verwerking: Verwerking): void;
}

export interface BeantwoordeVraag {
  /** The subgraph that answered. */
  readonly subgraph: string;
  readonly caller: Caller;
  /** The part of the operation the gateway sent that subgraph. */
  readonly document: DocumentNode;
  readonly variables: Readonly<Record<string, unknown>> | undefined;
  /** What the subgraph answered. */
  readonly data: Readonly<Record<string, unknown>> | null | undefined;
  readonly tijdstip: Date;
  /**
   * What this subgraph already read earlier in the same request (the planner may call a subgraph
   * twice: `me`, then an entity call): the record grows under its id and first time.
   */
  readonly eerder?: Verwerking | undefined;
}

/**
 * The {@link Verwerking} for a subgraph's answer, or null when there is nothing to record: an
 * anonymous caller, a subgraph that reads no outside source, or an answer in which no data of the
 * resident came back (the source did not answer, or only the login fields were asked). With
 * `eerder`, the same record with what this answer added: one per request and source, whenever
 * its parts are delivered.
 */
export function verwerkingVan(vraag: BeantwoordeVraag): Verwerking | null {
  const { caller, eerder } = vraag;
  const bron = BRON_VAN_SUBGRAPH[vraag.subgraph];
  if (caller.kind !== 'person' || !bron) return null;
  const gegevens = gevraagdeGegevens(vraag.document, vraag.variables, vraag.data);
  if (gegevens.length === 0) return null;
  if (eerder) return { ...eerder, gegevens: [...new Set([...eerder.gegevens, ...gegevens])] };
  return {
    id: timeOrderedUuid(),
    gebruikerId: caller.gebruikerId,
    tijdstip: vraag.tijdstip,
    bron,
    gegevens,
    doel: DOELEN[bron],
    verzoekId: caller.requestId,
    namens: caller.identity.namens?.soort ?? null,
  };
}
