import type { DataSource } from 'typeorm';
import { ServiceUnavailable, Unauthenticated } from '../../common/errors';
import { isConnectionFailure } from '../../database/connection-failure';
import type { AuthUser } from '../../graphql/context';
import { authenticateApiKey, looksLikeApiKey } from './api-key.service';
import { DEFAULT_LOGIN_LIMITS, LoginThrottle, type LoginLimits } from './login-throttle';
import type { TokenSigner } from './token';
import { User } from './user.entity';

const CACHE_MS = 10_000;

/**
 * Turns a bearer token into the signed-in user. Users are cached for a few seconds so an
 * authenticated request costs no extra SQL; changes made here through `forget` apply at once.
 */
export class UserDirectory {
  private readonly cache = new Map<string, { user: AuthUser | null; at: number }>();
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
    const user = await this.find(claims.sub);
    if (!user) throw new Unauthenticated('Your account is no longer active; ask an administrator');
    return user;
  }

  /** Drops what is cached for a user or an API key, so a change (or a revocation) applies at once. */
  forget(userOrKeyId: string): void {
    this.cache.delete(userOrKeyId);
    for (const [token, hit] of this.keys) if (hit.user.id === userOrKeyId) this.keys.delete(token);
  }

  private async findKey(token: string): Promise<AuthUser> {
    const hit = this.keys.get(token);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.user;
    const user = await authenticateApiKey(this.db, token).catch((error: unknown) => {
      throw isConnectionFailure(error) ? new ServiceUnavailable() : error;
    });
    this.keys.set(token, { user, at: Date.now() });
    return user;
  }

  private async find(id: string): Promise<AuthUser | null> {
    const hit = this.cache.get(id);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.user;
    const row = await this.db.manager
      .findOne(User, { where: { id }, select: { id: true, email: true, role: true, active: true } })
      .catch((error: unknown) => {
        throw isConnectionFailure(error) ? new ServiceUnavailable() : error;
      });
    const user = row && row.active ? { id: row.id, email: row.email, role: row.role } : null;
    this.cache.set(id, { user, at: Date.now() });
    return user;
  }
}
