import { RequestRate } from './request-rate';

describe('request rate', () => {
  const minute = Date.UTC(2026, 0, 1, 9, 0);

  it('allows the rate within a minute and refuses the next request', () => {
    const rate = new RequestRate(3);
    for (let i = 0; i < 3; i++) rate.take('user:a', minute + i * 1000);
    expect(() => rate.take('user:a', minute + 5000)).toThrow('Too many requests: at most 3 a minute; slow down and try again shortly');
    expect(() => rate.take('user:b', minute + 5000)).not.toThrow();
  });

  it('counts the minute before in proportion to how much of it still lies within the last 60 seconds', () => {
    const rate = new RequestRate(4);
    for (let i = 0; i < 4; i++) rate.take('k', minute + 50_000 + i);
    // 15 s into the next minute: 4 × 0.75 = 3 still count, so one more is allowed and then no more
    expect(() => rate.take('k', minute + 75_000)).not.toThrow();
    expect(() => rate.take('k', minute + 75_000)).toThrow('at most 4 a minute');
    // 45 s in: 4 × 0.25 + the 1 taken = 2 count, so two more
    expect(() => rate.take('k', minute + 105_000)).not.toThrow();
    expect(() => rate.take('k', minute + 105_000)).not.toThrow();
    expect(() => rate.take('k', minute + 105_000)).toThrow('at most 4 a minute');
  });

  it('starts afresh after two quiet minutes', () => {
    const rate = new RequestRate(1);
    rate.take('k', minute);
    expect(() => rate.take('k', minute + 1)).toThrow();
    expect(() => rate.take('k', minute + 120_000)).not.toThrow();
  });
});
