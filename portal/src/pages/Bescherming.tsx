import { Heading } from '@nl-design-system-candidate/heading-react/css';
import { Layout } from '../components/Layout.js';

/** Placeholder while this page is being built. */
export function Bescherming() {
  return (
    <Layout titel="Hoe beschermen wij uw gegevens" ingelogd>
      <Heading level={1}>Hoe beschermen wij uw gegevens</Heading>
    </Layout>
  );
}
