import { numericAsNumberColumn } from '../../common/columns';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { ForeignKey } from '../../common/foreign-key';
import { OfstedRating } from '../../common/codes/ofsted-rating.code';
import { NATURAL_SORT } from '../../database/collation';
import { ArchivableEntity } from '../../common/versioned.entity';
import { DateScalar } from '../../graphql/scalars/date.scalar';
import { Locality } from '../authority/locality.entity';
import { Provider } from '../provider/provider.entity';
import { SettingKind } from './setting-kind';


@ObjectType({ description: 'A place where a provider delivers care or services: a children’s home, an agency office, a contact centre.' })
@Entity()
@Index('ix_setting_provider_id', ['providerId'])
@Index('ix_setting_locality_id', ['localityId'])
@Index('ix_setting_ofsted_rating', ['ofstedRating'])
@Index('uq_setting_ofsted_urn', ['ofstedUrn'], { unique: true })
export class Setting extends ArchivableEntity {
  @ForeignKey(() => Provider, { description: 'The provider that runs the setting.' })
  providerId!: string;

  @Field({ description: 'The setting’s name.' })
  @Column({ type: 'varchar', length: 200, collation: NATURAL_SORT })
  name!: string;

  @Field(() => SettingKind, { description: 'What the setting is.' })
  @Column({ type: 'enum', enum: SettingKind, enumName: 'setting_kind' })
  kind!: SettingKind;

  @Field(() => String, { nullable: true, description: 'Ofsted unique reference number: 6 to 8 digits. Unique across settings.' })
  @Column({ type: 'varchar', length: 8, nullable: true })
  ofstedUrn!: string | null;

  @Field(() => OfstedRating, { nullable: true, description: 'Ofsted overall effectiveness at the last inspection.' })
  @Column({ type: 'enum', enum: OfstedRating, enumName: 'ofsted_rating', nullable: true })
  ofstedRating!: OfstedRating | null;

  @Field(() => DateScalar, { nullable: true, description: 'Date of the inspection that gave the rating.' })
  @Column({ type: 'date', nullable: true })
  inspectionDate!: string | null;

  @Field(() => Int, { nullable: true, description: 'Places the setting is registered for.' })
  @Column({ type: 'integer', nullable: true })
  registeredPlaces!: number | null;

  @Field(() => String, { nullable: true, description: 'UK postcode, e.g. "BH1 1AA".' })
  @Column({ type: 'varchar', length: 8, nullable: true })
  postcode!: string | null;

  @Field(() => Float, { nullable: true, description: 'Latitude in degrees (WGS84).' })
  @Column({ type: 'numeric', precision: 9, scale: 6, nullable: true, transformer: numericAsNumberColumn })
  latitude!: number | null;

  @Field(() => Float, { nullable: true, description: 'Longitude in degrees (WGS84).' })
  @Column({ type: 'numeric', precision: 9, scale: 6, nullable: true, transformer: numericAsNumberColumn })
  longitude!: number | null;

  @ForeignKey(() => Locality, { nullable: true, description: 'The authority’s locality the setting lies in; null when outside the authority.' })
  localityId!: string | null;
}
