import type { DataSource } from 'typeorm';
import { ServiceUnavailable, Unauthenticated } from '../../common/errors';
import { isConnectionFailure } from '../../database/connection-failure';
import type { AuthUser } from '../../graphql/context';
import { assertNotExpired, authenticateApiKey, looksLikeApiKey } from './api-key.service';
import { DEFAULT_LOGIN_LIMITS, LoginThrottle, type LoginLimits } from './login-throttle';
import type { Role } from './role';
import { SESSION_ENDED } from './session.service';
import type { TokenSigner } from './token';

const CACHE_MS = 10_000;

type SessionHit = { user: AuthUser; ended: null } | { user: null; ended: string };

/**
 * Turns a bearer token into the signed-in user. Sessions (with their user) and keys are
 * cached for a few seconds so an authenticated request costs no extra SQL; sign-out,
 * revocation and user changes made here drop them through `forget` / `forgetSession` at once.
 */
export class UserDirectory {
  private readonly sessions = new Map<string, { hit: SessionHit; at: number }>();
  private readonly keys = new Map<string, { user: AuthUser; at: number }>();
  readonly throttle: LoginThrottle;

  constructor(
    private readonly db: DataSource,
    readonly signer: TokenSigner,
    loginLimits: LoginLimits = DEFAULT_LOGIN_LIMITS,
  ) {
    this.throttle = new LoginThrottle(loginLimits);
  }

  async authenticate(authorization: string | undefined): Promise<AuthUser | null> {
    if (!authorization) return null;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match) throw new Unauthenticated('The Authorization header must be "Bearer <token>"');
    if (looksLikeApiKey(match[1])) return this.findKey(match[1]);
    const claims = this.signer.verify(match[1]);
    const hit = await this.findSession(claims.sid);
    if (!hit.user) throw new Unauthenticated(hit.ended);
    if (hit.user.id !== claims.sub) throw new Unauthenticated('The token is not valid; sign in again');
    return hit.user;
  }

  /** Drops what is cached for a user (all their sessions) or an API key, so a change (or a revocation) applies at once. */
  forget(userOrKeyId: string): void {
    for (const [sid, entry] of this.sessions) if (entry.hit.user?.id === userOrKeyId) this.sessions.delete(sid);
    for (const [token, hit] of this.keys) if (hit.user.id === userOrKeyId) this.keys.delete(token);
  }

  forgetSession(sessionId: string): void {
    this.sessions.delete(sessionId);
  }

  private async findKey(token: string): Promise<AuthUser> {
    const hit = this.keys.get(token);
    if (hit && Date.now() - hit.at < CACHE_MS) {
      assertNotExpired(hit.user);
      return hit.user;
    }
    const user = await authenticateApiKey(this.db, token).catch((error: unknown) => {
      throw isConnectionFailure(error) ? new ServiceUnavailable() : error;
    });
    this.keys.set(token, { user, at: Date.now() });
    return user;
  }

  private async findSession(sessionId: string): Promise<SessionHit> {
    const cached = this.sessions.get(sessionId);
    if (cached && Date.now() - cached.at < CACHE_MS) return cached.hit;
    const rows: Array<{ id: string; email: string; role: Role; active: boolean; revoked: boolean }> = await this.db
      .query(
        `SELECT u."id", u."email", u."role", u."active", (s."revoked_at" IS NOT NULL OR s."expires_at" <= now()) AS "revoked"
         FROM "user_session" s JOIN "user_account" u ON u."id" = s."user_id" WHERE s."id" = $1`,
        [sessionId],
      )
      .catch((error: unknown) => {
        throw isConnectionFailure(error) ? new ServiceUnavailable() : error;
      });
    const row = rows[0];
    const hit: SessionHit =
      !row || row.revoked
        ? { user: null, ended: SESSION_ENDED }
        : !row.active
          ? { user: null, ended: 'Your account is no longer active; ask an administrator' }
          : { user: { id: row.id, email: row.email, role: row.role, sessionId }, ended: null };
    this.sessions.set(sessionId, { hit, at: Date.now() });
    return hit;
  }
}
