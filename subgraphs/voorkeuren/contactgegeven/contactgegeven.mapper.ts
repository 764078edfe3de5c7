import type { StoredContactgegeven, VerificatieBeleid } from '../store/store.js';
import { ContactSoort, Contactgegeven, Verificatie } from './contactgegeven.type.js';

/** What the resident should know or do about one contact detail (B1), or null. */
function melding(c: StoredContactgegeven, beleid: VerificatieBeleid, now: Date): string | null {
  const [adres, bericht] = c.soort === 'EMAIL' ? ['adres', 'e-mail'] : ['nummer', 'sms'];
  if (c.onbestelbaarSinds) {
    return (
      `Onze ${bericht} aan dit ${adres} kwam niet aan. Controleer of het ${adres} klopt. ` +
      `Klopt het niet? Verwijder het en voeg het goede ${adres} toe.`
    );
  }
  if (c.geverifieerdOp) return null;
  const open =
    c.verificatie !== null &&
    c.verificatie.verlooptOp.getTime() > now.getTime() &&
    c.verificatie.pogingen < beleid.maxPogingen;
  return open
    ? `Vul de code in die we u stuurden. Daarna kunnen we dit ${adres} gebruiken.`
    : `Dit ${adres} is nog niet bevestigd. Vraag een nieuwe code aan.`;
}

/** A stored contact detail as the GraphQL type, with what the resident should do about it. */
export function mapContactgegeven(c: StoredContactgegeven, beleid: VerificatieBeleid, now: Date): Contactgegeven {
  return Object.assign(new Contactgegeven(), {
    id: c.id,
    soort: ContactSoort[c.soort],
    waarde: c.waarde,
    standaard: c.standaard,
    geverifieerd: c.geverifieerdOp !== null,
    geverifieerdOp: c.geverifieerdOp,
    onbestelbaar: c.onbestelbaarSinds !== null,
    melding: melding(c, beleid, now),
    toegevoegdOp: c.toegevoegdOp,
    verificatie:
      c.verificatie === null
        ? null
        : Object.assign(new Verificatie(), {
            verlooptOp: c.verificatie.verlooptOp,
            verlopen: c.verificatie.verlooptOp.getTime() <= now.getTime(),
            pogingenOver: Math.max(0, beleid.maxPogingen - c.verificatie.pogingen),
          }),
  });
}
