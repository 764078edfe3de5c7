import type { PlaygroundBrowserConfig } from './browser.js';
import { playgroundMain } from './browser.js';

/** `<` in JSON inside a script block would let `</script>` end it; escape it. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** The playground's one script: the browser function applied to the config in the page. */
export const PLAYGROUND_SCRIPT = `(${playgroundMain.toString()})(JSON.parse(document.getElementById('playground-config').textContent));\n`;

/** The playground page: GraphiQL plus a login bar, everything from the gateway itself. */
export function renderPlaygroundPage(config: PlaygroundBrowserConfig): string {
  return `<!doctype html>
<html lang="nl">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Profielservice Mijn-Omgeving: GraphQL-playground</title>
    <link rel="stylesheet" href="${config.assets}/graphiql.css" />
    <link rel="stylesheet" href="${config.assets}/playground.css" />
  </head>
  <body>
    <header class="login-bar">
      <strong>Profielservice Mijn-Omgeving</strong>
      <span id="login-status" role="status" aria-live="polite">Bezig met laden…</span>
      <button type="button" id="login" hidden>Inloggen als testpersoon</button>
      <button type="button" id="logout" hidden>Uitloggen</button>
    </header>
    <main id="graphiql" aria-label="GraphQL-playground"></main>
    <script type="application/json" id="playground-config">${jsonForScript(config)}</script>
    <script src="${config.assets}/yoga-graphiql.umd.js"></script>
    <script src="${config.assets}/playground.js"></script>
  </body>
</html>
`;
}

export const PLAYGROUND_CSS = `html, body { height: 100%; margin: 0; }
body { display: flex; flex-direction: column; font-family: system-ui, sans-serif; }
.login-bar { display: flex; gap: 1rem; align-items: center; padding: 0.5rem 1rem; border-bottom: 1px solid #ccc; }
.login-bar button { font: inherit; padding: 0.25rem 0.75rem; cursor: pointer; }
#login-status { flex: 1; }
#graphiql { flex: 1; min-height: 0; }
`;
