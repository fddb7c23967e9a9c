import jwt from 'jsonwebtoken';
import { Unauthenticated } from '../../common/errors';
import type { Role } from './role';

export interface TokenClaims {
  sub: string;
  role: Role;
}

const ISSUER = 'placewise';

/** Signs and checks session tokens (HS256 JWTs) with the installation's secret. */
export class TokenSigner {
  constructor(
    private readonly secret: string,
    private readonly ttlHours: number,
  ) {}

  sign(claims: TokenClaims): { token: string; expiresAt: Date } {
    const expiresAt = new Date(Date.now() + this.ttlHours * 3600 * 1000);
    const token = jwt.sign({ role: claims.role }, this.secret, {
      algorithm: 'HS256',
      subject: claims.sub,
      issuer: ISSUER,
      expiresIn: this.ttlHours * 3600,
    });
    return { token, expiresAt };
  }

  verify(token: string): TokenClaims {
    try {
      const payload = jwt.verify(token, this.secret, { algorithms: ['HS256'], issuer: ISSUER }) as jwt.JwtPayload;
      if (typeof payload.sub !== 'string') throw new Error('no subject');
      return { sub: payload.sub, role: payload.role as Role };
    } catch (error) {
      if (error instanceof jwt.TokenExpiredError) throw new Unauthenticated('Your session has expired; sign in again');
      throw new Unauthenticated('The token is not valid; sign in again');
    }
  }
}
