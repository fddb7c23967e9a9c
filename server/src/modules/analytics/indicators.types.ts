import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LegalStatus } from '../../common/codes/legal-status.code';
import { ReasonEnded, ReasonForChange } from '../../common/codes/placement-end.code';
import { DateScalar } from '../../graphql/scalars/date.scalar';
import { DecimalScalar } from '../../graphql/scalars/money.scalar';
import { PlacementGroup } from './placement-group';

const PERCENT = 'in percent (hundredths, rounded half-up)';

@ObjectType({ description: 'How many children are in one group of placements.' })
export class GroupCount {
  @Field(() => PlacementGroup, { description: 'The group.' }) group!: PlacementGroup;
  @Field(() => Int, { description: 'Children whose main placement is in the group.' }) children!: number;
  @Field(() => DecimalScalar, { description: 'Share of all children in care, in percent.' }) percent!: bigint;
}

/** The figures of children in care on a date, for the whole authority or one locality. */
@ObjectType()
export abstract class CareFigures {
  @Field(() => Int, {
    description:
      'Children looked after that night: children with a main placement open that night (started on or before it, not ended by it). ' +
      'A temporary move (T0–T4) is never a placement of its own, so a child on one is counted once, by the placement it sits in.',
  })
  childrenInCare!: number;
  @Field(() => Int, { nullable: true, description: 'Children aged 0–17 in the population that day: the locality’s figure in force (Locality.populations); overall, the sum over the localities. Null when not known (see ratePer10000).' })
  childPopulation!: number | null;
  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'Children looked after per 10,000 children aged under 18: childrenInCare × 10,000 ÷ childPopulation, in hundredths rounded half-up (like the percentages). ' +
      'Null when no population is in force; overall, null as soon as one child in care has no locality or a locality without a population in force.',
  })
  ratePer10000!: bigint | null;
  @Field(() => [GroupCount], { description: 'The mix of care: children by group of their main placement, largest group first.' }) byGroup!: GroupCount[];
  @Field(() => Int, { description: 'Children in foster care with the authority’s own carers (U4–U6, PR1): group IN_HOUSE_FOSTERING.' }) inHouseFostering!: number;
  @Field(() => Int, { description: 'Children in foster care through independent agencies and others (U4–U6, not PR1): group IFA_FOSTERING.' }) independentFostering!: number;
  @Field(() => DecimalScalar, { nullable: true, description: `In-house share of fostering: inHouseFostering ÷ (inHouseFostering + independentFostering), ${PERCENT}; family and friends carers (U1–U3) are in neither. Null with no such children.` })
  inHouseFosteringPercent!: bigint | null;
  @Field(() => Int, { description: 'Children in residential care: children’s homes, secure homes, residential care homes and schools (K1, K2, R1, S1): group RESIDENTIAL.' }) residential!: number;
  @Field(() => Int, { description: 'Children whose main placement is more than 20 miles from home (great-circle miles between home and the setting).' }) over20Miles!: number;
  @Field(() => Int, { description: 'Children placed 20 miles or less from home.' }) within20Miles!: number;
  @Field(() => Int, { description: 'Children whose distance is not known (home or setting location missing): never counted as near, reported on its own.' }) distanceNotKnown!: number;
  @Field(() => DecimalScalar, { nullable: true, description: `Children placed more than 20 miles from home as a share of those whose distance is known, ${PERCENT}; null when no distance is known.` })
  percentOver20Miles!: bigint | null;
  @Field(() => Int, {
    description:
      'Placement stability, short term (DfE): children looked after at the date who had three or more separate placements during the year to the date ' +
      '(the 12 months ending that night: a placement counts when it has a night in them). Temporary moves (T0–T4) are not counted as placements.',
  })
  threeOrMorePlacements!: number;
  @Field(() => DecimalScalar, { nullable: true, description: `threeOrMorePlacements as a share of childrenInCare, ${PERCENT}; null with no children in care.` }) threeOrMorePlacementsPercent!: bigint | null;
  @Field(() => Int, {
    description:
      'Placement stability, long term (DfE), its denominator: children aged under 16 at the date (before their 16th birthday) who had been looked after ' +
      'continuously for at least 2.5 years (the date is 2 years 6 months or more after their period of care began; a move on the same day, or a temporary move, keeps a period of care going).',
  })
  longTermLookedAfter!: number;
  @Field(() => Int, {
    description:
      'Of longTermLookedAfter, the children who had been living in the same placement for at least 2 years (the date is 2 years or more after it began), ' +
      'or were placed for adoption (A3–A6) and their adoptive placement together with their previous placement lasted at least 2 years.',
  })
  longTermSamePlacement!: number;
  @Field(() => DecimalScalar, { nullable: true, description: `Long-term stability: longTermSamePlacement ÷ longTermLookedAfter, ${PERCENT}; null when no child has been looked after 2.5 years.` })
  longTermStabilityPercent!: bigint | null;
}

@ObjectType({ description: 'The DfE indicators of children in care on a date for one locality (the child’s locality), or for the children with no locality.' })
export class LocalityCareIndicators extends CareFigures {
  @Field(() => ID, { nullable: true, description: 'The locality; null for the children with no locality recorded.' }) localityId!: string | null;
  @Field(() => String, { nullable: true, description: 'The locality’s name; null for the children with no locality recorded.' }) localityName!: string | null;
}

@ObjectType({ description: 'The DfE indicators of children looked after on a date (SSDA903 / children looked after statistics definitions), overall and by locality.' })
export class CareIndicators extends CareFigures {
  @Field(() => DateScalar, { description: 'The date: the figures are for children looked after that night.' }) onDate!: string;
  @Field(() => ID, { nullable: true, description: 'The locality the figures keep to; null for the whole authority.' }) localityId!: string | null;
  @Field(() => [LocalityCareIndicators], {
    description: 'The same figures for each locality with children in care or a population in force that day, by name, then the children with no locality (when there are any).',
  })
  byLocality!: LocalityCareIndicators[];
}

@ObjectType({ description: 'Children with one legal status.' })
export class LegalStatusCount {
  @Field(() => LegalStatus, { nullable: true, description: 'The legal status (SSDA903 LS); null when none is recorded.' }) legalStatus!: LegalStatus | null;
  @Field(() => Int, { description: 'How many.' }) count!: number;
}

@ObjectType({ description: 'Placements or children with one reason ended (REC).' })
export class ReasonEndedCount {
  @Field(() => ReasonEnded, { nullable: true, description: 'The reason (SSDA903 REC); null when none is recorded.' }) reason!: ReasonEnded | null;
  @Field(() => Int, { description: 'How many.' }) count!: number;
}

@ObjectType({ description: 'Placements with one reason for placement change.' })
export class ReasonForChangeCount {
  @Field(() => ReasonForChange, { nullable: true, description: 'The reason for the change of placement; null when none is recorded (a first placement of a period of care has none).' })
  reason!: ReasonForChange | null;
  @Field(() => Int, { description: 'How many.' }) count!: number;
}

/** What happened during a period, for the whole authority or one locality. */
@ObjectType()
export abstract class FlowFigures {
  @Field(() => Int, {
    description:
      'Children who started to be looked after during the period: a period of care began (no placement the night before, temporary moves included). ' +
      'Only the first occasion on which a child started to be looked after in the period is counted.',
  })
  childrenStarted!: number;
  @Field(() => [LegalStatusCount], { description: 'childrenStarted by legal status, most first. The legal status is the child’s current one (the history of legal status is not held).' })
  startedByLegalStatus!: LegalStatusCount[];
  @Field(() => Int, {
    description:
      'Children who ceased to be looked after during the period: a period of care ended (the child left and no placement began that day). ' +
      'Only the last occasion on which a child ceased to be looked after in the period is counted.',
  })
  childrenCeased!: number;
  @Field(() => [ReasonEndedCount], { description: 'childrenCeased by reason episode ceased (REC) of the placement that ended the period of care, most first.' }) ceasedByReason!: ReasonEndedCount[];
  @Field(() => Int, { description: 'Placements (temporary moves T0–T4 aside) that started during the period, moves included.' }) placementsStarted!: number;
  @Field(() => [ReasonForChangeCount], { description: 'placementsStarted by reason for placement change, most first.' }) placementsStartedByChangeReason!: ReasonForChangeCount[];
  @Field(() => Int, { description: 'Placements (temporary moves aside) that ended during the period (the day the child left is in it), moves included.' }) placementsEnded!: number;
  @Field(() => [ReasonEndedCount], { description: 'placementsEnded by REC, most first (X1: a new placement began the same day).' }) placementsEndedByReason!: ReasonEndedCount[];
  @Field(() => Int, {
    description:
      'Children diverted: children with a placement (temporary moves aside) that ended during the period within 12 weeks of its start, ' +
      'i.e. the day the child left is at most 84 days after the first night (exactly 12 weeks counts). Each child counted once.',
  })
  childrenDiverted!: number;
  @Field(() => Int, { description: 'Children placed during the period: children who started a placement in it (temporary moves aside), each counted once, by their latest such placement.' })
  placedChildren!: number;
  @Field(() => Int, { description: 'Of placedChildren, those whose latest placement started in the period is more than 20 miles from home.' }) placedOver20Miles!: number;
  @Field(() => Int, { description: 'Of placedChildren, those placed 20 miles or less from home.' }) placedWithin20Miles!: number;
  @Field(() => Int, { description: 'Of placedChildren, those whose distance is not known: reported on their own, never as near.' }) placedDistanceNotKnown!: number;
  @Field(() => DecimalScalar, {
    nullable: true,
    description: `Children placed beyond a 20 mile radius during the period: placedOver20Miles ÷ (placedOver20Miles + placedWithin20Miles), ${PERCENT}; null when no distance is known.`,
  })
  placedPercentOver20Miles!: bigint | null;
}

@ObjectType({ description: 'Starts, ends, diversions and distances of a period for one locality (the child’s locality), or for the children with no locality.' })
export class LocalityCareFlows extends FlowFigures {
  @Field(() => ID, { nullable: true, description: 'The locality; null for the children with no locality recorded.' }) localityId!: string | null;
  @Field(() => String, { nullable: true, description: 'The locality’s name; null for the children with no locality recorded.' }) localityName!: string | null;
}

@ObjectType({ description: 'Children who started and ceased to be looked after, placement starts and ends with their reasons, children diverted and children placed over 20 miles during a period, overall and by locality.' })
export class CareFlows extends FlowFigures {
  @Field(() => DateScalar, { description: 'The first day of the period.' }) from!: string;
  @Field(() => DateScalar, { description: 'The last day of the period (included).' }) to!: string;
  @Field(() => ID, { nullable: true, description: 'The locality the figures keep to; null for the whole authority.' }) localityId!: string | null;
  @Field(() => [LocalityCareFlows], { description: 'The same figures for each locality with anything to count, by name, then the children with no locality (when there are any).' })
  byLocality!: LocalityCareFlows[];
}
