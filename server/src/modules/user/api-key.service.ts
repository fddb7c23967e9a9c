import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { badInput, NotFound, Unauthenticated } from '../../common/errors';
import { inTransaction } from '../../common/transaction';
import { assertId, isUuid } from '../../common/versioned-update';
import { actorOf, type AuthUser, type GraphQLContext } from '../../graphql/context';
import { AuditAction } from '../audit/audit-event.entity';
import { ApiKey } from './api-key.entity';
import { ApiKeyScope, DEFAULT_SCOPES } from './api-key-scope';
import { Role } from './role';

/** Keys are `pwk_<id>_<secret>`: the id finds the row, the secret proves it. */
const KEY = /^pwk_([0-9a-f-]{36})_([A-Za-z0-9_-]{43})$/;
export const KEY_ROLES = [Role.SERVICE, Role.ANALYST];
const DAY_MS = 24 * 3600 * 1000;
export const DEFAULT_KEY_DAYS = 365;
export const MAX_KEY_DAYS = 2 * 365;

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export function looksLikeApiKey(token: string): boolean {
  return token.startsWith('pwk_');
}

/** The user an API key acts as, or UNAUTHENTICATED. */
export async function authenticateApiKey(db: DataSource, token: string): Promise<AuthUser> {
  const match = KEY.exec(token);
  if (!match || !isUuid(match[1])) throw new Unauthenticated('The API key is not valid');
  const key = await db.manager.createQueryBuilder(ApiKey, 'key').addSelect('key.secretHash').where('key.id = :id', { id: match[1] }).getOne();
  const given = Buffer.from(sha256(match[2]), 'hex');
  if (!key || key.revokedAt || !timingSafeEqual(given, Buffer.from(key.secretHash, 'hex'))) {
    throw new Unauthenticated('The API key is not valid or was revoked');
  }
  const user: AuthUser = { id: key.id, email: `api-key:${key.name}`, role: key.role, apiKey: { scopes: new Set(key.scopes), expiresAt: key.expiresAt } };
  assertNotExpired(user);
  return user;
}

export function assertNotExpired(user: AuthUser, now = Date.now()): void {
  if (user.apiKey && user.apiKey.expiresAt.getTime() <= now) throw new Unauthenticated(`The API key expired at ${user.apiKey.expiresAt.toISOString()}; ask an administrator to rotate it`);
}

function checkedScopes(role: Role, scopes: ApiKeyScope[] | null | undefined): ApiKeyScope[] {
  const chosen = [...new Set(scopes ?? DEFAULT_SCOPES)].sort();
  if (!chosen.length) throw badInput('scopes', 'give the key at least one scope');
  if (role === Role.ANALYST && chosen.some((s) => s.endsWith('_WRITE'))) throw badInput('scopes', 'an ANALYST key reads only: give it READ scopes');
  return chosen;
}

function checkedExpiry(expiresAt: Date | null | undefined, now = Date.now()): Date {
  const at = expiresAt ?? new Date(now + DEFAULT_KEY_DAYS * DAY_MS);
  if (at.getTime() <= now || at.getTime() > now + MAX_KEY_DAYS * DAY_MS) throw badInput('expiresAt', `must be in the future and at most ${MAX_KEY_DAYS} days ahead`);
  return at;
}

const newSecret = () => randomBytes(32).toString('base64url');

export interface ApiKeyCreate {
  name: string;
  role: Role;
  scopes?: ApiKeyScope[] | null;
  expiresAt?: Date | null;
}

export const apiKeyService = {
  list(ctx: GraphQLContext) {
    return ctx.db.manager.find(ApiKey, { order: { createdAt: 'DESC' } });
  },

  async create(ctx: GraphQLContext, input: ApiKeyCreate): Promise<{ key: ApiKey; secret: string }> {
    const name = input.name.trim();
    if (!name || input.name.length > 200) throw badInput('name', 'give the key a name of 1 to 200 characters');
    if (!KEY_ROLES.includes(input.role)) throw badInput('role', `an API key acts as ${KEY_ROLES.join(' or ')}`);
    const scopes = checkedScopes(input.role, input.scopes);
    const expiresAt = checkedExpiry(input.expiresAt);
    const secret = newSecret();
    const key = await inTransaction(ctx, async (tx, audit) => {
      const saved = await tx.save(
        tx.create(ApiKey, { name, role: input.role, scopes, expiresAt, secretHash: sha256(secret), createdById: actorOf(ctx).id!, revokedAt: null, rotatedAt: null, lastUsedAt: null }),
      );
      await audit.record({ entityType: 'ApiKey', entityId: saved.id, action: AuditAction.CREATE, before: null, after: { name, role: input.role, scopes, expiresAt } });
      return saved;
    });
    return { key, secret: `pwk_${key.id}_${secret}` };
  },

  /** A new secret for the same key (same id, name and scopes): the old secret stops working at once. */
  async rotate(ctx: GraphQLContext, id: string, expiresAt: Date | null | undefined): Promise<{ key: ApiKey; secret: string }> {
    assertId(id);
    const secret = newSecret();
    const key = await inTransaction(ctx, async (tx, audit) => {
      const key = await tx.findOne(ApiKey, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!key) throw new NotFound('ApiKey', id);
      if (key.revokedAt) throw badInput('id', 'the key is revoked: create a new one');
      const before = { expiresAt: key.expiresAt, rotatedAt: key.rotatedAt };
      key.expiresAt = expiresAt === undefined || expiresAt === null ? checkedExpiry(key.expiresAt) : checkedExpiry(expiresAt);
      key.rotatedAt = new Date();
      key.secretHash = sha256(secret);
      const saved = await tx.save(key);
      await audit.record({ entityType: 'ApiKey', entityId: id, action: AuditAction.UPDATE, before, after: { expiresAt: saved.expiresAt, rotatedAt: saved.rotatedAt } });
      return saved;
    });
    ctx.users.forget(id);
    return { key, secret: `pwk_${key.id}_${secret}` };
  },

  async revoke(ctx: GraphQLContext, id: string): Promise<ApiKey> {
    assertId(id);
    const saved = await inTransaction(ctx, async (tx, audit) => {
      const key = await tx.findOne(ApiKey, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!key) throw new NotFound('ApiKey', id);
      if (key.revokedAt) return key;
      key.revokedAt = new Date();
      const saved = await tx.save(key);
      await audit.record({ entityType: 'ApiKey', entityId: id, action: AuditAction.ARCHIVE, before: { revokedAt: null }, after: { revokedAt: saved.revokedAt } });
      return saved;
    });
    ctx.users.forget(id);
    return saved;
  },
};
