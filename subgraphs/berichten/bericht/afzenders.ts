/**
 * MijnOverheid gives the sender of a bericht as an OIN only; a resident needs a name. These are
 * national organisations that send to residents (OIN = 00000001 + RSIN + 000). A deployment adds
 * its own gemeente and others through MIJNOVERHEID_AFZENDERS.
 */
const LANDELIJKE_AFZENDERS: Readonly<Record<string, string>> = {
  '00000001003214345000': 'Belastingdienst',
  '00000001804770694000': 'RDW',
  '00000001818148007000': 'UWV',
  '00000001820646660000': 'Kamer van Koophandel',
};

/** What a resident sees for a sender the list does not know. */
const ONBEKENDE_AFZENDER = 'Een overheidsorganisatie';

/** Returns a lookup from OIN to the sender's name; configured names win over the built-in ones. */
export function createAfzenderNamen(configured: Readonly<Record<string, string>> = {}): (oin: string) => string {
  const names = new Map(Object.entries({ ...LANDELIJKE_AFZENDERS, ...configured }));
  return (oin) => names.get(oin) ?? ONBEKENDE_AFZENDER;
}
