import { LimitExceeded } from '../../common/errors';

const WINDOW_MS = 15 * 60 * 1000;
const MAX_FAILURES = 10;

/**
 * Slows password guessing: after 10 failed sign-ins for one email within 15 minutes, that
 * email is refused (even with the right password) until the window has passed.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  check(email: string, now = Date.now()): void {
    const recent = this.recent(email, now);
    if (recent.length >= MAX_FAILURES) {
      const wait = Math.ceil((recent[0] + WINDOW_MS - now) / 60000);
      throw new LimitExceeded(`Too many failed sign-ins for this email; try again in ${wait} minute(s)`);
    }
  }

  fail(email: string, now = Date.now()): void {
    this.failures.set(email, [...this.recent(email, now), now]);
  }

  succeed(email: string): void {
    this.failures.delete(email);
  }

  private recent(email: string, now: number): number[] {
    return (this.failures.get(email) ?? []).filter((t) => now - t < WINDOW_MS);
  }
}
