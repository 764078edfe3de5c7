import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Runs scripts/check-node.mjs as if Node were `version`. */
function check(version: string) {
  const result = spawnSync(
    process.execPath,
    [
      '-e',
      `Object.defineProperty(process.versions, 'node', { value: '${version}' }); import('./scripts/check-node.mjs')`,
    ],
    { encoding: 'utf8' },
  );
  return { code: result.status, stderr: result.stderr };
}

describe('the Node check before npm start, npm test and npm run token', () => {
  it('stops a Node that is too old with one line: found, needed, and how to get it', () => {
    const { code, stderr } = check('20.20.2');
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([
      'Node.js 20.20.2 gevonden; dit project heeft 22.19 of nieuwer nodig. Voer `npm install` uit (dat haalt Node 24 als npm-pakket) of installeer Node 24 (zie .nvmrc).',
    ]);
  });

  it('lets a Node that is new enough through, silently', () => {
    for (const version of ['22.19.0', '24.21.0', '26.0.0']) expect(check(version)).toEqual({ code: 0, stderr: '' });
    expect(check('22.18.1').code).toBe(1);
  });
});
