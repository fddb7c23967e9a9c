import { registerCodeEnum } from '../../common/codes/register-code-enum';

export enum VehicleType {
  CAR = 'CAR',
  WAV = 'WAV',
  MINIBUS = 'MINIBUS',
}
registerCodeEnum(VehicleType, 'VehicleType', 'The vehicle a journey needs.', {
  CAR: 'A car or taxi.',
  WAV: 'A wheelchair-accessible vehicle.',
  MINIBUS: 'A minibus.',
});

export enum PricingBasis {
  PER_MILE = 'PER_MILE',
  PER_JOURNEY = 'PER_JOURNEY',
  PER_DAY = 'PER_DAY',
  PER_ROUTE_TERM = 'PER_ROUTE_TERM',
}
registerCodeEnum(PricingBasis, 'PricingBasis', 'How a transport price schedule charges.', {
  PER_MILE: 'The rate for each mile of the journey.',
  PER_JOURNEY: 'A fixed price for each journey (one way).',
  PER_DAY: 'A price for each day the route runs, shared between that day’s journeys (outbound carries the odd penny).',
  PER_ROUTE_TERM: 'A price for the route for its whole term, shared equally between the term’s journeys; cancellations do not change it.',
});

export enum JourneyPurpose {
  SCHOOL = 'SCHOOL',
  CONTACT = 'CONTACT',
  PLACEMENT_MOVE = 'PLACEMENT_MOVE',
  HEALTH = 'HEALTH',
  OTHER = 'OTHER',
}
registerCodeEnum(JourneyPurpose, 'JourneyPurpose', 'Why a child travels.', {
  SCHOOL: 'To and from school.',
  CONTACT: 'To and from family contact.',
  PLACEMENT_MOVE: 'A move between placements.',
  HEALTH: 'A health appointment.',
  OTHER: 'Anything else.',
});

export enum JourneyStatus {
  PLANNED = 'PLANNED',
  COMPLETED = 'COMPLETED',
  CANCELLED_IN_TIME = 'CANCELLED_IN_TIME',
  CANCELLED_LATE = 'CANCELLED_LATE',
  NO_SHOW = 'NO_SHOW',
}
registerCodeEnum(JourneyStatus, 'JourneyStatus', 'What happened to a journey.', {
  PLANNED: 'Booked; its cost is what it will cost as planned.',
  COMPLETED: 'Made.',
  CANCELLED_IN_TIME: 'Cancelled with the notice the contract asks for: free (except a route priced for the term).',
  CANCELLED_LATE: 'Cancelled with less notice: the contract’s late-cancellation percentage of the price.',
  NO_SHOW: 'The vehicle came and the child did not travel: the contract’s no-show percentage of the price, plus waiting.',
});

export enum JourneyLeg {
  OUTBOUND = 'OUTBOUND',
  RETURN = 'RETURN',
}
registerCodeEnum(JourneyLeg, 'JourneyLeg', 'Which way a journey goes on its route.', {
  OUTBOUND: 'From the route’s start to its destination.',
  RETURN: 'Back from the destination to the start.',
});

export enum Weekday {
  MON = 'MON',
  TUE = 'TUE',
  WED = 'WED',
  THU = 'THU',
  FRI = 'FRI',
  SAT = 'SAT',
  SUN = 'SUN',
}
registerCodeEnum(Weekday, 'Weekday', 'A day of the week.', {
  MON: 'Monday', TUE: 'Tuesday', WED: 'Wednesday', THU: 'Thursday', FRI: 'Friday', SAT: 'Saturday', SUN: 'Sunday',
});

/** JavaScript's getUTCDay() order: Sunday first. */
export const WEEKDAY_OF_JS_DAY = [Weekday.SUN, Weekday.MON, Weekday.TUE, Weekday.WED, Weekday.THU, Weekday.FRI, Weekday.SAT];
