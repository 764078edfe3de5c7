import type { JSX } from 'react';
import { Provider } from 'urql';
import { client } from './client.js';
import { Berichten } from './pages/Berichten.js';
import { Bescherming } from './pages/Bescherming.js';
import { MeldingenEnContact } from './pages/MeldingenEnContact.js';
import { MijnGegevens } from './pages/MijnGegevens.js';
import { MijnZaken } from './pages/MijnZaken.js';
import { Overzicht } from './pages/Overzicht.js';
import { NietGevonden } from './pages/Toestanden.js';
import { Zaak } from './pages/Zaak.js';

/**
 * One page per address, each loaded in full: links are plain links, so focus, history and the
 * title behave as on any web page, and every page asks its one operation afresh.
 */
const PAGINAS: Readonly<Record<string, () => JSX.Element>> = {
  '/': Overzicht,
  '/gegevens': MijnGegevens,
  '/zaken': MijnZaken,
  '/zaak': Zaak,
  '/berichten': Berichten,
  '/meldingen': MeldingenEnContact,
  '/bescherming': Bescherming,
};

export function App() {
  const Pagina = PAGINAS[window.location.pathname] ?? NietGevonden;
  return (
    <Provider value={client}>
      <Pagina />
    </Provider>
  );
}
