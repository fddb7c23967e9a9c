import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { badInput, NotFound, Unauthenticated } from '../../common/errors';
import { inTransaction } from '../../common/transaction';
import { assertId, isUuid } from '../../common/versioned-update';
import { actorOf, type AuthUser, type GraphQLContext } from '../../graphql/context';
import { AuditAction } from '../audit/audit-event.entity';
import { ApiKey } from './api-key.entity';
import { Role } from './role';

/** Keys are `pwk_<id>_<secret>`: the id finds the row, the secret proves it. */
const KEY = /^pwk_([0-9a-f-]{36})_([A-Za-z0-9_-]{43})$/;
export const KEY_ROLES = [Role.SERVICE, Role.ANALYST];

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

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
  return { id: key.id, email: `api-key:${key.name}`, role: key.role };
}

export const apiKeyService = {
  list(ctx: GraphQLContext) {
    return ctx.db.manager.find(ApiKey, { order: { createdAt: 'DESC' } });
  },

  async create(ctx: GraphQLContext, name: string, role: Role): Promise<{ key: ApiKey; secret: string }> {
    if (!name.trim() || name.length > 200) throw badInput('name', 'give the key a name of 1 to 200 characters');
    if (!KEY_ROLES.includes(role)) throw badInput('role', `an API key acts as ${KEY_ROLES.join(' or ')}`);
    const secret = randomBytes(32).toString('base64url');
    const key = await inTransaction(ctx, async (tx, audit) => {
      const saved = await tx.save(tx.create(ApiKey, { name: name.trim(), role, secretHash: sha256(secret), createdById: actorOf(ctx).id!, revokedAt: null }));
      await audit.record({ entityType: 'ApiKey', entityId: saved.id, action: AuditAction.CREATE, before: null, after: { name: saved.name, role } });
      return saved;
    });
    return { key, secret: `pwk_${key.id}_${secret}` };
  },

  async revoke(ctx: GraphQLContext, id: string): Promise<ApiKey> {
    assertId(id);
    return inTransaction(ctx, async (tx, audit) => {
      const key = await tx.findOne(ApiKey, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!key) throw new NotFound('ApiKey', id);
      if (key.revokedAt) return key;
      key.revokedAt = new Date();
      const saved = await tx.save(key);
      await audit.record({ entityType: 'ApiKey', entityId: id, action: AuditAction.ARCHIVE, before: { revokedAt: null }, after: { revokedAt: saved.revokedAt } });
      ctx.users.forget(id);
      return saved;
    });
  },
};
