import { Heading } from '@nl-design-system-candidate/heading-react/css';
import { Layout } from '../components/Layout.js';

/** Placeholder while this page is being built. */
export function MeldingenEnContact() {
  return (
    <Layout titel="Meldingen en contactgegevens" ingelogd>
      <Heading level={1}>Meldingen en contactgegevens</Heading>
    </Layout>
  );
}
