/**
 * Links into MijnOverheid, for `portaal.url`: where the resident reads a bericht and sees Lopende
 * Zaken. The base differs per MijnOverheid environment (MIJNOVERHEID_PORTAAL_URL).
 */
export function mijnOverheidLinks(portaalUrl: string): { berichtUrl: (id: string) => string; lopendeZakenUrl: string } {
  const base = portaalUrl.replace(/\/+$/, '');
  return {
    berichtUrl: (id) => `${base}/berichtenbox/bericht/${encodeURIComponent(id)}`,
    lopendeZakenUrl: `${base}/lopende-zaken/`,
  };
}
