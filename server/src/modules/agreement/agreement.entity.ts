import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { ForeignKey } from '../../common/foreign-key';
import { OfstedRating } from '../../common/codes/ofsted-rating.code';
import { hundredthsColumn } from '../../common/money';
import { VersionedEntity } from '../../common/versioned.entity';
import { NATURAL_SORT } from '../../database/collation';
import { DateScalar } from '../../graphql/scalars/date.scalar';
import { DecimalScalar } from '../../graphql/scalars/money.scalar';
import { Authority } from '../authority/authority.entity';
import { Provider } from '../provider/provider.entity';
import { AgreementStatus, UpliftRule } from './agreement-codes';

@ObjectType({ description: 'A document that belongs to an agreement, kept where the council keeps documents.' })
export class DocumentLink {
  @Field({ description: 'What the document is.' }) title!: string;
  @Field({ description: 'Where it is (https link).' }) url!: string;
}

@ObjectType({ description: 'A preferred-provider (framework) agreement with a provider, with its rate card.' })
@Entity()
@Index('uq_agreement_reference', ['reference'], { unique: true })
@Index('ix_agreement_provider_id', ['providerId'])
@Index('ix_agreement_authority_id', ['authorityId'])
@Index('ix_agreement_status', ['status'])
export class Agreement extends VersionedEntity {
  @ForeignKey(() => Provider, { description: 'The provider the agreement is with.' })
  providerId!: string;

  @ForeignKey(() => Authority, { description: 'The commissioning authority.' })
  authorityId!: string;

  @Field({ description: 'Title, e.g. "Independent Fostering Framework 2025–2029".' })
  @Column({ type: 'varchar', length: 200, collation: NATURAL_SORT })
  title!: string;

  @Field({ description: 'The council’s reference; unique.' })
  @Column({ type: 'varchar', length: 50 })
  reference!: string;

  @Field(() => DateScalar, { description: 'First day the agreement is in force.' })
  @Column({ type: 'date' })
  startDate!: string;

  @Field(() => DateScalar, { description: 'Last day the agreement is in force.' })
  @Column({ type: 'date' })
  endDate!: string;

  @Field(() => AgreementStatus, { description: 'Where the agreement is in its life.' })
  @Column({ type: 'enum', enum: AgreementStatus, enumName: 'agreement_status', default: AgreementStatus.DRAFT })
  status!: AgreementStatus;

  @Field(() => Int, { nullable: true, description: 'Tier or rank among the authority’s agreements: 1 is offered first.' })
  @Column({ type: 'integer', nullable: true })
  tier!: number | null;

  @Field(() => DecimalScalar, { description: 'Volume discount in percent, e.g. "2.50".' })
  @Column({ type: 'integer', default: 0, transformer: hundredthsColumn })
  discountPercent!: bigint;

  @Field(() => UpliftRule, { description: 'How rates rise each 1 April.' })
  @Column({ type: 'enum', enum: UpliftRule, enumName: 'uplift_rule', default: UpliftRule.NONE })
  upliftRule!: UpliftRule;

  @Field(() => DecimalScalar, { nullable: true, description: 'The yearly uplift in percent, for FIXED_PERCENT.' })
  @Column({ type: 'integer', nullable: true, transformer: hundredthsColumn })
  upliftPercent!: bigint | null;

  @Field(() => String, { nullable: true, description: 'The index an INDEX_LINKED uplift follows, e.g. "CPI".' })
  @Column({ type: 'varchar', length: 40, nullable: true })
  upliftIndex!: string | null;

  @Field(() => Int, { nullable: true, description: 'Placements a year the authority commits to.' })
  @Column({ type: 'integer', nullable: true })
  volumeCommitment!: number | null;

  @Field(() => OfstedRating, { nullable: true, description: 'Lowest Ofsted rating a setting may have to be used under the agreement.' })
  @Column({ type: 'enum', enum: OfstedRating, enumName: 'ofsted_rating', nullable: true })
  minimumOfstedRating!: OfstedRating | null;

  @Field(() => [DocumentLink], { description: 'Links to the agreement’s documents.' })
  @Column({ type: 'jsonb', default: () => "'[]'" })
  documents!: DocumentLink[];

  @Field(() => String, { nullable: true, description: 'Free notes by officers.' })
  @Column({ type: 'text', nullable: true })
  notes!: string | null;
}
