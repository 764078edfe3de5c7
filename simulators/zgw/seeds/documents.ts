import type { DocumentSeed, DocumentStatus, Vertrouwelijkheid } from '../types.js';

/**
 * A seeded PDF document: the file name comes from the key, the content is a short text built from
 * the title (the store turns it into a one-page PDF).
 */
export function document(
  key: string,
  titel: string,
  creatiedatum: string,
  vertrouwelijkheidaanduiding: Vertrouwelijkheid,
  status: DocumentStatus,
  auteur: string,
): DocumentSeed {
  return {
    key,
    titel,
    creatiedatum,
    bestandsnaam: `${key}.pdf`,
    formaat: 'application/pdf',
    vertrouwelijkheidaanduiding,
    status,
    auteur,
    inhoud: `${titel}\nDatum: ${creatiedatum}\nOpgesteld door: ${auteur}\n\nDit document is gemaakt voor de simulator.`,
  };
}
