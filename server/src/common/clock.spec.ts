import { clockOf, systemClock, today } from './clock';
import { todayIso } from './dates';
import { requestContext } from './request-context';

describe('clock', () => {
  it('takes the configured day as today, or the real date when none is configured', () => {
    expect(clockOf({ asOf: '2025-04-01' }).today()).toBe('2025-04-01');
    expect(clockOf({ asOf: null })).toBe(systemClock);
    expect(systemClock.today()).toBe(todayIso());
  });

  it('gives a request the day of the server serving it, and the real date outside any request', () => {
    const seen = requestContext.run({ requestId: 'r1', sqlStatements: 0, clock: clockOf({ asOf: '2024-02-29' }) }, () => today());
    expect(seen).toBe('2024-02-29');
    expect(today()).toBe(todayIso());
  });
});
