import { registerCodeEnum } from './register-code-enum';

/** SSDA903 PLACE: the type of a placement. */
export enum PlacementType {
  U1 = 'U1', U2 = 'U2', U3 = 'U3', U4 = 'U4', U5 = 'U5', U6 = 'U6',
  K1 = 'K1', K2 = 'K2', K3 = 'K3', H5 = 'H5',
  R1 = 'R1', R2 = 'R2', R3 = 'R3', R5 = 'R5', S1 = 'S1',
  P1 = 'P1', P2 = 'P2', P3 = 'P3',
  A3 = 'A3', A4 = 'A4', A5 = 'A5', A6 = 'A6',
  T0 = 'T0', T1 = 'T1', T2 = 'T2', T3 = 'T3', T4 = 'T4',
  Z1 = 'Z1',
}

registerCodeEnum(PlacementType, 'PlacementType', 'SSDA903 placement type (PLACE).', {
  U1: 'Foster placement with relative or friend: long-term fostering',
  U2: 'Foster placement with relative or friend who is also an approved adopter: fostering for adoption / concurrent planning',
  U3: 'Foster placement with relative or friend: not long-term or fostering for adoption',
  U4: 'Foster placement with other foster carer: long-term fostering',
  U5: 'Foster placement with other foster carer who is also an approved adopter: fostering for adoption / concurrent planning',
  U6: 'Foster placement with other foster carer: not long-term or fostering for adoption',
  K1: 'Secure children’s home',
  K2: 'Children’s home',
  K3: 'Registered supported accommodation',
  H5: 'Semi-independent living accommodation not subject to children’s homes regulations',
  R1: 'Residential care home',
  R2: 'NHS / health trust or other establishment providing medical or nursing care',
  R3: 'Family centre or mother and baby unit',
  R5: 'Young offender institution or prison',
  S1: 'All residential schools, except where dual-registered as a school and children’s home',
  P1: 'Placed with own parent(s) or other person(s) with parental responsibility',
  P2: 'Independent living, e.g. in a flat, lodgings, bedsit, B&B or with friends, with or without formal support',
  P3: 'Residential employment',
  A3: 'Placed for adoption with parental or placement order with current foster carer(s)',
  A4: 'Placed for adoption with parental or placement order not with current foster carer(s)',
  A5: 'Placed for adoption with placement order with current foster carer(s)',
  A6: 'Placed for adoption with placement order not with current foster carer(s)',
  T0: 'Temporary placement: all types of temporary move (see guidance)',
  T1: 'Temporary periods in hospital',
  T2: 'Temporary absences of the child on holiday',
  T3: 'Temporary accommodation whilst normal foster carer(s) is/are on holiday',
  T4: 'Temporary accommodation of seven days or less, for any reason, not covered by codes T1 to T3',
  Z1: 'Other placements (must be listed on a schedule sent to DfE with annual submission)',
});

/** The service category a placement type is bought under. */
export function categoryOfPlacementType(type: PlacementType): 'FOSTERING' | 'RESIDENTIAL' | 'SUPPORTED_ACCOMMODATION' | null {
  if (/^U[1-6]$/.test(type)) return 'FOSTERING';
  if (['K1', 'K2', 'R1', 'S1', 'R3'].includes(type)) return 'RESIDENTIAL';
  if (['K3', 'H5', 'P2'].includes(type)) return 'SUPPORTED_ACCOMMODATION';
  return null;
}
