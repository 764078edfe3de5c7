import { Link } from '@nl-design-system-candidate/link-react/css';
import { SkipLink } from '@nl-design-system-candidate/skip-link-react/css';
import { Button } from '@nl-design-system-candidate/button-react/css';
import { useEffect, type ReactNode } from 'react';
import { GEMEENTE } from '../gemeente.js';

const MENU = [
  { href: '/', naam: 'Overzicht' },
  { href: '/gegevens', naam: 'Mijn gegevens' },
  { href: '/zaken', naam: 'Mijn zaken' },
  { href: '/berichten', naam: 'Berichten' },
  { href: '/meldingen', naam: 'Meldingen en contactgegevens' },
  { href: '/bescherming', naam: 'Hoe beschermen wij uw gegevens' },
] as const;

export interface LayoutProps {
  /** The page's own title; the browser tab shows it before the portal's name. */
  readonly titel: string;
  /** The menu and the logout button are shown only to a resident who is logged in. */
  readonly ingelogd: boolean;
  readonly children: ReactNode;
}

/** The frame of every page: skip link, header with menu, the main content, footer. */
export function Layout({ titel, ingelogd, children }: LayoutProps) {
  useEffect(() => {
    document.title = `${titel} – ${GEMEENTE.portaal}`;
  }, [titel]);
  const pad = window.location.pathname;
  return (
    <>
      <SkipLink href="#inhoud">Naar de inhoud</SkipLink>
      <header className="kop">
        <div className="kop__binnen">
          <a className="kop__naam" href="/">
            {GEMEENTE.portaal}
          </a>
          {ingelogd && (
            <form className="kop__uitloggen" method="post" action="/logout">
              <Button type="submit" purpose="secondary">
                Uitloggen
              </Button>
            </form>
          )}
        </div>
        {ingelogd && (
          <nav className="menu" aria-label="Menu">
            <ul className="menu__lijst">
              {MENU.map((item) => (
                <li key={item.href}>
                  <Link href={item.href} {...(pad === item.href ? { current: 'page' as const } : {})}>
                    {item.naam}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      {/* tabIndex -1: the skip link moves focus here, so the next Tab starts in the content. */}
      <main id="inhoud" className="inhoud" tabIndex={-1}>
        {children}
      </main>
      <footer className="voet">
        <p>
          {GEMEENTE.portaal} is de persoonlijke pagina van de gemeente {GEMEENTE.naam}. Hier ziet u uw zaken, berichten
          en gegevens op één plek.
        </p>
      </footer>
    </>
  );
}
