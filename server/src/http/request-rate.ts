import { LimitExceeded } from '../common/errors';

const WINDOW_MS = 60_000;
const PRUNE_ABOVE = 10_000;

/**
 * The general request rate: at most `perMinute` requests in any one-minute window (a sliding
 * window: the counts of this minute and a share of the last) per caller key, a signed-in user
 * or key by its id, anyone else by address. Over it → LIMIT_EXCEEDED with HTTP 429.
 */
export class RequestRate {
  private readonly windows = new Map<string, { start: number; current: number; previous: number }>();

  constructor(private readonly perMinute: number) {}

  take(key: string, now = Date.now()): void {
    const start = now - (now % WINDOW_MS);
    let w = this.windows.get(key);
    if (!w || start - w.start >= 2 * WINDOW_MS) w = { start, current: 0, previous: 0 };
    else if (start !== w.start) w = { start, current: 0, previous: w.current };
    const estimate = w.previous * (1 - (now - start) / WINDOW_MS) + w.current;
    if (estimate >= this.perMinute) {
      this.windows.set(key, w);
      throw new LimitExceeded(`Too many requests: at most ${this.perMinute} a minute; slow down and try again shortly`, undefined, 429);
    }
    w.current += 1;
    this.windows.set(key, w);
    if (this.windows.size > PRUNE_ABOVE) this.prune(start);
  }

  private prune(start: number): void {
    for (const [key, w] of this.windows) if (start - w.start >= 2 * WINDOW_MS) this.windows.delete(key);
  }
}
