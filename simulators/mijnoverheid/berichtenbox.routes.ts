import express, { type Request, type Router } from 'express';
import { isUuid, stableUuid } from '../shared/ids.js';
import type { ErrorResponder } from '../shared/problem.js';
import type { Clock } from '../shared/simulator.js';
import { fbsPage, pageRequest } from './paging.js';
import { ontvangerOf, parseOntvanger, sameOntvanger, type Ontvanger } from './ontvanger.js';
import type { BerichtSeed } from './seed.js';

/** Mount point of the Berichtenbox API. */
export const BERICHTENBOX_ROOT = '/berichtenbox/api/v1';

interface BerichtStatus {
  gelezen: boolean;
  map?: string;
  gewijzigdOp: string;
}

interface BerichtRecord {
  berichtId: string;
  afzender: string;
  ontvanger: Ontvanger;
  onderwerp: string;
  inhoud: string;
  tijdstipOntvangst: string;
  publicatietijdstip: string;
  status?: BerichtStatus;
  bijlagen: { bijlageId: string; naam: string; mimeType: string }[];
  zaakreferentie?: { bronorganisatie: string; identificatie: string };
}

function toRecord(seed: BerichtSeed): BerichtRecord {
  const ontvanger = parseOntvanger(seed.ontvanger);
  if (!ontvanger) throw new Error(`bericht ${seed.key}: invalid ontvanger ${seed.ontvanger}`);
  return {
    berichtId: stableUuid(`mijnoverheid:bericht:${seed.key}`),
    afzender: seed.afzender,
    ontvanger,
    onderwerp: seed.onderwerp,
    inhoud: seed.inhoud,
    tijdstipOntvangst: seed.tijdstipOntvangst,
    publicatietijdstip: seed.publicatietijdstip ?? seed.tijdstipOntvangst,
    ...(seed.status ? { status: { ...seed.status } } : {}),
    bijlagen: (seed.bijlagen ?? []).map((b, index) => ({
      ...b,
      bijlageId: stableUuid(`mijnoverheid:bijlage:${seed.key}:${index}`),
    })),
    ...(seed.zaakreferentie ? { zaakreferentie: { ...seed.zaakreferentie } } : {}),
  };
}

const selfLink = (b: BerichtRecord) => ({ self: { href: `${BERICHTENBOX_ROOT}/berichten/${b.berichtId}` } });

function header(b: BerichtRecord) {
  return {
    berichtId: b.berichtId,
    afzender: b.afzender,
    ontvanger: b.ontvanger,
    onderwerp: b.onderwerp,
    inhoud: b.inhoud,
    tijdstipOntvangst: b.tijdstipOntvangst,
    publicatietijdstip: b.publicatietijdstip,
    // Extension member beyond FBS PoC 0.2.0 (see BerichtSeed.zaakreferentie).
    ...(b.zaakreferentie ? { zaakreferentie: b.zaakreferentie } : {}),
  };
}

/** `BerichtSamenvatting`: list form, attachments reduced to id and name. */
function samenvatting(b: BerichtRecord) {
  return {
    ...header(b),
    aantalBijlagen: b.bijlagen.length,
    bijlagen: b.bijlagen.map(({ bijlageId, naam }) => ({ bijlageId, naam })),
    ...(b.status ? { status: b.status } : {}),
    _links: selfLink(b),
  };
}

/** `Bericht`: full form with attachment metadata. */
function volledig(b: BerichtRecord) {
  return {
    ...header(b),
    bijlagen: b.bijlagen.map((bijlage) => ({
      ...bijlage,
      _links: { self: { href: `${BERICHTENBOX_ROOT}/berichten/${b.berichtId}/bijlagen/${bijlage.bijlageId}` } },
    })),
    ...(b.status ? { status: b.status } : {}),
    _links: selfLink(b),
  };
}

const MERGE_PATCH = 'application/merge-patch+json';

/**
 * Berichtenbox modelled on the FBS Berichtenmagazijn PoC: list (newest first, unpublished and
 * other recipients' berichten excluded), read one (403 for another recipient's bericht), and
 * `PATCH` with `application/merge-patch+json` to mark read/unread or file it in a map.
 */
export function berichtenboxRouter(seeds: readonly BerichtSeed[], respond: ErrorResponder, now: Clock): Router {
  const berichten = seeds.map(toRecord);
  const router = express.Router();

  const find = (req: Request): BerichtRecord | 'invalid' | undefined => {
    const id = String(req.params['berichtId']);
    return isUuid(id) ? berichten.find((b) => b.berichtId === id) : 'invalid';
  };

  router.get('/berichten', (req, res) => {
    const paging = pageRequest(req);
    const afzender = req.query['afzender'];
    if (afzender !== undefined && (typeof afzender !== 'string' || !/^[0-9]{20}$/.test(afzender))) {
      respond(req, res, 400, { detail: 'afzender moet een OIN van 20 cijfers zijn.' });
      return;
    }
    if (!paging.ok) {
      respond(req, res, 400, { detail: paging.invalidParams.map((p) => `${p.name}: ${p.reason}`).join(' ') });
      return;
    }
    const ontvanger = ontvangerOf(req);
    const moment = now().toISOString();
    const mine = berichten
      .filter((b) => sameOntvanger(b.ontvanger, ontvanger) && b.publicatietijdstip <= moment)
      .filter((b) => afzender === undefined || b.afzender === afzender)
      .sort((a, b) => b.publicatietijdstip.localeCompare(a.publicatietijdstip));
    const { items, ...page } = fbsPage(req, mine, paging.page, paging.pageSize);
    res.json({ berichten: items.map(samenvatting), ...page });
  });

  router.get('/berichten/:berichtId', (req, res) => {
    const bericht = find(req);
    if (bericht === 'invalid') respond(req, res, 400, { detail: 'berichtId is geen UUID.' });
    else if (!bericht) respond(req, res, 404, { detail: 'Bericht niet gevonden.' });
    else if (!sameOntvanger(bericht.ontvanger, ontvangerOf(req))) {
      respond(req, res, 403, { detail: 'Het bericht is niet gericht aan de opgegeven ontvanger.' });
    } else res.json(volledig(bericht));
  });

  router.patch('/berichten/:berichtId', (req, res) => {
    if (!req.is(MERGE_PATCH)) {
      respond(req, res, 415, { detail: `Gebruik Content-Type ${MERGE_PATCH}.` });
      return;
    }
    const bericht = find(req);
    if (bericht === 'invalid') {
      respond(req, res, 400, { detail: 'berichtId is geen UUID.' });
      return;
    }
    if (!bericht) {
      respond(req, res, 404, { detail: 'Bericht niet gevonden.' });
      return;
    }
    if (!sameOntvanger(bericht.ontvanger, ontvangerOf(req))) {
      respond(req, res, 403, { detail: 'Het bericht is niet gericht aan de opgegeven ontvanger.' });
      return;
    }
    const body: unknown = req.body;
    const patch =
      typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
    const unknownMembers = patch ? Object.keys(patch).filter((k) => k !== 'gelezen' && k !== 'map') : [];
    const gelezen = patch?.['gelezen'];
    const map = patch?.['map'];
    if (
      !patch ||
      unknownMembers.length > 0 ||
      (gelezen !== undefined && gelezen !== null && typeof gelezen !== 'boolean') ||
      (map !== undefined && map !== null && (typeof map !== 'string' || map.length < 1 || map.length > 128))
    ) {
      respond(req, res, 400, { detail: 'De patch mag alleen gelezen (boolean) en map (1 tot 128 tekens) bevatten.' });
      return;
    }
    // Absent and null both mean "leave unchanged" (BerichtStatusPatch).
    const current = bericht.status;
    const nieuweMap = typeof map === 'string' ? map : current?.map;
    bericht.status = {
      gelezen: typeof gelezen === 'boolean' ? gelezen : (current?.gelezen ?? false),
      ...(nieuweMap !== undefined ? { map: nieuweMap } : {}),
      gewijzigdOp: now().toISOString(),
    };
    res.json(volledig(bericht));
  });

  return router;
}
