import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Unauthenticated } from '../../common/errors';
import { isUuid } from '../../common/versioned-update';
import type { GraphQLContext } from '../../graphql/context';
import { sha256 } from './api-key.service';
import { User } from './user.entity';
import type { Session } from './user.inputs';
import { UserSession } from './user-session.entity';

/** Refresh tokens are `pwr_<session id>_<secret>`. */
const REFRESH = /^pwr_([0-9a-f-]{36})_([A-Za-z0-9_-]{43})$/;

export type RevokeReason = 'SIGNED_OUT' | 'PASSWORD_CHANGED' | 'PASSWORD_RESET' | 'DEACTIVATED' | 'REFRESH_REUSED';

export const SESSION_ENDED = 'Your session has ended (signed out, or the password or account changed); sign in again';
const NOT_VALID = 'The refresh token is not valid; sign in again';

const newSecret = () => randomBytes(32).toString('base64url');

function sameHash(a: string, b: string | null): boolean {
  return b !== null && timingSafeEqual(Buffer.from(a, 'hex'), Buffer.from(b, 'hex'));
}

function issue(ctx: GraphQLContext, user: User, session: UserSession, secret: string): Session {
  const { token, expiresAt } = ctx.users.signer.sign({ sub: user.id, sid: session.id, role: user.role }, session.expiresAt);
  return { token, expiresAt, refreshToken: `pwr_${session.id}_${secret}`, refreshExpiresAt: session.expiresAt, user };
}

/** A new sign-in of this user, inside the caller's transaction; the user's sessions that ended over 30 days ago go. */
export async function openSession(tx: EntityManager, ctx: GraphQLContext, user: User): Promise<Session> {
  await tx.query(`DELETE FROM "user_session" WHERE "user_id" = $1 AND LEAST("expires_at", COALESCE("revoked_at", "expires_at")) < now() - interval '30 days'`, [user.id]);
  const secret = newSecret();
  const session = await tx.save(
    tx.create(UserSession, {
      userId: user.id,
      refreshHash: sha256(secret),
      previousRefreshHash: null,
      expiresAt: new Date(Date.now() + ctx.config.sessionTtlHours * 3600 * 1000),
      refreshedAt: null,
      revokedAt: null,
      revokedReason: null,
    }),
  );
  return issue(ctx, user, session, secret);
}

/** Ends every open session of a user (their access tokens fail from the next request; call `ctx.users.forget` after commit). */
export async function revokeSessions(tx: EntityManager, userId: string, reason: RevokeReason): Promise<void> {
  await tx.query('UPDATE "user_session" SET "revoked_at" = now(), "revoked_reason" = $2 WHERE "user_id" = $1 AND "revoked_at" IS NULL', [userId, reason]);
}

export const sessionService = {
  /**
   * Swaps a refresh token for a new access token and the next refresh token. The one before
   * it used again means it was copied: the session is ended for everyone holding it.
   */
  async refresh(ctx: GraphQLContext, refreshToken: string): Promise<Session> {
    const match = REFRESH.exec(refreshToken.trim());
    if (!match || !isUuid(match[1])) throw new Unauthenticated(NOT_VALID);
    const hash = sha256(match[2]);
    const outcome = await ctx.db.transaction(async (tx) => {
      const session = await tx.findOne(UserSession, { where: { id: match[1] }, lock: { mode: 'pessimistic_write' } });
      if (!session) throw new Unauthenticated(NOT_VALID);
      if (session.revokedAt) throw new Unauthenticated(SESSION_ENDED);
      if (session.expiresAt.getTime() <= Date.now()) throw new Unauthenticated('Your sign-in has expired; sign in again');
      if (sameHash(hash, session.previousRefreshHash)) {
        await tx.update(UserSession, { id: session.id }, { revokedAt: new Date(), revokedReason: 'REFRESH_REUSED' });
        return 'reused' as const;
      }
      if (!sameHash(hash, session.refreshHash)) throw new Unauthenticated(NOT_VALID);
      const user = await tx.findOne(User, { where: { id: session.userId } });
      if (!user || !user.active) throw new Unauthenticated('Your account is no longer active; ask an administrator');
      const secret = newSecret();
      session.previousRefreshHash = session.refreshHash;
      session.refreshHash = sha256(secret);
      session.refreshedAt = new Date();
      await tx.save(session);
      return issue(ctx, user, session, secret);
    });
    if (outcome === 'reused') {
      ctx.users.forgetSession(match[1]);
      throw new Unauthenticated('This refresh token was used before, so the session is signed out in case it was copied; sign in again');
    }
    return outcome;
  },

  /** Ends the caller's own session: its access and refresh tokens stop working at once. */
  async signOut(ctx: GraphQLContext): Promise<boolean> {
    const sessionId = ctx.user?.sessionId;
    if (!sessionId) return false;
    await ctx.db.query('UPDATE "user_session" SET "revoked_at" = now(), "revoked_reason" = $2 WHERE "id" = $1 AND "revoked_at" IS NULL', [sessionId, 'SIGNED_OUT']);
    ctx.users.forgetSession(sessionId);
    return true;
  },
};
