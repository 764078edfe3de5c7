/**
 * Names of organisations that send Berichtenbox berichten, by OIN. MijnOverheid sends the OIN
 * only; a resident needs the name. Unknown OINs are shown as "Een overheidsorganisatie".
 */
const AFZENDERS: ReadonlyMap<string, string> = new Map([
  ['00000001003214345000', 'Belastingdienst'],
  ['00000001804770694000', 'RDW'],
  ['00000001001563291000', 'UWV'],
  ['00000001002306608000', 'Sociale Verzekeringsbank'],
  ['00000001821002193000', 'DUO'],
]);

export function afzenderNaam(oin: string, gemeente: { oin?: string; naam: string }): string {
  if (gemeente.oin && oin === gemeente.oin) return gemeente.naam;
  return AFZENDERS.get(oin) ?? 'Een overheidsorganisatie';
}
