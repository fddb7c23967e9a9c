import { Field, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index } from 'typeorm';
import { PlacementProviderCode } from '../../common/codes/placement-provider.code';
import { ServiceCategory } from '../../common/codes/service-category.code';
import { NATURAL_SORT } from '../../database/collation';
import { ArchivableEntity } from '../../common/versioned.entity';
import { ProviderStatus } from './provider-status';

@ObjectType({ description: 'A person at a provider whom officers deal with.' })
export class ProviderContact {
  @Field({ description: 'The contact’s name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Their role, e.g. "Referrals manager".' })
  role!: string | null;

  @Field(() => String, { nullable: true, description: 'Email address.' })
  email!: string | null;

  @Field(() => String, { nullable: true, description: 'Telephone number.' })
  phone!: string | null;
}

const CATEGORY_LIST = Object.values(ServiceCategory).map((c) => `'${c}'`).join(',');

@ObjectType({ description: 'An organisation the authority buys placements or services from (or its own in-house service).' })
@Entity()
@Index('ix_provider_legal_name', ['legalName'])
@Index('ix_provider_status', ['status'])
@Index('ix_provider_provider_code', ['providerCode'])
@Check('ck_provider_service_categories', `service_categories <@ ARRAY[${CATEGORY_LIST}]::text[]`)
export class Provider extends ArchivableEntity {
  @Field({ description: 'Registered legal name.' })
  @Column({ type: 'varchar', length: 200, collation: NATURAL_SORT })
  legalName!: string;

  @Field(() => String, { nullable: true, description: 'The name the provider trades under, when different.' })
  @Column({ type: 'varchar', length: 200, nullable: true, collation: NATURAL_SORT })
  tradingName!: string | null;

  @Field(() => String, { nullable: true, description: 'Companies House number, e.g. 01234567 or SC123456.' })
  @Column({ type: 'varchar', length: 8, nullable: true })
  companyNumber!: string | null;

  @Field(() => String, { nullable: true, description: 'Charity Commission number, e.g. 1123456.' })
  @Column({ type: 'varchar', length: 12, nullable: true })
  charityNumber!: string | null;

  @Field(() => PlacementProviderCode, { description: 'SSDA903 placement provider code (PR0–PR5).' })
  @Column({ type: 'enum', enum: PlacementProviderCode, enumName: 'placement_provider_code' })
  providerCode!: PlacementProviderCode;

  @Field(() => [ServiceCategory], { description: 'The categories of service the provider offers.' })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  serviceCategories!: ServiceCategory[];

  @Field(() => [ProviderContact], { description: 'People at the provider.' })
  @Column({ type: 'jsonb', default: () => "'[]'" })
  contacts!: ProviderContact[];

  @Field(() => ProviderStatus, { description: 'Whether the authority can buy from the provider.' })
  @Column({ type: 'enum', enum: ProviderStatus, enumName: 'provider_status', default: ProviderStatus.ACTIVE })
  status!: ProviderStatus;

  @Field(() => String, { nullable: true, description: 'Free notes by officers.' })
  @Column({ type: 'text', nullable: true })
  notes!: string | null;
}
