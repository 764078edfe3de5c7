import type { OverlapRegel } from '../overlap/index.js';
import { Portaal, PortaalNaam } from './types.js';

/** The `portaal` of an item, from its rule in the overlap map. */
export function portaalFrom(regel: OverlapRegel, url: string | null = regel.url): Portaal {
  return Object.assign(new Portaal(), {
    eigenaar: PortaalNaam[regel.eigenaar],
    ookZichtbaarIn: regel.ookZichtbaarIn.map((p) => PortaalNaam[p]),
    url,
    uitleg: regel.uitleg,
  });
}
