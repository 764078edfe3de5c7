import type { OverlapMap, OverlapRegelInfo } from './map.js';
import type { PortaalNaamValue } from './schema.js';

/**
 * The overlap map as architects read it: a Markdown table and a Mermaid diagram. Pure functions
 * of the map, so `npm run overlap` writes them to docs/overlap.md, `npm run overlap:check` proves
 * the committed doc is current, and `Query.overlap` can hand out the same diagram.
 */

const PORTAAL_NAAM: Record<PortaalNaamValue, string> = {
  GEMEENTE: 'Mijn-Omgeving (gemeente)',
  MIJN_OVERHEID: 'MijnOverheid',
};

const CATEGORIE_NAAM: Record<OverlapRegelInfo['categorie'], string> = {
  PERSOONSGEGEVENS: 'Persoonsgegevens',
  ZAKEN: 'Zaken',
  LOPENDE_ZAKEN: 'Lopende zaken',
  BERICHTEN: 'Berichten',
};

/** The rule's name, with its category unless the name says it already. */
function soort(regel: OverlapRegelInfo): string {
  const categorie = CATEGORIE_NAAM[regel.categorie];
  return regel.naam.toLowerCase().includes(categorie.toLowerCase()) ? regel.naam : `${categorie}: ${regel.naam}`;
}

/** Where a rule applies, in a few words. */
function geldtVoor(regel: OverlapRegelInfo, map: OverlapMap): string {
  if (regel.zaaktypen.length > 0) return `zaaktypen ${regel.zaaktypen.map((z) => `\`${z}\``).join(', ')}`;
  switch (regel.id) {
    case 'persoonsgegevens':
      return 'all BRP data of the resident';
    case 'zaken':
      return map.definitie.zaken.groepen.length > 0 ? 'every other zaaktype' : 'every zaaktype';
    case 'lopende-zaken':
      return 'Lopende Zaken of organisations not listed above';
    case 'berichten':
      return map.definitie.berichten.berichttypen.length > 0 ? 'every other bericht' : 'every bericht';
  }
  const voorwaarden = [
    regel.afzender === 'GEMEENTE' ? 'sent by the gemeente' : null,
    regel.afzender === 'ANDERE_ORGANISATIE' ? 'sent by another organisation' : null,
    regel.overZaak === true ? 'about a zaak' : null,
    regel.overZaak === false ? 'not about a zaak' : null,
  ].filter((v) => v !== null);
  return voorwaarden.length > 0 ? `berichten ${voorwaarden.join(', ')}` : 'every bericht';
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
const portalen = (lijst: readonly PortaalNaamValue[]) =>
  lijst.length === 0 ? '–' : lijst.map((p) => PORTAAL_NAAM[p]).join(', ');

const id = (prefix: string, value: string) => `${prefix}_${value.replace(/[^A-Za-z0-9]+/g, '_')}`;
const label = (text: string) => `"${text.replace(/"/g, '#quot;')}"`;
const MELDER: Record<PortaalNaamValue, string> = { GEMEENTE: 'de gemeente', MIJN_OVERHEID: 'MijnOverheid' };

/**
 * The ownership diagram (Mermaid): one box per portal with the kinds of data it owns, each saying
 * where else it shows and who sends the resident a message about it. No arrows between the
 * boxes: who owns what is read from which box a kind of data is in.
 */
export function renderOverlapMermaid(map: OverlapMap): string {
  const { gemeente } = map.definitie;
  const regels = map.regels();
  const lines = ['flowchart LR'];
  const titel: Record<PortaalNaamValue, string> = {
    GEMEENTE: `Beheerd door de gemeente: u regelt het in de Mijn-Omgeving van ${gemeente.naam}`,
    MIJN_OVERHEID: 'Beheerd door MijnOverheid: u leest of regelt het in MijnOverheid',
  };
  for (const portaal of ['GEMEENTE', 'MIJN_OVERHEID'] as const) {
    const eigen = regels.filter((r) => r.regel.eigenaar === portaal);
    if (eigen.length === 0) continue;
    lines.push(`  subgraph ${portaal}[${label(titel[portaal])}]`, '    direction TB');
    for (const regel of eigen) {
      const regels2 = [`<b>${soort(regel)}</b>`];
      if (regel.zaaktypen.length > 0) regels2.push(`<small>${regel.zaaktypen.join(', ')}</small>`);
      const ook = regel.regel.ookZichtbaarIn.filter((p) => p !== portaal);
      if (ook.length > 0) regels2.push(`ook te zien in ${ook.map((p) => PORTAAL_NAAM[p]).join(', ')}`);
      const melders = regel.regel.meldingenDoor.map((p) => MELDER[p]);
      regels2.push(melders.length > 0 ? `bericht van ${melders.join(' en ')}` : 'geen berichten');
      lines.push(`    ${id('regel', regel.id)}[${label(regels2.join('<br/>'))}]`);
    }
    lines.push('  end');
  }
  return `${lines.join('\n')}\n`;
}

/** Who sends the resident a message about what (Mermaid): one arrow per portal that notifies. */
export function renderMeldingenMermaid(map: OverlapMap): string {
  const lines = ['flowchart LR', `  inwoner((${label('Inwoner')}))`];
  for (const portaal of ['GEMEENTE', 'MIJN_OVERHEID'] as const) {
    const over = map
      .regels()
      .filter((r) => r.regel.meldingenDoor.includes(portaal))
      .map((r) => soort(r));
    if (over.length === 0) continue;
    lines.push(`  ${portaal}_MELDT[${label(PORTAAL_NAAM[portaal])}] -->|${label(over.join('<br/>'))}| inwoner`);
  }
  return `${lines.join('\n')}\n`;
}

/** docs/overlap.md: the organisations, one table row per rule, what notifications need, and the diagram. */
export function renderOverlapMarkdown(map: OverlapMap, source: string): string {
  const { gemeente } = map.definitie;
  const out: string[] = [
    `# Overlap map: ${gemeente.naam}`,
    '',
    `<!-- Generated by \`npm run overlap\` from ${source}. Do not edit: change that file and run it again. CI runs \`npm run overlap:check\`. -->`,
    '',
    "Which portal owns each kind of data a resident sees in the gemeente's Mijn-Omgeving, where else it",
    'shows, and which portal notifies the resident about it. Every item in `me` carries this as',
    '`portaal { eigenaar ookZichtbaarIn url uitleg }`; `Query.overlap` returns the same map.',
    '',
    `Mijn-Omgeving: ${gemeente.portaalUrl}`,
    '',
    '## How to read it',
    '',
    "- **The Mijn-Omgeving shows everything.** Every kind of data below appears in the gemeente's",
    '  Mijn-Omgeving (that is what `me` returns). **Owner** is the portal where the resident acts on it',
    '  (changes it, replies, reads the full bericht); its `portaal.url` points there.',
    '- **Also visible in names the other portal only**: MijnOverheid when it shows the same data too.',
    '  It never names the Mijn-Omgeving, which shows all rows.',
    '- **Notified by** is who sends the resident a message when the data changes. When MijnOverheid',
    '  notifies about a zaaktype, the gemeente does not send a second message, unless the resident',
    '  chose a channel for that zaaktype explicitly.',
    '',
    '## Which rule applies',
    '',
    '1. **Persoonsgegevens**: all BRP data of the resident, one rule.',
    '2. **Zaken**: a zaak is of this gemeente when its `bronorganisatie` is one of the RSINs below. Its',
    '   zaaktype (the catalogus `identificatie`) picks the group that lists it; a zaaktype is in at most',
    '   one group. A zaaktype in no group gets the rule "Zaken van andere zaaktypen".',
    "3. **Lopende Zaken** from MijnOverheid: those of this gemeente's organisations are not shown again;",
    '   they are the zaken above (with MijnOverheid under "also visible in"). Those of other',
    '   organisations get the rule "Lopende zaken van andere organisaties".',
    '4. **Berichten**: the sender is the gemeente when its OIN is one of the OINs below, another',
    '   organisation otherwise. A bericht is about a zaak when it can be linked to one: by the',
    "   sender's own zaak reference, by the zaaknummer of one of the resident's Lopende Zaken of that",
    "   sender, or (for the gemeente) by one zaaknummer in the gemeente's format; a text naming two",
    '   zaken links to neither. The berichttypen are tried in the order of the table; the first that',
    '   matches both conditions applies, and "Andere berichten" when none does.',
    '',
    '## Organisations of this gemeente',
    '',
    'Zaken with one of these RSINs as `bronorganisatie` are zaken of this gemeente: listed once under',
    'zaken, also when MijnOverheid shows them under Lopende Zaken. Berichten sent from one of these',
    'OINs are berichten of the gemeente.',
    '',
    '| Organisation | RSIN | OIN |',
    '|---|---|---|',
    ...gemeente.organisaties.map((o) => `| ${cell(o.naam)} | ${o.rsin} | ${o.oin} |`),
    '',
    '## Rules',
    '',
    '| Kind of data | Applies to | Source | Owner | Also visible in | Notified by | Explanation for residents (B1) |',
    '|---|---|---|---|---|---|---|',
    ...map
      .regels()
      .map(
        (r) =>
          `| ${cell(soort(r))} | ${cell(geldtVoor(r, map))} | ${cell(r.regel.bron)} | ` +
          `${PORTAAL_NAAM[r.regel.eigenaar]} | ${portalen(r.regel.ookZichtbaarIn)} | ${portalen(r.regel.meldingenDoor)} | ` +
          `${cell(r.regel.uitleg)} |`,
      ),
    '',
    '## For notifications',
    '',
    `- Zaaktypen MijnOverheid also shows (Lopende Zaken): ${
      map
        .zaaktypenInMijnOverheid()
        .map((z) => `\`${z}\``)
        .join(', ') || 'none'
    }.`,
    `- Zaaktypen MijnOverheid notifies the resident about, so the gemeente does not unless the resident asked for a channel: ${
      map
        .zaaktypenInMijnOverheid()
        .filter((z) => map.mijnOverheidMeldt(z))
        .map((z) => `\`${z}\``)
        .join(', ') || 'none'
    }.`,
    `- Zaaknummers of this gemeente look like: ${
      gemeente.zaaknummerPatroon === null ? 'not configured' : `\`${gemeente.zaaknummerPatroon}\``
    } (a bericht of the gemeente naming one is linked to that zaak).`,
    '',
    '## Who owns what',
    '',
    'Each box holds the kinds of data one portal owns, with where else they show and who sends a message.',
    '',
    '```mermaid',
    renderOverlapMermaid(map).trimEnd(),
    '```',
    '',
    '## Who sends the resident a message',
    '',
    '```mermaid',
    renderMeldingenMermaid(map).trimEnd(),
    '```',
    '',
  ];
  return out.join('\n');
}
