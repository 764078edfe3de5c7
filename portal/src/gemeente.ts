/**
 * What a gemeente changes to make the portal its own: its name and the portal's name. Colours
 * and fonts are design tokens in theme.css; which portal owns what comes from the API (the
 * gateway's schema/overlap.yaml), not from here.
 */
export const GEMEENTE = {
  /** As in a sentence: "Dit regelt u bij de gemeente Voorbeeldstad." */
  naam: 'Voorbeeldstad',
  /** The portal's name, in the header and every page title. */
  portaal: 'Mijn Voorbeeldstad',
} as const;
