import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { NATURAL_SORT } from '../../database/collation';
import { VersionedEntity } from '../../common/versioned.entity';

@ObjectType({ description: 'A commissioning council (local authority), e.g. Bournemouth, Christchurch and Poole.' })
@Entity()
@Index('uq_authority_ons_code', ['onsCode'], { unique: true })
export class Authority extends VersionedEntity {
  @Field({ description: 'The council’s name.' })
  @Column({ type: 'varchar', length: 200, collation: NATURAL_SORT })
  name!: string;

  @Field({ description: 'ONS local authority code, e.g. E06000058.' })
  @Column({ type: 'varchar', length: 9 })
  onsCode!: string;
}
