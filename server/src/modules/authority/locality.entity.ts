import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { ForeignKey } from '../../common/foreign-key';
import { NATURAL_SORT } from '../../database/collation';
import { VersionedEntity } from '../../common/versioned.entity';
import { Authority } from './authority.entity';

@ObjectType({ description: 'A locality of an authority (e.g. Poole in BCP). Budgets and children belong to a locality.' })
@Entity()
@Index('uq_locality_authority_name', ['authorityId', 'name'], { unique: true })
export class Locality extends VersionedEntity {
  @ForeignKey(() => Authority, { description: 'The authority this locality belongs to.' })
  authorityId!: string;

  @Field({ description: 'The locality’s name, unique within its authority.' })
  @Column({ type: 'varchar', length: 200, collation: NATURAL_SORT })
  name!: string;

  @Field(() => String, { nullable: true, description: 'A short code used in reports and imports, e.g. "POOLE".' })
  @Column({ type: 'varchar', length: 32, nullable: true })
  code!: string | null;
}
