import { LimitExceeded } from '../../common/errors';

export interface LoginLimits {
  /** Failed sign-ins for one email within the window before that email is locked. */
  maxFailures: number;
  /** Refused sign-ins from one address within the window before that address is locked. */
  maxFailuresPerIp: number;
  lockoutMinutes: number;
}

const PRUNE_ABOVE = 10_000;

export const DEFAULT_LOGIN_LIMITS: LoginLimits = { maxFailures: 10, maxFailuresPerIp: 50, lockoutMinutes: 15 };

/**
 * Slows password guessing. After `maxFailures` failed sign-ins for one email within the
 * window, that email is refused (even with the right password) until the window has passed;
 * after `maxFailuresPerIp` refused sign-ins from one address, any email from it is. Emails
 * are counted whether or not an account has them, so a lockout says nothing about which exist.
 */
export class LoginThrottle {
  private readonly byEmail = new Map<string, number[]>();
  private readonly byIp = new Map<string, number[]>();

  constructor(private readonly limits: LoginLimits = DEFAULT_LOGIN_LIMITS) {}

  check(email: string, ip: string | null = null, now = Date.now()): void {
    const { maxFailures, maxFailuresPerIp, lockoutMinutes } = this.limits;
    const fromIp = ip === null ? [] : this.recent(this.byIp, ip, now);
    if (fromIp.length >= maxFailuresPerIp) {
      throw new LimitExceeded(
        `Too many failed sign-ins from this address (${maxFailuresPerIp} within ${lockoutMinutes} minutes); try again in ${this.wait(fromIp, now)} minute(s)`,
        undefined,
        429,
      );
    }
    const forEmail = this.recent(this.byEmail, email, now);
    if (forEmail.length >= maxFailures) {
      // Counted against the address too: guessing on a locked email still uses up its attempts.
      if (ip !== null) this.byIp.set(ip, [...fromIp, now]);
      throw new LimitExceeded(
        `Too many failed sign-ins for this email (${maxFailures} within ${lockoutMinutes} minutes); try again in ${this.wait(forEmail, now)} minute(s)`,
        undefined,
        429,
      );
    }
  }

  fail(email: string, ip: string | null = null, now = Date.now()): void {
    this.byEmail.set(email, [...this.recent(this.byEmail, email, now), now]);
    if (ip !== null) this.byIp.set(ip, [...this.recent(this.byIp, ip, now), now]);
    // Guesses at made-up emails must not grow memory without end: forget what has expired.
    for (const map of [this.byEmail, this.byIp]) {
      if (map.size > PRUNE_ABOVE) for (const key of [...map.keys()]) if (!this.recent(map, key, now).length) map.delete(key);
    }
  }

  /** A right password clears the email's count; the address's stays, so one good account cannot launder guesses at others. */
  succeed(email: string): void {
    this.byEmail.delete(email);
  }

  private wait(times: number[], now: number): number {
    return Math.ceil((times[0] + this.limits.lockoutMinutes * 60_000 - now) / 60_000);
  }

  private recent(map: Map<string, number[]>, key: string, now: number): number[] {
    const windowMs = this.limits.lockoutMinutes * 60_000;
    return (map.get(key) ?? []).filter((t) => now - t < windowMs);
  }
}
