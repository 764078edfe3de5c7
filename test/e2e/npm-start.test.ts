import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MijnOverzichtDocument } from '../generated/graphql.js';
import { meOf, postGraphQL } from '../helpers/stack.js';

/**
 * What a newcomer does: `npm start`, then `npm run token`, then a query. Runs the compiled
 * launcher (as `npm start` does after building) on ports of its own, with a throw-away data folder.
 */
describe('npm start runs the whole stack on one machine', () => {
  const base = 41_000 + Math.floor(Math.random() * 500) * 20;
  const ports = {
    GATEWAY_PORT: base,
    SUBGRAPH_BRP_PORT: base + 1,
    SUBGRAPH_ZAKEN_PORT: base + 2,
    SUBGRAPH_BERICHTEN_PORT: base + 3,
    SUBGRAPH_VOORKEUREN_PORT: base + 4,
    IDP_PORT: base + 10,
    SIM_BRP_PORT: base + 11,
    SIM_ZGW_A_PORT: base + 12,
    SIM_ZGW_B_PORT: base + 13,
    SIM_MIJNOVERHEID_PORT: base + 14,
    SIM_NOTIFYNL_PORT: base + 15,
  };
  const dataDir = mkdtempSync(join(tmpdir(), 'profielservice-'));
  const env = {
    ...process.env,
    ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])),
    PROFIELSERVICE_DATA_DIR: dataDir,
    NODE_ENV: 'development',
  };
  let output = '';
  const launcher = spawn(process.execPath, ['dist/scripts/start.js'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  launcher.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  launcher.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));

  beforeAll(async () => {
    const deadline = Date.now() + 45_000;
    while (!output.includes('draait') && launcher.exitCode === null && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
    }
  }, 60_000);

  afterAll(async () => {
    if (launcher.exitCode === null) {
      launcher.kill('SIGINT');
      await new Promise((r) => launcher.once('exit', r));
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints every URL it serves', () => {
    expect(output).toContain(`GraphQL gateway                http://localhost:${ports.GATEWAY_PORT}/graphql`);
    expect(output).toContain(`Inloggen (DigiD-simulator)     http://localhost:${ports.IDP_PORT}`);
    expect(output).toContain(`Playground (GraphiQL)          http://localhost:${ports.GATEWAY_PORT}/`);
    for (const port of Object.values(ports).filter((p) => p !== ports.GATEWAY_PORT && p !== ports.IDP_PORT)) {
      expect(output).toContain(`:${port}/`);
    }
    expect(output).toMatch(/opgestart in \d+\.\d s/);
  });

  it('answers MijnOverzicht for a token from `npm run token`', () => {
    const token = spawnSync(process.execPath, ['dist/scripts/token.js', '--bsn', '999993653'], {
      env: { ...env, OIDC_ISSUER: `http://localhost:${ports.IDP_PORT}` },
      encoding: 'utf8',
    });
    expect(token.status).toBe(0);
    const lastLine = token.stdout.trim().split('\n').at(-1) ?? '';
    expect(lastLine).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    return postGraphQL(`http://localhost:${ports.GATEWAY_PORT}/graphql`, MijnOverzichtDocument, {
      token: lastLine,
    }).then((response) => {
      const me = meOf(response);
      expect(me.persoonsgegevens.naam?.volledigeNaam).toBe('Suzanne Moulin');
      expect(me.zaken.bron.status).toBe('OK');
      expect(me.berichten.bron.status).toBe('OK');
      expect(me.voorkeuren.bron.status).toBe('OK');
    });
  });

  it('serves the playground at the root URL, with the example operations', async () => {
    const page = await fetch(`http://localhost:${ports.GATEWAY_PORT}/`).then((r) => r.text());
    expect(page).toContain('<html lang="nl">');
    expect(page).toContain('query MijnOverzicht');
  });

  it('stops every process on Ctrl+C', async () => {
    expect(launcher.exitCode, 'the launcher stopped before Ctrl+C').toBeNull();
    const exited = new Promise((r) => launcher.once('exit', r));
    launcher.kill('SIGINT');
    const code = await exited;
    expect(code).toBe(0);
    const gateway = await fetch(`http://localhost:${ports.GATEWAY_PORT}/health`).then(
      () => 'up',
      () => 'down',
    );
    expect(gateway).toBe('down');
  });
});
