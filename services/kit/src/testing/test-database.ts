import { randomBytes } from 'node:crypto';
import { dropDatabase, ensureDatabaseExists } from '../database';

/** The real Postgres server tests run against (CI and developers: 127.0.0.1:5432, trust auth). */
export const TEST_SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh, empty database for one test file; dropped afterwards. */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const url = new URL(TEST_SERVER_URL);
  url.pathname = `/t_${label.replace(/\W/g, '_')}_${randomBytes(4).toString('hex')}`;
  await ensureDatabaseExists(url.toString());
  return { url: url.toString(), drop: () => dropDatabase(url.toString()) };
}
