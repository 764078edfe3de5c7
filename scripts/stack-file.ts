/**
 * `data/stack.json`: what the running `npm start` serves, written by the launcher while the stack
 * runs and removed when it stops. `npm run token` reads it to find the DigiD-simulator and the
 * gateway on whatever ports they were given; tests read the process ids from it.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** The IdP and gateway of a stack started without any port or issuer variable. */
export const DEFAULT_ISSUER = 'http://localhost:4010';
export const DEFAULT_GRAPHQL_URL = 'http://localhost:4000/graphql';

const stackSchema = z.object({
  launcherPid: z.number().int().positive(),
  issuer: z.string(),
  graphql: z.string(),
  playground: z.string(),
  logs: z.string(),
  processes: z.record(
    z.string(),
    z.object({ pid: z.number().int().positive().nullable(), log: z.string(), health: z.string() }),
  ),
});

export type StackFile = z.infer<typeof stackSchema>;

/** Logs, the SQLite store, development secrets and the stack file; `PROFIELSERVICE_DATA_DIR` moves them (tests do). */
export function dataDirOf(environment: Readonly<Record<string, string | undefined>>, root: string): string {
  return environment['PROFIELSERVICE_DATA_DIR'] || join(root, 'data');
}

export function stackFilePath(dataDir: string): string {
  return join(dataDir, 'stack.json');
}

/** Replaces the file in one step, so a reader never sees half of it. */
export function writeStackFile(dataDir: string, stack: StackFile): void {
  const file = stackFilePath(dataDir);
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(stack, null, 2)}\n`);
  renameSync(temporary, file);
}

/**
 * The stack described in `dataDir`, or undefined when there is none: no file, an unreadable one,
 * or one left behind by a launcher that no longer runs (killed without a chance to clean up).
 */
export function readRunningStack(dataDir: string): StackFile | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(stackFilePath(dataDir), 'utf8'));
  } catch {
    return undefined;
  }
  const result = stackSchema.safeParse(parsed);
  if (!result.success || !isAlive(result.data.launcherPid)) return undefined;
  return result.data;
}

/** Removes the file if `launcherPid` wrote it: a second launcher that gives up must not remove the first one's. */
export function removeStackFile(dataDir: string, launcherPid: number): void {
  const file = stackFilePath(dataDir);
  try {
    const { launcherPid: owner } = JSON.parse(readFileSync(file, 'utf8')) as { launcherPid?: unknown };
    if (owner === launcherPid) rmSync(file, { force: true });
  } catch {
    // no file, or not ours to judge: leave it
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Where `npm run token` logs in and which gateway its hint names. A variable set for the command
 * wins (OIDC_ISSUER, then IDP_PORT; GATEWAY_PORT), then the running stack, then the defaults.
 * Returns the environment for the CLI, with OIDC_ISSUER filled in when it was found elsewhere.
 */
export function tokenTarget(
  environment: Readonly<Record<string, string | undefined>>,
  stack: StackFile | undefined,
): { env: Record<string, string | undefined>; graphqlUrl: string } {
  const idpPort = environment['IDP_PORT'];
  const gatewayPort = environment['GATEWAY_PORT'];
  const issuer =
    environment['OIDC_ISSUER'] || (idpPort ? `http://localhost:${idpPort}` : undefined) || stack?.issuer || undefined;
  return {
    env: { ...environment, ...(issuer ? { OIDC_ISSUER: issuer } : {}) },
    graphqlUrl: gatewayPort ? `http://localhost:${gatewayPort}/graphql` : (stack?.graphql ?? DEFAULT_GRAPHQL_URL),
  };
}
