import { registerCodeEnum } from './register-code-enum';

/** SSDA903 REC: why a placement (or episode) ended. */
export enum ReasonEnded {
  E11 = 'E11', E12 = 'E12', E13 = 'E13', E2 = 'E2', E3 = 'E3', E4A = 'E4A', E4B = 'E4B', E41 = 'E41',
  E45 = 'E45', E46 = 'E46', E47 = 'E47', E48 = 'E48', E5 = 'E5', E6 = 'E6', E7 = 'E7', E8 = 'E8', E9 = 'E9',
  E14 = 'E14', E15 = 'E15', E16 = 'E16', E17 = 'E17', X1 = 'X1',
}

registerCodeEnum(ReasonEnded, 'ReasonEnded', 'SSDA903 reason episode ceased (REC).', {
  E11: 'Adopted: application for an adoption order unopposed',
  E12: 'Adopted: consent dispensed with by the court',
  E13: 'Left care to live with parent(s), relative(s) or other person(s) with no parental responsibility',
  E2: 'Died',
  E3: 'Care taken over by another local authority in the UK',
  E4A: 'Returned home to live with parent(s), relative(s) or other person(s) with parental responsibility, as part of the care planning process',
  E4B: 'Returned home to live with parent(s), relative(s) or other person(s) with parental responsibility, not as part of the care planning process',
  E41: 'Residence order or child arrangements order granted',
  E45: 'Special guardianship order made to former foster carer(s) who were or are relatives or friends',
  E46: 'Special guardianship order made to former foster carer(s) other than relatives or friends',
  E47: 'Special guardianship order made to carer(s), other than former foster carer(s), who are relatives or friends',
  E48: 'Special guardianship order made to carer(s), other than former foster carer(s), other than relatives or friends',
  E5: 'Moved into independent living arrangement and no longer looked after: supportive accommodation providing formalised advice or support',
  E6: 'Moved into independent living arrangement and no longer looked after: accommodation providing no formalised advice or support',
  E7: 'Transferred to residential care funded by adult social care services',
  E8: 'Period of being looked after ceased for any other reason',
  E9: 'Sentenced to custody',
  E14: 'Accommodation on remand ended',
  E15: 'Age assessment determined child is aged 18 or over',
  E16: 'Child moved abroad',
  E17: 'Aged 18 (or over) and remained with current carers (staying put)',
  X1: 'Episode ceases, and new episode begins on same day, for any reason',
});

/** SSDA903 reason for placement change (RSN / reason for new placement). */
export enum ReasonForChange {
  CARPL = 'CARPL', CLOSE = 'CLOSE', ALLEG = 'ALLEG', STAND = 'STAND', APPRR = 'APPRR', CREQB = 'CREQB',
  CREQO = 'CREQO', CHILD = 'CHILD', LAREQ = 'LAREQ', PLACE = 'PLACE', CUSTOD = 'CUSTOD', OTHER = 'OTHER',
}

registerCodeEnum(ReasonForChange, 'ReasonForChange', 'SSDA903 reason for a change of placement.', {
  CARPL: 'Change to or implementation of the care plan',
  CLOSE: 'Resignation or closure of provision',
  ALLEG: 'Allegation (section 47 enquiry)',
  STAND: 'Standards of care concern',
  APPRR: 'Approval removed',
  CREQB: 'Carer requests placement end due to child’s behaviour',
  CREQO: 'Carer requests placement end, other than due to child’s behaviour',
  CHILD: 'Child requests placement end',
  LAREQ: 'Responsible or area authority requests placement end',
  PLACE: 'Change in the status of the placement only',
  CUSTOD: 'Custody arrangement',
  OTHER: 'Other',
});
