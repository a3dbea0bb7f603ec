// Placeholder replaced by the demo generator (in progress).
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export interface DemoOptions {
  centreCode: string;
  people: number;
  visits: number;
  seed: number;
}

export async function fillDemo(
  _db: Kysely<Database>,
  _options: DemoOptions,
): Promise<{ people: number; visits: number; accounts: Array<{ role: string; email: string; password: string }> }> {
  throw new Error('not implemented yet');
}
