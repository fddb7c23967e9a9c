import { registerCodeEnum } from '../../common/codes/register-code-enum';

/** The groups a commissioning manager counts placements in. */
export enum PlacementGroup {
  IN_HOUSE_FOSTERING = 'IN_HOUSE_FOSTERING',
  IFA_FOSTERING = 'IFA_FOSTERING',
  FAMILY_AND_FRIENDS = 'FAMILY_AND_FRIENDS',
  RESIDENTIAL = 'RESIDENTIAL',
  SUPPORTED_ACCOMMODATION = 'SUPPORTED_ACCOMMODATION',
  OTHER = 'OTHER',
}

registerCodeEnum(PlacementGroup, 'PlacementGroup', 'A group of placements for reporting the mix of care.', {
  IN_HOUSE_FOSTERING: 'Fostering with the authority’s own carers (U4–U6, PR1)',
  IFA_FOSTERING: 'Fostering through independent agencies and others (U4–U6, not PR1)',
  FAMILY_AND_FRIENDS: 'Fostering with relatives or friends (U1–U3)',
  RESIDENTIAL: 'Children’s homes, secure homes, residential care and schools (K1, K2, R1, S1)',
  SUPPORTED_ACCOMMODATION: 'Supported and semi-independent accommodation (K3, H5, P2)',
  OTHER: 'Everything else (placed with parents, adoption, health, custody, other)',
});

/** The group of placement "p" as an SQL expression. */
export const PLACEMENT_GROUP_SQL = `(CASE
  WHEN "p"."placement_type" IN ('U4', 'U5', 'U6') AND "p"."provider_code" = 'PR1' THEN 'IN_HOUSE_FOSTERING'
  WHEN "p"."placement_type" IN ('U4', 'U5', 'U6') THEN 'IFA_FOSTERING'
  WHEN "p"."placement_type" IN ('U1', 'U2', 'U3') THEN 'FAMILY_AND_FRIENDS'
  WHEN "p"."placement_type" IN ('K1', 'K2', 'R1', 'S1') THEN 'RESIDENTIAL'
  WHEN "p"."placement_type" IN ('K3', 'H5', 'P2') THEN 'SUPPORTED_ACCOMMODATION'
  ELSE 'OTHER' END)`;

/** The temporary moves (T0–T4): never a placement of their own in any count. */
export const TEMPORARY_MOVE_TYPES_SQL = `('T0', 'T1', 'T2', 'T3', 'T4')`;

/** Placement "p" is the child's main placement on the date $1 (temporary moves T0–T4 aside). */
export const MAIN_PLACEMENT_ON = (date: string) =>
  `"p"."placement_type" NOT IN ${TEMPORARY_MOVE_TYPES_SQL} AND "p"."start_date" <= ${date} AND ("p"."end_date" IS NULL OR "p"."end_date" > ${date})`;
