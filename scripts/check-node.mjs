/* global process, console, URL */
// Runs before `npm start`, `npm test` and `npm run token`, on whatever Node runs npm: plain
// JavaScript that any Node version can read, so a Node that is too old gets one clear line
// instead of an error deep in a dependency. `npm install` normally brings Node 24 itself (the
// `node` package in devDependencies), and npm runs scripts with it; this catches the cases where
// it did not (installed with --omit=dev or --ignore-scripts, or run outside npm).
import { readFileSync } from 'node:fs';

const { engines } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const needed = /(\d+)\.(\d+)/.exec(engines.node);
const [major, minor] = process.versions.node.split('.').map(Number);
const [needMajor, needMinor] = [Number(needed[1]), Number(needed[2])];
if (major < needMajor || (major === needMajor && minor < needMinor)) {
  console.error(
    `Node.js ${process.versions.node} gevonden; dit project heeft ${needMajor}.${needMinor} of nieuwer nodig. ` +
      'Voer `npm install` uit (dat haalt Node 24 als npm-pakket) of installeer Node 24 (zie .nvmrc).',
  );
  process.exit(1);
}
