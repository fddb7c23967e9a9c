import type { DataSource } from 'typeorm';
import type { Config } from '../config/config';
import type { Logger } from '../common/logger';
import type { Actor } from '../modules/audit/audit.service';
import type { ApiKeyScope } from '../modules/user/api-key-scope';
import type { IdempotencyClaim } from '../modules/idempotency/idempotency.store';
import type { Role } from '../modules/user/role';
import type { UserDirectory } from '../modules/user/user.directory';

export interface AuthUser {
  id: string;
  email: string;
  role: Role;
  /** Set for a person: the sign-in session the access token belongs to. */
  sessionId?: string;
  /** Set for an API key: what it may do (scope-check.ts). */
  apiKey?: { scopes: ReadonlySet<ApiKeyScope>; expiresAt: Date };
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
  /** The caller's address (behind a proxy on loopback, the one it forwards), for per-address limits. */
  clientIp: string | null;
  user: AuthUser | null;
  db: DataSource;
  config: Config;
  logger: Logger;
  loaders: Loaders;
  users: UserDirectory;
  /** For a request by an API key: whether its audit event is written (once per HTTP request, however many operations /export runs). */
  keyRequest?: { recorded: boolean };
  /** Set while a mutation runs under an Idempotency-Key: its transaction marks the key committed. */
  idempotency?: IdempotencyClaim;
}

export function actorOf(ctx: GraphQLContext): Actor {
  return ctx.user ? { id: ctx.user.id, email: ctx.user.email } : { id: null, email: 'anonymous' };
}
