import { Ctx, Query, Resolver } from 'type-graphql';
import { PortaalNaam } from '../../../lib/graphql/index.js';
import type { OverlapRegel as Regel } from '../../../lib/overlap/index.js';
import type { BerichtenContext } from '../context.js';
import { OverlapKaart, OverlapRegel } from './overlap.type.js';

function regel(soort: string, r: Regel): OverlapRegel {
  return Object.assign(new OverlapRegel(), {
    soort,
    bron: r.bron,
    eigenaar: PortaalNaam[r.eigenaar],
    ookZichtbaarIn: r.ookZichtbaarIn.map((p) => PortaalNaam[p]),
    meldingenDoor: r.meldingenDoor.map((p) => PortaalNaam[p]),
    uitleg: r.uitleg,
  });
}

@Resolver(() => OverlapKaart)
export class OverlapResolver {
  @Query(() => OverlapKaart, {
    description: 'De overlapkaart tussen de gemeente en MijnOverheid. Openbaar: inloggen is niet nodig.',
  })
  overlap(@Ctx() context: BerichtenContext): OverlapKaart {
    const { definitie } = context.overlap;
    return Object.assign(new OverlapKaart(), {
      gemeente: definitie.gemeente.naam,
      regels: [
        regel('persoonsgegevens', definitie.persoonsgegevens),
        regel('zaken', definitie.zaken.standaard),
        ...definitie.zaken.zaaktypen.map((r) => regel(`zaaktype ${r.zaaktype}`, r)),
        regel('berichten', definitie.berichten.standaard),
      ],
    });
  }
}
