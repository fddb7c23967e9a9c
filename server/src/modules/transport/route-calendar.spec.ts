import { runningDays, whyNotRunning } from './route-calendar';
import { Weekday } from './transport-codes';

// Spring term 2026 at a school: 5 January to 27 March, half-term 16–20 February; Good Friday
// (3 April) and Easter Monday fall in the holidays, so take the summer term, which has the
// early May and spring bank holidays: 20 April to 17 July 2026, half-term 25–29 May.
const summer = {
  days: [Weekday.MON, Weekday.TUE, Weekday.WED, Weekday.THU, Weekday.FRI],
  termStart: '2026-04-20',
  termEnd: '2026-07-17',
  termBreaks: [{ from: '2026-05-25', to: '2026-05-29' }],
  runsOnBankHolidays: false,
};

describe('a route’s running days', () => {
  it('counts the weekdays of a term less half-term and bank holidays', () => {
    // 20 April to 17 July: 13 weeks = 65 weekdays; half-term 25–29 May is 5 (it holds the
    // spring bank holiday); 4 May is the early May bank holiday: 65 − 5 − 1 = 59.
    const days = runningDays(summer);
    expect(days).toHaveLength(59);
    expect(days[0]).toBe('2026-04-20');
    expect(days.at(-1)).toBe('2026-07-17');
    expect(days).not.toContain('2026-05-04');
    expect(days).not.toContain('2026-05-27');
  });

  it('runs on bank holidays when the route says so, and on chosen days only', () => {
    expect(runningDays({ ...summer, runsOnBankHolidays: true })).toHaveLength(60);
    expect(runningDays({ ...summer, days: [Weekday.MON] })).toHaveLength(11); // 13 Mondays − 25 May − 4 May
  });

  it('says why it does not run on a day', () => {
    expect(whyNotRunning(summer, '2026-04-19')).toBe('is outside the route’s term (2026-04-20 to 2026-07-17)');
    expect(whyNotRunning(summer, '2026-04-25')).toBe('is a Saturday; the route runs on Monday, Tuesday, Wednesday, Thursday, Friday');
    expect(whyNotRunning(summer, '2026-05-26')).toBe('falls in a break of the term (2026-05-25 to 2026-05-29)');
    expect(whyNotRunning(summer, '2026-05-04')).toBe('is a bank holiday (Early May bank holiday); the route does not run on bank holidays');
    expect(whyNotRunning(summer, '2026-05-05')).toBeNull();
  });
});
