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
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="${config.assets}/graphiql.css" />
    <link rel="stylesheet" href="${config.assets}/playground.css" />
  </head>
  <body>
    <header class="login-bar">
      <h1 class="login-title">Profielservice <span class="nowrap">Mijn-Omgeving</span></h1>
      <p id="login-status" role="status" aria-live="polite">Bezig met laden…</p>
      <div class="login-actions">
        <button type="button" id="login" hidden>Inloggen als testpersoon</button>
        <button type="button" id="logout" hidden>Uitloggen</button>
      </div>
    </header>
    <main id="graphiql" aria-label="GraphQL-playground"></main>
    <script type="application/json" id="playground-config">${jsonForScript(config)}</script>
    <script src="${config.assets}/yoga-graphiql.umd.js"></script>
    <script src="${config.assets}/playground.js"></script>
  </body>
</html>
`;
}

/**
 * The page's own styles, loaded after GraphiQL's. Where they change GraphiQL's widgets they use
 * `#graphiql` in the selector, so they win over the bundle's rules by specificity, not by order.
 */
export const PLAYGROUND_CSS = `/* The page is the viewport and never scrolls: the header bar on top, GraphiQL in the rest. */
html, body { height: 100%; margin: 0; }
body {
  display: flex;
  flex-direction: column;
  font-family: system-ui, sans-serif;
  color: #1a1a1a;
  background: #fff;
}
[hidden] { display: none !important; }

.login-bar {
  flex: none;
  display: grid;
  grid-template-columns: auto minmax(0, 1fr) auto;
  grid-template-areas: 'title status actions';
  align-items: center;
  gap: 0.25rem 1rem;
  padding: 0.5rem 1rem;
  border-bottom: 1px solid #c4c4c4;
  line-height: 1.4;
}
.login-title { grid-area: title; margin: 0; font-size: 1rem; font-weight: 700; }
#login-status { grid-area: status; margin: 0; }
.login-bar[data-state='failed'] #login-status,
.login-bar[data-state='expired'] #login-status { color: #a1001a; font-weight: 600; }
.login-actions { grid-area: actions; display: flex; gap: 0.5rem; }
/* At least 24 by 24 px (WCAG 2.5.8), and roomy enough for a finger. */
.login-bar button {
  font: inherit;
  min-height: 2.5rem;
  padding: 0.375rem 1rem;
  white-space: nowrap;
  cursor: pointer;
  color: #fff;
  background: #154273;
  border: 2px solid #154273;
  border-radius: 4px;
}
.login-bar button:hover { background: #0b2a4d; border-color: #0b2a4d; }
.login-bar #logout { color: #154273; background: #fff; }
.login-bar #logout:hover { background: #e8eef5; }
.login-bar button:focus-visible { outline: 3px solid #1a1a1a; outline-offset: 2px; }
/*
 * Narrow screens: title and button on the first row, the status below them at full width. The
 * title keeps "Mijn-Omgeving" whole; where even then the row is too narrow, the button's text wraps.
 */
.nowrap { white-space: nowrap; }
@media (max-width: 48rem) {
  .login-bar {
    grid-template-columns: minmax(min-content, 1fr) auto;
    grid-template-areas: 'title actions' 'status status';
    padding: 0.5rem 0.75rem;
  }
  .login-bar button { white-space: normal; }
}

/*
 * GraphiQL fills what the header leaves. Its bundle sizes .graphiql-container to 100vh by 100vw,
 * which pushed its bottom pane (Variables, Headers) below the viewport; the editor's absolutely
 * placed layers then made the document scroll. Position and overflow here keep them inside.
 */
#graphiql { flex: 1 1 auto; min-height: 0; position: relative; overflow: hidden; }
#graphiql .graphiql-container { height: 100%; width: 100%; }
/* The title in GraphiQL's corner: its 76% grey missed the 4.5:1 contrast for text. */
#graphiql .graphiql-logo,
#graphiql .graphiql-logo .graphiql-logo-link { color: hsl(var(--color-neutral)); }
/* The tab's close button: 20 by 20 px in the bundle, under the 24 by 24 px of WCAG 2.5.8. */
#graphiql .graphiql-tab .graphiql-tab-close { padding: 8px; }
/* An opened Variables or Headers editor keeps room for a few lines, also on a phone. */
#graphiql .graphiql-editor-tool { min-height: 6rem; }
/* Narrow screens: the response below the editor instead of a column a few letters wide. */
@media (max-width: 40rem) {
  #graphiql #graphiql-session { flex-direction: column; }
  #graphiql .graphiql-horizontal-drag-bar { display: none; }
  #graphiql .graphiql-logo { display: none; }
}
`;
