import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Runs a process entry point with only the given environment, as an operator would start it. */
function start(entry: string, env: Record<string, string>) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', entry], {
    env: { PATH: process.env['PATH'] ?? '', ...env },
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { code: result.status, stderr: result.stderr };
}

describe('a process with bad configuration refuses to start, naming the variable', () => {
  it('the gateway without its variables', () => {
    const { code, stderr } = start('gateway/index.ts', {});
    expect(code).toBe(78);
    for (const variable of [
      'OIDC_ISSUER',
      'OIDC_AUDIENCE',
      'INTERNAL_TOKEN_PRIVATE_KEY',
      'PSEUDONYM_KEY',
      'SUBGRAPH_BRP_URL',
    ]) {
      expect(stderr).toContain(variable);
    }
  });

  it('a subgraph with a malformed key set and URL', () => {
    const { code, stderr } = start('subgraphs/brp/index.ts', {
      INTERNAL_TOKEN_PUBLIC_KEYS: 'not json',
      BRP_URL: 'brp.example',
    });
    expect(code).toBe(78);
    expect(stderr).toMatch(/INTERNAL_TOKEN_PUBLIC_KEYS: must be a JSON Web Key Set/);
    expect(stderr).toMatch(/BRP_URL: must be an absolute URL/);
  });

  it("a subgraph that verifies residents' tokens itself (SUBGRAPH_AUTH=oidc) without its OIDC settings", () => {
    const { code, stderr } = start('subgraphs/brp/index.ts', {
      SUBGRAPH_AUTH: 'oidc',
      BRP_URL: 'https://brp.example/haalcentraal/api/brp',
    });
    expect(code).toBe(78);
    for (const variable of ['OIDC_ISSUER', 'OIDC_AUDIENCE', 'PSEUDONYM_KEY']) {
      expect(stderr).toContain(`${variable}: is required when SUBGRAPH_AUTH is oidc`);
    }
  });

  it('the development identity provider in production', () => {
    const { code, stderr } = start('simulators/idp/index.ts', { NODE_ENV: 'production' });
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/NODE_ENV=production/);
  });
});
