import type { DataSource } from 'typeorm';
import type { Config } from '../config/config';
import type { Logger } from '../common/logger';
import type { Actor } from '../modules/audit/audit.service';
import type { IdempotencyClaim } from '../modules/idempotency/idempotency.store';
import type { Role } from '../modules/user/role';
import type { UserDirectory } from '../modules/user/user.directory';

export interface AuthUser {
  id: string;
  email: string;
  role: Role;
}

/** Per-request DataLoaders, made on first use so a request pays only for what it touches. */
export class Loaders {
  private readonly made = new Map<string, unknown>();

  get<T>(key: string, make: () => T): T {
    if (!this.made.has(key)) this.made.set(key, make());
    return this.made.get(key) as T;
  }
}

export interface GraphQLContext {
  requestId: string;
  user: AuthUser | null;
  db: DataSource;
  config: Config;
  logger: Logger;
  loaders: Loaders;
  users: UserDirectory;
  /** Set while a mutation runs under an Idempotency-Key: its transaction marks the key committed. */
  idempotency?: IdempotencyClaim;
}

export function actorOf(ctx: GraphQLContext): Actor {
  return ctx.user ? { id: ctx.user.id, email: ctx.user.email } : { id: null, email: 'anonymous' };
}
