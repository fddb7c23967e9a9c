import { registerCodeEnum } from '../../common/codes/register-code-enum';

export enum ContactRole {
  MOTHER = 'MOTHER',
  FATHER = 'FATHER',
  SIBLING = 'SIBLING',
  GRANDPARENT = 'GRANDPARENT',
  OTHER = 'OTHER',
}
registerCodeEnum(ContactRole, 'ContactRole', 'Who a child has contact with, as a role only: never a name.', {
  MOTHER: 'Mother', FATHER: 'Father', SIBLING: 'Brother or sister', GRANDPARENT: 'Grandparent', OTHER: 'Another relative or connected person',
});

export enum ContactFrequency {
  WEEKLY = 'WEEKLY',
  FORTNIGHTLY = 'FORTNIGHTLY',
  MONTHLY = 'MONTHLY',
  QUARTERLY = 'QUARTERLY',
  AS_ARRANGED = 'AS_ARRANGED',
}
registerCodeEnum(ContactFrequency, 'ContactFrequency', 'How often contact takes place.', {
  WEEKLY: 'Every week', FORTNIGHTLY: 'Every two weeks', MONTHLY: 'Every month', QUARTERLY: 'Every three months', AS_ARRANGED: 'As arranged case by case',
});

export enum SupervisionLevel {
  SUPERVISED = 'SUPERVISED',
  SUPPORTED = 'SUPPORTED',
  MONITORED = 'MONITORED',
}
registerCodeEnum(SupervisionLevel, 'SupervisionLevel', 'How closely contact is overseen; it picks the contract’s hourly rate.', {
  SUPERVISED: 'Supervised: a worker present throughout, observing and recording.',
  SUPPORTED: 'Supported: a worker helps the contact go well, not necessarily throughout.',
  MONITORED: 'Monitored: a worker checks in at the start and end.',
});

export enum SessionStatus {
  PLANNED = 'PLANNED',
  ATTENDED = 'ATTENDED',
  CANCELLED_BY_FAMILY_LATE = 'CANCELLED_BY_FAMILY_LATE',
  CANCELLED_IN_TIME = 'CANCELLED_IN_TIME',
  PROVIDER_CANCELLED = 'PROVIDER_CANCELLED',
  NO_SHOW = 'NO_SHOW',
}
registerCodeEnum(SessionStatus, 'SessionStatus', 'What happened to a contact session.', {
  PLANNED: 'Booked; its cost is what it will cost if attended as planned.',
  ATTENDED: 'Took place: chargeable for the actual hours.',
  CANCELLED_BY_FAMILY_LATE: 'The family cancelled with less notice than the contract asks: chargeable at its late percentage.',
  CANCELLED_IN_TIME: 'Cancelled with the notice the contract asks for: not chargeable.',
  PROVIDER_CANCELLED: 'The provider cancelled: not chargeable.',
  NO_SHOW: 'The family did not come: chargeable at the contract’s no-show percentage.',
});

/** Statuses that are cancellations and need the time of cancelling. */
export const CANCELLED_SESSION = new Set([SessionStatus.CANCELLED_BY_FAMILY_LATE, SessionStatus.CANCELLED_IN_TIME, SessionStatus.PROVIDER_CANCELLED]);
