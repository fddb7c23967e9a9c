import { LoginThrottle } from './login-throttle';

describe('login throttle', () => {
  it('refuses an email after 10 failures within 15 minutes, and forgets them after', () => {
    const throttle = new LoginThrottle();
    const t0 = Date.UTC(2026, 0, 1);
    for (let i = 0; i < 10; i++) {
      expect(() => throttle.check('a@b.org', null, t0 + i)).not.toThrow();
      throttle.fail('a@b.org', null, t0 + i);
    }
    expect(() => throttle.check('a@b.org', null, t0 + 60_000)).toThrow('Too many failed sign-ins for this email (10 within 15 minutes); try again in 14 minute(s)');
    expect(() => throttle.check('other@b.org', null, t0 + 60_000)).not.toThrow();
    expect(() => throttle.check('a@b.org', null, t0 + 15 * 60_000 + 10)).not.toThrow();
  });

  it('starts again after a successful sign-in', () => {
    const throttle = new LoginThrottle();
    for (let i = 0; i < 9; i++) throttle.fail('a@b.org', null, 1000 + i);
    throttle.succeed('a@b.org');
    throttle.fail('a@b.org', null, 2000);
    expect(() => throttle.check('a@b.org', null, 3000)).not.toThrow();
  });

  it('refuses an address after its limit of refusals, counting attempts on a locked email, with the configured limits', () => {
    const throttle = new LoginThrottle({ maxFailures: 2, maxFailuresPerIp: 5, lockoutMinutes: 30 });
    for (let i = 0; i < 2; i++) throttle.fail('a@b.org', '10.0.0.1', 1000 + i);
    // three more tries at the locked email: refused, and each one counts against the address
    for (let i = 0; i < 3; i++) expect(() => throttle.check('a@b.org', '10.0.0.1', 2000 + i)).toThrow('Too many failed sign-ins for this email (2 within 30 minutes); try again in 30 minute(s)');
    expect(() => throttle.check('c@d.org', '10.0.0.1', 3000)).toThrow('Too many failed sign-ins from this address (5 within 30 minutes); try again in 30 minute(s)');
    expect(() => throttle.check('c@d.org', '10.0.0.2', 3000)).not.toThrow();
    throttle.succeed('a@b.org');
    expect(() => throttle.check('c@d.org', '10.0.0.1', 3000)).toThrow('from this address');
    expect(() => throttle.check('c@d.org', '10.0.0.1', 1000 + 30 * 60_000)).not.toThrow();
  });
});
