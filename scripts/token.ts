/**
 * `npm run token -- --bsn 999993653 [--niveau hoog]`: logs in at the DigiD-simulator and prints
 * a bearer access token alone on the last line, for curl or the playground. See
 * simulators/idp/token-cli.ts for the options; `--help` lists them. Without `--issuer` it finds
 * the IdP of the running `npm start` through OIDC_ISSUER, IDP_PORT or the launcher's stack file,
 * so it works on whatever ports the stack was given.
 */
import { fileURLToPath } from 'node:url';
import { runTokenCli } from '../simulators/idp/token-cli.js';
import { dataDirOf, readRunningStack, tokenTarget } from './stack-file.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url)); // dist/scripts → project root
const { env, graphqlUrl } = tokenTarget(process.env, readRunningStack(dataDirOf(process.env, ROOT)));

process.exitCode = await runTokenCli(process.argv.slice(2), {
  env,
  graphqlUrl,
  stdout: process.stdout,
  stderr: process.stderr,
});
