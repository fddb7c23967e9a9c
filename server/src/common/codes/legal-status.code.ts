import { registerCodeEnum } from './register-code-enum';

/** SSDA903 LS: the legal status under which a child is looked after. */
export enum LegalStatus {
  C1 = 'C1', C2 = 'C2', D1 = 'D1', E1 = 'E1', V2 = 'V2', V3 = 'V3', V4 = 'V4',
  L1 = 'L1', L2 = 'L2', L3 = 'L3', J1 = 'J1', J2 = 'J2', J3 = 'J3',
}

registerCodeEnum(LegalStatus, 'LegalStatus', 'SSDA903 legal status (LS).', {
  C1: 'Interim care order',
  C2: 'Full care order',
  D1: 'Freeing order granted',
  E1: 'Placement order granted',
  V2: 'Single period of accommodation under section 20 (Children Act 1989)',
  V3: 'Accommodated under an agreed series of short-term breaks, when individual episodes of care are recorded',
  V4: 'Accommodated under an agreed series of short-term breaks, when agreements are recorded (not individual episodes)',
  L1: 'Under police protection and in local authority accommodation',
  L2: 'Emergency protection order (EPO)',
  L3: 'Under child assessment order and in local authority accommodation',
  J1: 'Remanded to local authority accommodation or to youth detention accommodation',
  J2: 'Placed in local authority accommodation under the Police and Criminal Evidence Act 1984',
  J3: 'Sentenced to a youth rehabilitation order with residence or intensive fostering requirement',
});
