import jwt from 'jsonwebtoken';
import { Unauthenticated } from '../../common/errors';
import type { Role } from './role';

export interface TokenClaims {
  /** The user. */
  sub: string;
  /** The sign-in session (user_session): revoking it ends the token at once. */
  sid: string;
  role: Role;
}

const ISSUER = 'placewise';

/** Signs and checks short-lived access tokens (HS256 JWTs) with the installation's secret. */
export class TokenSigner {
  constructor(
    private readonly secret: string,
    readonly accessTtlMinutes: number,
  ) {}

  /** A token for at most the access lifetime, and never past the session's own end. */
  sign(claims: TokenClaims, sessionEnds: Date, now = Date.now()): { token: string; expiresAt: Date } {
    const expiresAt = new Date(Math.min(now + this.accessTtlMinutes * 60 * 1000, sessionEnds.getTime()));
    const token = jwt.sign({ role: claims.role, sid: claims.sid, exp: Math.floor(expiresAt.getTime() / 1000) }, this.secret, {
      algorithm: 'HS256',
      subject: claims.sub,
      issuer: ISSUER,
    });
    return { token, expiresAt };
  }

  verify(token: string): TokenClaims {
    let payload: jwt.JwtPayload;
    try {
      payload = jwt.verify(token, this.secret, { algorithms: ['HS256'], issuer: ISSUER }) as jwt.JwtPayload;
    } catch (error) {
      if (error instanceof jwt.TokenExpiredError) throw new Unauthenticated('Your session has expired; sign in again');
      throw new Unauthenticated('The token is not valid; sign in again');
    }
    // Tokens from before sessions had no session id: they cannot be revoked, so they are refused.
    if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string') throw new Unauthenticated('The token is not valid; sign in again');
    return { sub: payload.sub, sid: payload.sid, role: payload.role as Role };
  }
}
