import { registerCodeEnum } from './register-code-enum';

/** Section 251 "children looked after" budget lines. */
export enum Section251Category {
  RESIDENTIAL_CARE = 'RESIDENTIAL_CARE',
  FOSTERING_OWN_CARERS = 'FOSTERING_OWN_CARERS',
  FOSTERING_SERVICES = 'FOSTERING_SERVICES',
  OTHER_LOOKED_AFTER = 'OTHER_LOOKED_AFTER',
  SHORT_BREAKS = 'SHORT_BREAKS',
  FAMILY_AND_FRIENDS = 'FAMILY_AND_FRIENDS',
  EDUCATION = 'EDUCATION',
  LEAVING_CARE = 'LEAVING_CARE',
  ASYLUM_SEEKERS = 'ASYLUM_SEEKERS',
  ADOPTION = 'ADOPTION',
  SPECIAL_GUARDIANSHIP = 'SPECIAL_GUARDIANSHIP',
}

registerCodeEnum(Section251Category, 'Section251Category', 'A Section 251 children-looked-after budget line.', {
  RESIDENTIAL_CARE: 'Residential care (children’s homes, secure, residential schools)',
  FOSTERING_OWN_CARERS: 'Fostering: fees and allowances of the authority’s own foster carers',
  FOSTERING_SERVICES: 'Fostering services: independent fostering agencies and everything else',
  OTHER_LOOKED_AFTER: 'Other children looked after services (supported accommodation, transport, contact)',
  SHORT_BREAKS: 'Short breaks (respite) for looked-after disabled children',
  FAMILY_AND_FRIENDS: 'Children placed with family and friends',
  EDUCATION: 'Education of looked-after children',
  LEAVING_CARE: 'Leaving care support services',
  ASYLUM_SEEKERS: 'Asylum seekers',
  ADOPTION: 'Adoption services',
  SPECIAL_GUARDIANSHIP: 'Special guardianship support',
});

/** The budget line a placement's spend falls on, as an SQL expression over placement "p" and child "c". */
export const PLACEMENT_CATEGORY_SQL = `(CASE
  WHEN "c"."uasc" THEN 'ASYLUM_SEEKERS'
  WHEN "p"."placement_type" IN ('U1', 'U2', 'U3') THEN 'FAMILY_AND_FRIENDS'
  WHEN "p"."placement_type" IN ('U4', 'U5', 'U6') AND "p"."provider_code" = 'PR1' THEN 'FOSTERING_OWN_CARERS'
  WHEN "p"."placement_type" IN ('U4', 'U5', 'U6') THEN 'FOSTERING_SERVICES'
  WHEN "p"."placement_type" IN ('K1', 'K2', 'R1', 'S1') THEN 'RESIDENTIAL_CARE'
  WHEN "p"."placement_type" IN ('A3', 'A4', 'A5', 'A6') THEN 'ADOPTION'
  ELSE 'OTHER_LOOKED_AFTER' END)`;
