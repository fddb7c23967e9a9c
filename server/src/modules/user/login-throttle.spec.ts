import { LoginThrottle } from './login-throttle';

describe('login throttle', () => {
  it('refuses an email after 10 failures within 15 minutes, and forgets them after', () => {
    const throttle = new LoginThrottle();
    const t0 = Date.UTC(2026, 0, 1);
    for (let i = 0; i < 10; i++) {
      expect(() => throttle.check('a@b.org', t0 + i)).not.toThrow();
      throttle.fail('a@b.org', t0 + i);
    }
    expect(() => throttle.check('a@b.org', t0 + 60_000)).toThrow('Too many failed sign-ins for this email; try again in 14 minute(s)');
    expect(() => throttle.check('other@b.org', t0 + 60_000)).not.toThrow();
    expect(() => throttle.check('a@b.org', t0 + 15 * 60_000 + 10)).not.toThrow();
  });

  it('starts again after a successful sign-in', () => {
    const throttle = new LoginThrottle();
    for (let i = 0; i < 9; i++) throttle.fail('a@b.org', 1000 + i);
    throttle.succeed('a@b.org');
    throttle.fail('a@b.org', 2000);
    expect(() => throttle.check('a@b.org', 3000)).not.toThrow();
  });
});
