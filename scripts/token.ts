/**
 * `npm run token -- --bsn 999993653 [--niveau hoog]`: logs in at the DigiD-simulator and prints
 * a bearer access token alone on the last line, for curl or the playground. See
 * simulators/idp/token-cli.ts for the options; `--help` lists them.
 */
import { runTokenCli } from '../simulators/idp/token-cli.js';

process.exitCode = await runTokenCli(process.argv.slice(2), {
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
});
