import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The spend cube's summary of expected placement cost: per placement and month, its cost as
 * the cost rule gives it, the rule's exact numerator (Σ weekly amount × nights, not yet divided
 * by 7), the one-off services, the nights and the fee range. Cost for a longer run of whole
 * months is the sum of its numerators rounded once, exactly as the rule works it out from the
 * fee history. `ageBand` is
 * the child's age band for the whole month, or null when a birthday moves the child into the
 * next band that month: such a month is also held per band in `PlacementCostMonthBand`.
 * Derived data: `spend_dirty` names what changed, and `refreshSpendSummary` brings it up to date.
 */
@Entity()
@Index('ix_placement_cost_month_month', ['month'])
export class PlacementCostMonth {
  @PrimaryColumn({ type: 'uuid' }) placementId!: string;
  @PrimaryColumn({ type: 'date' }) month!: string;
  @Column({ type: 'varchar', length: 16, nullable: true }) ageBand!: string | null;
  @Column({ type: 'bigint' }) cost!: string;
  @Column({ type: 'bigint' }) numerator!: string;
  @Column({ type: 'bigint' }) oneOff!: string;
  @Column({ type: 'integer' }) nights!: number;
  @Column({ type: 'bigint', nullable: true }) minFee!: string | null;
  @Column({ type: 'bigint', nullable: true }) maxFee!: string | null;
}

/** The months of `PlacementCostMonth` a birthday splits between two age bands, per band: the same figures (cost rounded per band) for each band's nights. */
@Entity()
export class PlacementCostMonthBand {
  @PrimaryColumn({ type: 'uuid' }) placementId!: string;
  @PrimaryColumn({ type: 'date' }) month!: string;
  @PrimaryColumn({ type: 'varchar', length: 16 }) ageBand!: string;
  @Column({ type: 'bigint' }) cost!: string;
  @Column({ type: 'bigint' }) numerator!: string;
  @Column({ type: 'bigint' }) oneOff!: string;
  @Column({ type: 'integer' }) nights!: number;
  @Column({ type: 'bigint', nullable: true }) minFee!: string | null;
  @Column({ type: 'bigint', nullable: true }) maxFee!: string | null;
}

/** Expected transport and contact cost per route or arrangement, child, month and age band (a child's shares of journeys, sessions). */
@Entity()
@Index('ix_service_cost_month_month', ['month'])
export class ServiceCostMonth {
  @PrimaryColumn({ type: 'varchar', length: 16 }) source!: string;
  @PrimaryColumn({ type: 'uuid' }) originId!: string;
  @PrimaryColumn({ type: 'uuid' }) childId!: string;
  @PrimaryColumn({ type: 'date' }) month!: string;
  @PrimaryColumn({ type: 'varchar', length: 16 }) ageBand!: string;
  @Column({ type: 'uuid', nullable: true }) contractId!: string | null;
  @Column({ type: 'bigint' }) amount!: string;
  @Column({ type: 'integer' }) units!: number;
}

/** What changed since the summary was last brought up to date: written by triggers in the writing transaction. */
@Entity()
export class SpendDirty {
  /** PLACEMENT, ROUTE or ARRANGEMENT. */
  @PrimaryColumn({ type: 'varchar', length: 16 }) kind!: string;
  @PrimaryColumn({ type: 'uuid' }) id!: string;
}

/** One row: the summary holds months before `horizon` (open placements are summed up to it). */
@Entity()
export class SpendSummaryState {
  @PrimaryColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'date' }) horizon!: string;
}
