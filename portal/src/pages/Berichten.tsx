import { Heading } from '@nl-design-system-candidate/heading-react/css';
import { Layout } from '../components/Layout.js';

/** Placeholder while this page is being built. */
export function Berichten() {
  return (
    <Layout titel="Berichten" ingelogd>
      <Heading level={1}>Berichten</Heading>
    </Layout>
  );
}
