import { Heading } from '@nl-design-system-candidate/heading-react/css';
import { Layout } from '../components/Layout.js';

/** Placeholder while this page is being built. */
export function Zaak() {
  return (
    <Layout titel="Zaak" ingelogd>
      <Heading level={1}>Zaak</Heading>
    </Layout>
  );
}
