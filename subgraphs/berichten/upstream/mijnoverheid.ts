import type { Identity } from '../../../lib/identity/index.js';

/** A reference from a bericht to the zaak it is about. */
export interface MoZaakReferentie {
  /** RSIN of the organisation that owns the zaak. */
  bronorganisatie: string;
  identificatie: string;
}

/** An attachment of a bericht: metadata only, never the content. */
export interface MoBijlage {
  id: string;
  naam: string;
  /** Known from the full bericht only; the list form leaves it out. */
  mimeType: string | null;
}

/** A bericht in the resident's Berichtenbox, independent of how MijnOverheid is reached. */
export interface MoBericht {
  id: string;
  /** OIN of the sending organisation. */
  afzender: string;
  onderwerp: string;
  /** The text; used here only to find a zaaknummer in it, never passed to a client. */
  inhoud: string;
  ontvangen: Date;
  gelezen: boolean;
  /** The folder the resident filed it in, e.g. "archief". */
  map: string | null;
  aantalBijlagen: number;
  bijlagen: MoBijlage[];
  /** The zaak this bericht is about, when the sender said so in a structured field. */
  zaak: MoZaakReferentie | null;
}

/** One step in the status history of a lopende zaak. */
export interface MoZaakStatus {
  statustekst: string;
  datum: Date;
}

/** A zaak in MijnOverheid Lopende Zaken: what the owning organisation published there. */
export interface MoLopendeZaak {
  /** RSIN of the organisation that owns the zaak. */
  bronorganisatie: string;
  identificatie: string;
  organisatie: { naam: string; oin: string | null };
  omschrijving: string;
  /** JJJJ-MM-DD. */
  startdatum: string;
  einddatum: string | null;
  /** Oldest first. */
  statussen: MoZaakStatus[];
  /** The dossier in the owning organisation's own portal. */
  dossierUrl: string;
}

/** The Berichtenbox: list, read one (with attachment metadata), and set read/unread. */
export interface BerichtenboxAdapter {
  /** All berichten of the resident, in any order. */
  berichten(identity: Identity): Promise<MoBericht[]>;
  /** One bericht with its attachments' metadata; NOT_FOUND when it is not the resident's. */
  bericht(identity: Identity, id: string): Promise<MoBericht>;
  /** Marks a bericht read or unread and returns it as it is now. */
  markeerGelezen(identity: Identity, id: string, gelezen: boolean): Promise<MoBericht>;
}

/** MijnOverheid Lopende Zaken: the zaken organisations published for the resident. */
export interface LopendeZakenAdapter {
  lopendeZaken(identity: Identity): Promise<MoLopendeZaak[]>;
}

/**
 * The MijnOverheid side of the graph. Logius offers Berichtenbox and Lopende Zaken over
 * Digikoppeling only; this interface lets a Digikoppeling adapter replace the REST one
 * (modelled on the MinBZK FBS proof of concept) without touching the schema. Every method
 * identifies the recipient by the identity, so no implementation needs a BSN in a URL, and fails
 * with an `UpstreamError` (lib/http/upstream.ts) that the subgraph maps to a coded error.
 */
export interface MijnOverheidAdapter {
  readonly berichtenbox: BerichtenboxAdapter;
  /** null when this deployment is not connected to Lopende Zaken (many gemeenten are not). */
  readonly lopendeZaken: LopendeZakenAdapter | null;
}
