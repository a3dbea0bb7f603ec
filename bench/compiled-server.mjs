/**
 * The API server as it is deployed: the compiled app (dist/, from `npm run build`) in a plain
 * Node process, without tsx's loader (which alone holds ~90 MB). The import bench measures the
 * server's memory on it. Prints one JSON line {"port": n} when listening; stops on SIGTERM.
 */
import { createDatabase } from '../dist/db/database.js';
import { migrateToLatest } from '../dist/db/migrate.js';
import { buildApp } from '../dist/server/app.js';
import { testConfig } from '../dist/server/config.js';

const databaseUrl = process.argv[2];
const database = createDatabase(databaseUrl);
await migrateToLatest(database.db, database.dialect);
const app = await buildApp(database, testConfig({ databaseUrl }));
await app.listen({ port: 0, host: '127.0.0.1' });
console.log(JSON.stringify({ port: app.server.address().port }));
process.once('SIGTERM', async () => {
  await app.close();
  await database.close();
  process.exit(0);
});
