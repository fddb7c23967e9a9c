import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { DateTimeScalar } from '../graphql/scalars/datetime.scalar';

/** Columns every mutable record has: a UUID, a version for optimistic locking, and timestamps. */
@ObjectType()
export abstract class VersionedEntity {
  @Field(() => ID, { description: 'Unique identifier (a UUID).' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => Int, {
    description:
      'Goes up by one with every change. Send it back with an update: if someone else changed the record in ' +
      'the meantime the update fails with CONFLICT and nothing is written.',
  })
  @VersionColumn()
  version!: number;

  @Field(() => DateTimeScalar, { description: 'When the record was created.' })
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { description: 'When the record was last changed.' })
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}

/** A record with financial history is archived, never deleted. */
@ObjectType()
export abstract class ArchivableEntity extends VersionedEntity {
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the record was archived; null while it is in use. Archived records are hidden from lists unless asked for.',
  })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  archivedAt!: Date | null;
}
