import { todayIso, type IsoDate } from './dates';
import { requestContext } from './request-context';

/** Which calendar day it is. Instants (timestamps, expiry) always use the real time. */
export interface Clock {
  today(): IsoDate;
}

export const systemClock: Clock = { today: () => todayIso() };

/** The server's clock: the configured `asOf` day (tests, demonstrations) or the real date. */
export function clockOf(config: { asOf: IsoDate | null }): Clock {
  const asOf = config.asOf;
  return asOf ? { today: () => asOf } : systemClock;
}

/** Today for the request being served, by its server's clock; the real date outside a request. */
export function today(): IsoDate {
  return (requestContext.getStore()?.clock ?? systemClock).today();
}
