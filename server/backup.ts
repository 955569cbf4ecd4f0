// `npm run backup -- <file>`: an online backup of the SQLite database while the server runs.
// SQLite's backup API copies a consistent snapshot page by page without stopping writers.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { configFromEnv } from './config.ts';
import { SQLITE_FILE } from './storage/sqliteStorage.ts';

export async function backupSqlite(dataDir: string, destination: string): Promise<{ pages: number }> {
  const source = path.join(dataDir, SQLITE_FILE);
  if (!fs.existsSync(source)) throw new Error(`no database at ${source} (is DATA_DIR right?)`);
  if (fs.existsSync(destination)) throw new Error(`${destination} exists; choose a new file name`);
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    const result = await db.backup(destination);
    return { pages: result.totalPages };
  } finally {
    db.close();
  }
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const destination = process.argv[2];
  if (!destination) {
    process.stderr.write('usage: npm run backup -- <destination file>\n');
    process.exit(2);
  }
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const config = configFromEnv(process.env, repoRoot);
  backupSqlite(config.dataDir, path.resolve(destination)).then(
    ({ pages }) => process.stdout.write(`backed up ${pages} pages to ${path.resolve(destination)}\n`),
    (error: Error) => {
      process.stderr.write(`backup failed: ${error.message}\n`);
      process.exit(1);
    },
  );
}
