/**
 * Throughput of the meldingen outbox: N decisions to send are stored, then D dispatchers send
 * them through an in-process NotifyNL simulator that answers at once, and the rate is printed.
 * Not a test: the figure depends on the machine. Usage:
 *
 *   npm run bench:meldingen -- [aantal=2000] [dispatchers=4]
 *
 * With DATABASE_URL (postgres://…) it runs on PostgreSQL in a throw-away schema, else on SQLite in memory.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import pg from 'pg';
import { Agent } from 'undici';
import { listen } from '../lib/http/listen.js';
import { createNotifyClient } from '../lib/notifynl/index.js';
import { createNotifySimulator, NOTIFY_TEMPLATES } from '../simulators/notifynl/index.js';
import { createOutboxDispatcher } from '../subgraphs/voorkeuren/melding/dispatcher.js';
import type { NieuweBeslissing } from '../subgraphs/voorkeuren/melding/meldingen-store.js';
import { createSqlMeldingenStore } from '../subgraphs/voorkeuren/store/meldingen.sql.js';
import { migrate } from '../subgraphs/voorkeuren/store/migrate.js';
import { openPostgresDatabase } from '../subgraphs/voorkeuren/store/postgres.js';
import type { SqlDatabase } from '../subgraphs/voorkeuren/store/sql.js';
import { openSqliteDatabase } from '../subgraphs/voorkeuren/store/sqlite.js';

const aantal = Number(process.argv[2] ?? 2_000);
const dispatchers = Number(process.argv[3] ?? 4);
const key = { serviceId: '5f0c9e8a-1d2b-4c3e-8f4a-5b6c7d8e9f01', secret: 'bench-secret-0123456789abcdef' };

async function openDatabase(): Promise<{ db: SqlDatabase; engine: string; drop: () => Promise<void> }> {
  const url = process.env['DATABASE_URL'];
  if (!url) {
    const db = openSqliteDatabase(':memory:');
    return { db, engine: 'SQLite (memory)', drop: async () => await db[Symbol.asyncDispose]() };
  }
  const schema = `bench_meldingen_${randomBytes(4).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  await admin(`CREATE SCHEMA ${schema}`);
  const db = openPostgresDatabase({ connectionString: url, schema, maxConnections: dispatchers + 2 });
  return {
    db,
    engine: 'PostgreSQL',
    drop: async () => {
      await db[Symbol.asyncDispose]();
      await admin(`DROP SCHEMA ${schema} CASCADE`);
    },
  };
}

const simulator = createNotifySimulator({ services: { [key.serviceId]: key.secret } });
const server = await listen(createServer(simulator.app), { port: 0 });
const agent = new Agent({ connections: dispatchers * 2 });
const { db, engine, drop } = await openDatabase();
try {
  await migrate(db);
  const store = createSqlMeldingenStore(db);
  const beslissingen: NieuweBeslissing[] = Array.from({ length: aantal }, (_, i) => ({
    gebruikerId: `bench-${i % 100}`,
    zaakSleutel: `002220647|ZAAK-${i}`,
    zaakIdentificatie: `ZAAK-${i}`,
    zaaktype: 'OMGEVINGSVERGUNNING',
    statusUrl: `https://zaken.example/statussen/${i}`,
    onderwerp: 'ZAAK_STATUS',
    kanaal: 'EMAIL',
    versturen: true,
    contactId: 'c',
    template: NOTIFY_TEMPLATES['zaak-status-email'].id,
    taal: 'nl',
    personalisatie: { naam: 'inwoner', zaak: `ZAAK-${i}`, status: 'In behandeling', url: 'https://example.nl' },
  }));
  for (let i = 0; i < beslissingen.length; i += 500) await store.besluit(beslissingen.slice(i, i + 500), new Date());

  const notify = createNotifyClient({ baseUrl: server.url, apiKey: key, timeoutMs: 5_000, dispatcher: agent });
  const start = performance.now();
  const resultaten = await Promise.all(
    Array.from({ length: dispatchers }, (_, d) =>
      createOutboxDispatcher({
        store,
        notify,
        contactWaarde: async () => 'bench@example.nl',
        houder: `bench-${d}`,
      }).verwerk(),
    ),
  );
  const ms = performance.now() - start;
  const verzonden = resultaten.reduce((som, r) => som + r.verzonden, 0);
  const ontvangen = simulator.sent().length;
  if (verzonden !== aantal || ontvangen !== aantal) {
    throw new Error(`expected ${aantal} messages, dispatchers sent ${verzonden}, NotifyNL received ${ontvangen}`);
  }
  console.log(
    `${engine}, ${dispatchers} dispatchers: ${aantal} meldingen in ${Math.round(ms)} ms = ${Math.round(
      (aantal / ms) * 1_000,
    )} meldingen/s (each sent exactly once)`,
  );
} finally {
  await drop();
  await agent.close();
  await server.close();
}
