import { Heading } from '@nl-design-system-candidate/heading-react/css';
import { Layout } from '../components/Layout.js';

/** Placeholder while this page is being built. */
export function MijnGegevens() {
  return (
    <Layout titel="Mijn gegevens" ingelogd>
      <Heading level={1}>Mijn gegevens</Heading>
    </Layout>
  );
}
