import { Ctx, Query, Resolver } from 'type-graphql';
import { PortaalNaam } from '../../../lib/graphql/index.js';
import { renderOverlapMermaid, type OverlapMap, type OverlapRegelInfo } from '../../../lib/overlap/index.js';
import type { BerichtenContext } from '../context.js';
import { OverlapAfzender, OverlapCategorie, OverlapKaart, OverlapOrganisatie, OverlapRegel } from './overlap.type.js';

function regel(info: OverlapRegelInfo): OverlapRegel {
  const r = info.regel;
  return Object.assign(new OverlapRegel(), {
    soort: info.id,
    categorie: OverlapCategorie[info.categorie],
    naam: info.naam,
    zaaktypen: [...info.zaaktypen],
    afzender: info.afzender === null ? null : OverlapAfzender[info.afzender],
    overZaak: info.overZaak,
    bron: r.bron,
    eigenaar: PortaalNaam[r.eigenaar],
    ookZichtbaarIn: r.ookZichtbaarIn.map((p) => PortaalNaam[p]),
    meldingenDoor: r.meldingenDoor.map((p) => PortaalNaam[p]),
    url: r.url,
    uitleg: r.uitleg,
  });
}

/** The whole map as the API shows it; the same for every caller, so built once per map. */
const kaarten = new WeakMap<OverlapMap, OverlapKaart>();
function kaart(overlap: OverlapMap): OverlapKaart {
  const { gemeente, versie } = overlap.definitie;
  return Object.assign(new OverlapKaart(), {
    versie,
    gemeente: gemeente.naam,
    portaalUrl: gemeente.portaalUrl,
    organisaties: gemeente.organisaties.map((o) => Object.assign(new OverlapOrganisatie(), o)),
    regels: overlap.regels().map(regel),
    zaaktypenInMijnOverheid: [...overlap.zaaktypenInMijnOverheid()],
    zaaknummerPatroon: gemeente.zaaknummerPatroon,
    mermaid: renderOverlapMermaid(overlap),
  });
}

@Resolver(() => OverlapKaart)
export class OverlapResolver {
  @Query(() => OverlapKaart, {
    description: 'De overlapkaart tussen de gemeente en MijnOverheid. Openbaar: inloggen is niet nodig.',
  })
  overlap(@Ctx() context: BerichtenContext): OverlapKaart {
    let result = kaarten.get(context.overlap);
    if (!result) kaarten.set(context.overlap, (result = kaart(context.overlap)));
    return result;
  }
}
