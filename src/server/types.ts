import type {} from '@fastify/cookie';
import type { Kysely } from 'kysely';
import type { DialectName } from '../db/database.js';
import type { Database } from '../db/schema.js';
import type { RequestAuth } from '../modules/auth/actor.js';
import type { AppConfig } from './config.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<Database>;
    dialect: DialectName;
    config: AppConfig;
  }
  interface FastifyRequest {
    auth: RequestAuth | null;
  }
}
